import { useEffect, useState } from 'react';

/** Seconds left until `deadline` (ISO), ticking each second; 0 once it passed. */
export function useSecondsLeft(deadline: string | null, now: () => number = Date.now): number {
  const left = () => (deadline === null ? 0 : Math.max(0, Math.ceil((Date.parse(deadline) - now()) / 1000)));
  const [seconds, setSeconds] = useState(left);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `left` is rebuilt from `deadline` each render.
  useEffect(() => {
    setSeconds(left());
    if (deadline === null) return;
    const timer = setInterval(() => {
      const next = left();
      setSeconds(next);
      if (next === 0) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [deadline]);
  return seconds;
}
