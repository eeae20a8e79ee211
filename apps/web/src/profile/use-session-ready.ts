import { useEffect, useState } from 'react';
import { useAuth } from '../auth/auth-context';

/**
 * True once the session is known and its CSRF token is in place, so a page may send a mutation on
 * arrival. The AuthProvider stores the token in its own effect, and React runs a parent's effects
 * after its children's: waiting one task lets that happen first, or the server refuses the call.
 */
export function useSessionReady(): boolean {
  const auth = useAuth();
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (auth.status === 'loading') {
      setReady(false);
      return;
    }
    const timer = setTimeout(() => setReady(true), 0);
    return () => clearTimeout(timer);
  }, [auth.status]);
  return ready;
}
