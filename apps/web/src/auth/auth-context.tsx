import type { TAuthUser } from '@puffy/contracts';
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { describeError } from '../lib/errors';
import { setCsrfToken } from '../lib/session-token';
import { trackStep } from '../lib/telemetry';
import { trpc } from '../lib/trpc';
import type { SignInConnector } from './connectors';
import { type SignInStep, signInWithWallet } from './sign-in';

type Status = 'loading' | 'signedOut' | 'signedIn';

interface AuthState {
  status: Status;
  user: TAuthUser | null;
  step: SignInStep | null;
  error: unknown;
  /** Why the member was signed out without asking (an expired or revoked session). */
  notice: string | null;
  signIn(connector: SignInConnector): Promise<void>;
  signOut(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

/** Refresh this long before the access token expires, so a request never meets a dead token. */
const REFRESH_MARGIN_MS = 60_000;
const CROSS_TAB_KEY = 'puffy.auth.changed';
const MAX_TIMER_MS = 2_147_483_647;

export function AuthProvider({ children }: { children: ReactNode }) {
  const utils = trpc.useUtils();
  const session = trpc.auth.session.useQuery(undefined, { staleTime: 30_000, refetchOnWindowFocus: true });
  const [step, setStep] = useState<SignInStep | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const inFlight = useRef<AbortController | null>(null);

  const data = session.data;
  useEffect(() => {
    // Only a known answer changes the token: clearing it while the session loads would strip the
    // header from requests already made with a valid one.
    if (data) setCsrfToken(data.signedIn ? data.csrfToken : null);
  }, [data]);

  const announce = useCallback(() => {
    localStorage.setItem(CROSS_TAB_KEY, String(Date.now()));
  }, []);

  // Another tab signed in or out: follow it.
  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key === CROSS_TAB_KEY) void utils.auth.session.invalidate();
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [utils]);

  // Silent refresh before the access token expires; a dead session signs out with a clear message.
  useEffect(() => {
    if (!data?.signedIn) return;
    // setTimeout fires at once past 2^31-1 ms, so a far expiry waits the longest a timer can.
    const untilRefresh = new Date(data.expiresAt).getTime() - Date.now() - REFRESH_MARGIN_MS;
    const wait = Math.min(MAX_TIMER_MS, Math.max(1_000, untilRefresh));
    const timer = setTimeout(async () => {
      try {
        const refreshed = await utils.client.auth.refresh.mutate();
        setCsrfToken(refreshed.csrfToken);
      } catch (refreshError) {
        if (describeError(refreshError).code === 'UNAUTHORIZED') {
          setCsrfToken(null);
          setNotice('Your session has ended. Please sign in again.');
        }
      }
      await utils.auth.session.invalidate();
    }, wait);
    return () => clearTimeout(timer);
  }, [data, utils]);

  const signIn = useCallback(
    async (connector: SignInConnector) => {
      inFlight.current?.abort();
      const controller = new AbortController();
      inFlight.current = controller;
      const stopWatching = connector.onChange?.(() => controller.abort());
      setError(null);
      setNotice(null);
      trackStep('connect', { wallet: connector.chain });
      try {
        const result = await signInWithWallet(
          connector,
          {
            challenge: (input) => utils.client.auth.challenge.mutate(input),
            verify: (input) => utils.client.auth.verify.mutate(input),
          },
          controller.signal,
          setStep,
        );
        setCsrfToken(result.csrfToken);
        await utils.auth.session.invalidate();
        announce();
      } catch (signInError) {
        setError(signInError);
      } finally {
        stopWatching?.();
        if (inFlight.current === controller) inFlight.current = null;
        setStep(null);
      }
    },
    [utils, announce],
  );

  const signOut = useCallback(async () => {
    try {
      await utils.client.auth.logout.mutate();
    } finally {
      setCsrfToken(null);
      await utils.auth.session.invalidate();
      void utils.invalidate();
      announce();
    }
  }, [utils, announce]);

  const value = useMemo<AuthState>(
    () => ({
      status: session.isPending ? 'loading' : data?.signedIn ? 'signedIn' : 'signedOut',
      user: data?.signedIn ? data.user : null,
      step,
      error,
      notice,
      signIn,
      signOut,
    }),
    [session.isPending, data, step, error, notice, signIn, signOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth needs an <AuthProvider> above it');
  return state;
}
