import { useEffect, useState } from 'react';
import { describeError } from '../lib/errors';

/**
 * True while a TOO_MANY_REQUESTS answer's `retryAfterSeconds` runs, so a form's submit button waits
 * for the same countdown the error message shows instead of spending another attempt.
 */
export function useRetryLock(error: unknown): boolean {
  const [locked, setLocked] = useState(false);
  useEffect(() => {
    const seconds = error ? describeError(error).retryAfterSeconds : null;
    if (seconds === null || seconds <= 0) {
      setLocked(false);
      return;
    }
    setLocked(true);
    const timer = setTimeout(() => setLocked(false), seconds * 1000);
    return () => clearTimeout(timer);
  }, [error]);
  return locked;
}
