import type { ReactNode } from 'react';
import { SkeletonCard } from '../components/skeleton';
import { useAuth } from './auth-context';

/**
 * Private pages render nothing private until the session is known: a skeleton while it loads, a
 * sign-in prompt when there is none. No flash of someone's content, no redirect loop.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const auth = useAuth();
  if (auth.status === 'loading') return <SkeletonCard />;
  if (auth.status === 'signedOut') {
    return (
      <section className="card" data-testid="sign-in-required">
        <h1>Sign in to continue</h1>
        <p>Connect your wallet with the button at the top to see this page.</p>
        {auth.notice && <p className="muted">{auth.notice}</p>}
      </section>
    );
  }
  return <>{children}</>;
}
