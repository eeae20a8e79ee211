import { useEffect, useState } from 'react';

/** "Try again in N s", counting down to zero, then telling the member they may retry. */
export function RateLimitCountdown({ seconds, onDone }: { seconds: number; onDone?: () => void }) {
  const [left, setLeft] = useState(Math.max(0, Math.ceil(seconds)));
  useEffect(() => {
    setLeft(Math.max(0, Math.ceil(seconds)));
  }, [seconds]);
  useEffect(() => {
    if (left <= 0) {
      onDone?.();
      return;
    }
    const timer = setTimeout(() => setLeft((n) => n - 1), 1000);
    return () => clearTimeout(timer);
  }, [left, onDone]);
  return (
    <p className="countdown" role="status" aria-live="polite">
      {left > 0 ? `Too many attempts. Try again in ${left} s.` : 'You can try again now.'}
    </p>
  );
}
