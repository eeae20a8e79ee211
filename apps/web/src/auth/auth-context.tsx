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
import { onSessionRefreshed, refreshSession } from '../lib/session-refresh';
import { forgetSession, mayHaveSession, rememberSession, setCsrfToken } from '../lib/session-token';
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
  /** A sign-out the server did not confirm: the session may still be alive, so the member is told. */
  signOutError: unknown;
  signIn(connector: SignInConnector): Promise<void>;
  /** Ends this session, or with `everywhere` every session of the member (auth.logoutAll). */
  signOut(options?: { everywhere?: boolean }): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

/**
 * Refresh this long before the access token expires, so a request rarely meets a dead token (one that
 * does is retried once after a refresh: sessionRetryLink); a quarter of a short token's life at most.
 */
const REFRESH_MARGIN_MS = 60_000;
const SESSION_ENDED = 'Your session has ended. Please sign in again.';
const CROSS_TAB_KEY = 'puffy.auth.changed';
const MAX_TIMER_MS = 2_147_483_647;

export function AuthProvider({ children }: { children: ReactNode }) {
  const utils = trpc.useUtils();
  const session = trpc.auth.session.useQuery(undefined, { staleTime: 30_000, refetchOnWindowFocus: true });
  const [step, setStep] = useState<SignInStep | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [signOutError, setSignOutError] = useState<unknown>(null);
  const inFlight = useRef<AbortController | null>(null);
  const refresh = useCallback(() => refreshSession(() => utils.client.auth.refresh.mutate()), [utils]);

  const data = session.data;
  useEffect(() => {
    // Only a known answer changes the token: clearing it while the session loads would strip the
    // header from requests already made with a valid one.
    if (!data) return;
    setCsrfToken(data.signedIn ? data.csrfToken : null);
    if (data.signedIn) rememberSession();
  }, [data]);

  // Whoever refreshed (the timer, a retried request, another page's load), the session state follows.
  useEffect(
    () =>
      onSessionRefreshed((outcome) => {
        if (outcome === 'ended') setNotice(SESSION_ENDED);
        if (outcome !== 'failed') void utils.auth.session.invalidate();
      }),
    [utils],
  );

  // "Signed out" with a refresh cookie that may be alive (the access token died while the member was
  // away, or the page was opened after that): one refresh decides, and the page waits for it.
  // One try per signed-out spell, so a refresh that succeeds while the session still reads signed
  // out cannot loop; the page shows "loading" until the answer after the refresh arrives.
  const answeredAt = session.dataUpdatedAt;
  const [recoveryFor, setRecoveryFor] = useState<number | null>(null);
  const signedOut = data?.signedIn === false;
  const recovering = signedOut && (recoveryFor === null || recoveryFor === answeredAt) && mayHaveSession();
  useEffect(() => {
    if (!signedOut) {
      setRecoveryFor(null);
      return;
    }
    if (recoveryFor !== null || !mayHaveSession()) return;
    setRecoveryFor(answeredAt);
    void refresh().then((outcome) => {
      // No answer: show the member as signed out rather than loading forever.
      if (outcome === 'failed') setRecoveryFor(-1);
    });
  }, [signedOut, recoveryFor, answeredAt, refresh]);

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
    const untilExpiry = new Date(data.expiresAt).getTime() - Date.now();
    const untilRefresh = untilExpiry - Math.min(REFRESH_MARGIN_MS, untilExpiry / 4);
    const wait = Math.min(MAX_TIMER_MS, Math.max(1_000, untilRefresh));
    const timer = setTimeout(() => void refresh(), wait);
    return () => clearTimeout(timer);
  }, [data, refresh]);

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
        rememberSession();
        setSignOutError(null);
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

  // Local state is cleared only once the server ended the session (or says none is left): a sign-out
  // that fails leaves the member signed in, and told so, rather than looking signed out.
  const signOut = useCallback(
    async (options?: { everywhere?: boolean }) => {
      setSignOutError(null);
      try {
        if (options?.everywhere) await utils.client.auth.logoutAll.mutate();
        else await utils.client.auth.logout.mutate();
      } catch (logoutError) {
        if (describeError(logoutError).code !== 'UNAUTHORIZED') {
          setSignOutError(logoutError);
          return;
        }
      }
      forgetSession();
      setCsrfToken(null);
      setNotice(null);
      await utils.auth.session.invalidate();
      void utils.invalidate();
      announce();
    },
    [utils, announce],
  );

  const value = useMemo<AuthState>(
    () => ({
      status: session.isPending || recovering ? 'loading' : data?.signedIn ? 'signedIn' : 'signedOut',
      user: data?.signedIn ? data.user : null,
      step,
      error,
      notice,
      signOutError,
      signIn,
      signOut,
    }),
    [session.isPending, recovering, data, step, error, notice, signOutError, signIn, signOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth needs an <AuthProvider> above it');
  return state;
}
