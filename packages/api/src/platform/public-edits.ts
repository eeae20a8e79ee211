import type { Store } from '@puffy/store';
import { RULES_INVALIDATE_CHANNEL } from '../eligibility/rules-cache';
import { CATALOG_INVALIDATE_CHANNEL } from '../store/catalog-cache';
import { announceChange } from './announce';

/**
 * Public answers (campaign pages, the catalog, `publicCacheSeconds` procedures) are kept in memory by
 * the server's fast path between edits (apps/server http/public-answers.ts). This says when they
 * changed: a counter per store, bumped here at once by the instance that made the edit and, through
 * the store's pub/sub, by every other instance, including for the edits the campaign rules' and the
 * catalog's caches already announce on their own channels.
 */
const PUBLIC_EDIT_CHANNEL = 'public:edit';
/** Read at subscription time, not at load: those two modules import this one. */
const channels = () => [PUBLIC_EDIT_CHANNEL, RULES_INVALIDATE_CHANNEL, CATALOG_INVALIDATE_CHANNEL];

interface Watch {
  generation: number;
  listening: 'pending' | 'ready';
}

const watches = new WeakMap<Store, Watch>();

function watchOf(store: Store): Watch {
  const watch = watches.get(store);
  if (watch) return watch;
  const created: Watch = { generation: 0, listening: 'pending' };
  watches.set(store, created);
  const bump = () => {
    created.generation += 1;
  };
  Promise.all(channels().map((channel) => store.subscribe(channel, bump))).then(
    () => {
      created.listening = 'ready';
    },
    // Tried again on the next read; meanwhile nothing is kept (publicEditGeneration says null).
    () => watches.delete(store),
  );
  return created;
}

/**
 * The current edit generation of public answers, or null while this instance cannot yet hear the
 * edits of others (then nothing may be kept: a copy must never outlive an edit it could not hear of).
 */
export function publicEditGeneration(store: Store): number | null {
  const watch = watchOf(store);
  return watch.listening === 'ready' ? watch.generation : null;
}

/** Something a public answer shows changed here: drop this instance's copies now. */
export function notePublicEdit(store: Store | undefined): void {
  const watch = store && watches.get(store);
  if (watch) watch.generation += 1;
}

/**
 * Something a public answer shows changed (an operator's edit): drop this instance's copies now and,
 * through the store, every other instance's.
 */
export async function announcePublicEdit(store: Store): Promise<void> {
  notePublicEdit(store);
  await announceChange(store, PUBLIC_EDIT_CHANNEL);
}
