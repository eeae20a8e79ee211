import type { TCatalog } from '@puffy/contracts';
import type { Db } from '@puffy/db';
import type { Store } from '@puffy/store';
import type { Deps } from '../deps';
import { announceChange } from '../platform/announce';
import { notePublicEdit } from '../platform/public-edits';
import { readCatalog } from './catalog';

/**
 * How long the public catalog is reused without asking the database. Short, because a change that
 * misses its announcement (a direct database edit, a lost pub/sub message) is only corrected by age.
 */
const CATALOG_TTL_MS = 5_000;
/** An operator changed the catalog or the store settings: every instance drops its copy. */
export const CATALOG_INVALIDATE_CHANNEL = 'store:catalog:invalidate';
const INVALIDATE_CHANNEL = CATALOG_INVALIDATE_CHANNEL;

interface Cache {
  entry: { catalog: TCatalog; loadedAt: number } | null;
  /** Bumped by every invalidation, so a load that started before one is not stored after it. */
  generation: number;
  /** Per store: whether this cache hears invalidations yet ('ready' once the subscription is active). */
  subscriptions: WeakMap<Store, 'pending' | 'ready'>;
}

/** One cache per database handle, as the campaign rules' cache (eligibility/rules-cache.ts) keeps. */
const caches = new WeakMap<Db, Cache>();

function cacheOf(db: Db): Cache {
  let cache = caches.get(db);
  if (!cache) {
    cache = { entry: null, generation: 0, subscriptions: new WeakMap() };
    caches.set(db, cache);
  }
  return cache;
}

function drop(cache: Cache): void {
  cache.generation += 1;
  cache.entry = null;
}

/**
 * True once invalidations from other instances reach this cache. Until then nothing is kept, so a
 * copy is never held through an edit this instance could not hear about.
 */
function hears(cache: Cache, store: Store): boolean {
  const state = cache.subscriptions.get(store);
  if (state !== undefined) return state === 'ready';
  cache.subscriptions.set(store, 'pending');
  store
    .subscribe(INVALIDATE_CHANNEL, () => drop(cache))
    .then(
      () => cache.subscriptions.set(store, 'ready'),
      // A failed subscription is tried again on the next read; meanwhile nothing is cached.
      () => cache.subscriptions.delete(store),
    );
  return false;
}

/**
 * The public catalog (`store.catalog`) through a short-lived in-process cache: the store page asks for
 * it on every visit. Quotes and checkout never read it: they price from the database itself.
 */
export async function cachedCatalog(deps: Deps): Promise<TCatalog> {
  const cache = cacheOf(deps.db);
  const subscribed = hears(cache, deps.store);
  const now = performance.now();
  if (cache.entry && now - cache.entry.loadedAt < CATALOG_TTL_MS) return cache.entry.catalog;
  const generation = cache.generation;
  const catalog = await readCatalog(deps);
  if (subscribed && cache.generation === generation) cache.entry = { catalog, loadedAt: now };
  return catalog;
}

/**
 * Drops the cached catalog here and, through the store, in every other instance. Call it after any
 * committed change to the products or the store settings (the admin Store section does).
 */
export async function invalidateCatalog(deps: Pick<Deps, 'db' | 'store'>): Promise<void> {
  drop(cacheOf(deps.db));
  notePublicEdit(deps.store);
  // A store that cannot announce it leaves the other copies to their age (TTL above).
  await announceChange(deps.store, INVALIDATE_CHANNEL);
}
