import type { Store } from '@puffy/store';

/**
 * Tells every instance, through the store's pub/sub, that something each keeps a copy of changed (the
 * campaign rules, the catalog, the media hosts the CSP allows); each listener drops or reloads its own.
 * The change is already committed: a store that cannot announce it leaves the other copies as a lost
 * message would, and must not turn the operator's saved edit into an error.
 */
export async function announceChange(
  store: Store | undefined,
  channel: string,
  message = '*',
): Promise<void> {
  await store?.publish(channel, message).catch(() => undefined);
}
