import type { Db } from '@puffy/db';
import type { Store } from '@puffy/store';
import type { Deps } from '../deps';
import { announceChange } from '../platform/announce';
import { notePublicEdit } from '../platform/public-edits';
import { type CampaignRules, loadCampaignRules } from './rules';

/**
 * How long a campaign's rules are reused without asking the database. Short, because an edit that
 * misses its invalidation (a direct database change, a lost pub/sub message) is only corrected by
 * age; long enough that a launch spike reads each campaign's rules a few times a minute, not per check.
 */
const RULES_TTL_MS = 5_000;
/** Other server instances (and the job worker) announce edits here; each drops its own copy. */
export const RULES_INVALIDATE_CHANNEL = 'eligibility:rules:invalidate';
const INVALIDATE_CHANNEL = RULES_INVALIDATE_CHANNEL;
/** A campaign filled: `<campaignId>:<eligibleCount>`, so each copy refuses at once. */
const COUNT_CHANNEL = 'eligibility:rules:count';

interface Entry {
  rules: CampaignRules;
  /** Process time (not the domain clock: tests fix that one), for the entry's age. */
  loadedAt: number;
}

interface Cache {
  entries: Map<number, Entry>;
  /** Bumped by every invalidation, so a load that started before one is not stored after it. */
  generation: number;
}

/** One cache per database handle: two test databases in one process never see each other's rules. */
const caches = new WeakMap<Db, Cache>();
/** Stores already listening for invalidations, per database handle. */
const listening = new WeakMap<Db, WeakSet<Store>>();

function cacheOf(db: Db): Cache {
  let cache = caches.get(db);
  if (!cache) {
    cache = { entries: new Map(), generation: 0 };
    caches.set(db, cache);
  }
  return cache;
}

function drop(cache: Cache, campaignId: number | null): void {
  cache.generation += 1;
  if (campaignId === null) cache.entries.clear();
  else cache.entries.delete(campaignId);
}

function listen(db: Db, store: Store | undefined): void {
  if (!store) return;
  let stores = listening.get(db);
  if (!stores) {
    stores = new WeakSet();
    listening.set(db, stores);
  }
  if (stores.has(store)) return;
  stores.add(store);
  const cache = cacheOf(db);
  // A failed subscription leaves only the TTL to bound staleness; that is the designed fallback.
  Promise.all([
    store.subscribe(INVALIDATE_CHANNEL, (message) => drop(cache, message === '*' ? null : Number(message))),
    store.subscribe(COUNT_CHANNEL, (message) => {
      const [campaignId, count] = message.split(':').map(Number);
      if (Number.isInteger(campaignId) && Number.isInteger(count))
        raiseCount(cache, campaignId ?? 0, count ?? 0);
    }),
  ]).catch(() => stores.delete(store));
}

/**
 * Seats are only ever taken between edits (an edit that resets the count drops the entry), so the
 * higher count is the newer one, whatever order the announcements arrive in.
 */
function raiseCount(cache: Cache, campaignId: number, eligibleCount: number): void {
  const entry = cache.entries.get(campaignId);
  if (!entry || entry.rules.campaign.eligibleCount >= eligibleCount) return;
  const campaign = { ...entry.rules.campaign, eligibleCount };
  cache.entries.set(campaignId, { ...entry, rules: { ...entry.rules, campaign } });
}

type CacheDeps = Pick<Deps, 'db'> & Partial<Pick<Deps, 'store'>>;

/**
 * `loadCampaignRules` through a short-lived in-process cache: the hot public checks (dry run,
 * eligibility.first) read a campaign's rules, and the active snapshot ids memoized on them, once per
 * few seconds instead of three or four queries per check. Campaigns that are not found are not
 * cached, so one that becomes visible is seen at once.
 */
export async function cachedCampaignRules(
  deps: CacheDeps,
  campaignIds: number[],
): Promise<Map<number, CampaignRules>> {
  listen(deps.db, deps.store);
  const cache = cacheOf(deps.db);
  const now = performance.now();
  const generation = cache.generation;
  const found = new Map<number, CampaignRules>();
  const missing: number[] = [];
  for (const id of campaignIds) {
    const entry = cache.entries.get(id);
    if (entry && now - entry.loadedAt < RULES_TTL_MS) found.set(id, entry.rules);
    else missing.push(id);
  }
  if (missing.length === 0) return found;
  const loaded = await loadCampaignRules(deps, missing);
  for (const [id, rules] of loaded) {
    if (cache.generation === generation) cache.entries.set(id, { rules, loadedAt: now });
    found.set(id, rules);
  }
  return found;
}

/**
 * Drops a campaign's cached rules here and, through the store, in every other instance. Call it after
 * any change to a campaign, its eligibility methods, its required activities or its active snapshot
 * (the admin campaign builder and snapshot activation do); `null` drops every campaign.
 */
export async function invalidateCampaignRules(deps: CacheDeps, campaignId: number | null): Promise<void> {
  drop(cacheOf(deps.db), campaignId);
  notePublicEdit(deps.store);
  await deps.store?.publish(INVALIDATE_CHANNEL, campaignId === null ? '*' : String(campaignId));
}

/**
 * The campaign's last place was taken (seats.ts tells): its count is now `eligibleCount`, here and,
 * through the store, in every other instance. Without it the cached rules would tell guests a
 * campaign that just filled is still open for the rest of their lifetime. Places taken before the
 * last are not announced (the cache only decides "full"; the page's count is read fresh), and the
 * count is updated rather than the rules dropped, so a launch spike keeps being answered from the cache.
 */
export async function noteEligibleCount(
  deps: CacheDeps,
  campaignId: number,
  eligibleCount: number,
): Promise<void> {
  raiseCount(cacheOf(deps.db), campaignId, eligibleCount);
  // The seat is taken and committed: a store that cannot announce it leaves the other copies to their
  // age, and must not turn the member's success into an error.
  await announceChange(deps.store, COUNT_CHANNEL, `${campaignId}:${eligibleCount}`);
}
