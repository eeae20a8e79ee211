import { lazy, Suspense, useEffect, useState } from 'react';
import { currentToasts, subscribeToasts } from './toast-queue';

const Toaster = lazy(() => import('./toast'));

/** Renders the toaster once the first toast is queued, so its code is not part of the first load. */
export function ToastOutlet({ closeLabel }: { closeLabel: string }) {
  const [needed, setNeeded] = useState(() => currentToasts().length > 0);
  useEffect(() => subscribeToasts((messages) => messages.length > 0 && setNeeded(true)), []);
  if (!needed) return null;
  return (
    <Suspense fallback={null}>
      <Toaster closeLabel={closeLabel} />
    </Suspense>
  );
}
