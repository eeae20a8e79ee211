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

/** Whole seconds since `key` last changed (a step began), ticking each second while `running`. */
export function useSecondsSince(key: string, running: boolean, now: () => number = Date.now): number {
  const [since, setSince] = useState(now);
  const [seconds, setSeconds] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new key is a new step: the clock restarts.
  useEffect(() => {
    const start = now();
    setSince(start);
    setSeconds(0);
  }, [key]);
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setSeconds(Math.floor((now() - since) / 1000)), 1000);
    return () => clearInterval(timer);
  }, [running, since, now]);
  return seconds;
}
