import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../lib/intl';

const TICK_MS = 250;

function secondsUntil(deadline: number): number {
  return Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
}

/**
 * "Try again in N s" for a TOO_MANY_REQUESTS answer, counting down to zero. It reads the clock against
 * a deadline rather than decrementing a counter, so a throttled background tab still ends on time.
 * Give it a new `key` for a new answer with the same number of seconds.
 */
export function RateLimitCountdown({ seconds, onDone }: { seconds: number; onDone?: () => void }) {
  const { t } = useTranslation();
  const [left, setLeft] = useState(() => Math.max(0, Math.ceil(seconds)));
  const done = useRef(onDone);
  done.current = onDone;

  useEffect(() => {
    const deadline = Date.now() + Math.max(0, seconds) * 1000;
    setLeft(secondsUntil(deadline));
    const timer = setInterval(() => {
      const remaining = secondsUntil(deadline);
      setLeft(remaining);
      if (remaining === 0) clearInterval(timer);
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [seconds]);

  useEffect(() => {
    if (left === 0) done.current?.();
  }, [left]);

  return (
    <p className="tabular-nums" role="status" aria-live="polite">
      {left > 0 ? t('countdown.wait', { seconds: formatNumber(left) }) : t('countdown.ready')}
    </p>
  );
}
