import { createHash } from 'node:crypto';
import { type HoldingsCollection, HoldingsInputError, isUpstreamError } from '@puffy/chains';
import type { TEligibilityWallet, TNetwork } from '@puffy/contracts';
import type { Db } from '@puffy/db';
import { and, desc, eq, inArray, type Placeholder, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Deps } from '../deps';
import { BadInput } from '../platform/errors';
import { perDatabase } from '../platform/per-database';
import type { CampaignRules, MethodRule } from './rules';
import { walletChainOf } from './wallets';

/** Live answers are reused this long: a launch spike asks the same wallets again and again. */
const HOLDS_TTL_MS = 60_000;
const HOLDS_NOT_TTL_MS = 20_000;

/** A holder method's optional settings; without them the campaign's own collection is asked. */
const ZHolderConfig = z.object({
  collectionAddress: z.string().min(1).optional(),
  collectionName: z.string().optional(),
  tokenId: z.string().regex(/^\d+$/).optional(),
  standard: z.enum(['erc721', 'erc1155']).optional(),
  mints: z.array(z.string()).max(500).optional(),
});

/**
 * A method's settings parsed once per rules object: the public checks reuse cached rules, so a
 * launch spike would otherwise parse the same configuration on every request.
 */
const parsedConfigs = new WeakMap<object, ReturnType<typeof ZHolderConfig.safeParse>>();

function holderConfigOf(config: Record<string, unknown>) {
  // A stored configuration that is not an object cannot key the memo; it fails the parse anyway.
  if (typeof config !== 'object' || config === null) return ZHolderConfig.safeParse(config);
  let parsed = parsedConfigs.get(config);
  if (!parsed) {
    parsed = ZHolderConfig.safeParse(config);
    parsedConfigs.set(config, parsed);
  }
  return parsed;
}

export type HolderResult =
  | { status: 'passed'; wallet: TEligibilityWallet; detail: string }
  | { status: 'failed'; detail: string }
  | { status: 'unavailable'; detail: string };

const networkName: Record<TNetwork, string> = {
  eth: 'Ethereum',
  berachain: 'Berachain',
  sol: 'Solana',
  soon: 'SOON',
  ton: 'TON',
};

/**
 * Whether one of `wallets` holds the collection a holder method names: the campaign's active snapshot
 * for that network when there is one (a primary-key lookup), the chain itself otherwise.
 */
export async function checkHolder(
  deps: Pick<Deps, 'db' | 'store' | 'holdings' | 'logger'>,
  rules: CampaignRules,
  rule: MethodRule & { method: TNetwork },
  wallets: TEligibilityWallet[],
): Promise<HolderResult> {
  const network = rule.method;
  const config = holderConfigOf(rule.config);
  if (!config.success) {
    // Guessing at a broken setting could ask the wrong collection; say so instead and tell operators.
    deps.logger.warn(
      { campaignId: rules.campaign.id, method: network, issues: config.error.issues },
      'invalid holder method config',
    );
    return {
      status: 'failed',
      detail: `The ${networkName[network]} requirement of this campaign is misconfigured.`,
    };
  }
  const settings = config.data;
  const collectionAddress =
    settings.collectionAddress ??
    (rules.campaign.network === network ? rules.campaign.collectionAddress : null);
  const collectionName =
    settings.collectionName ??
    rules.campaign.collectionName ??
    `the campaign's ${networkName[network]} collection`;
  const candidates = wallets.filter((w) => w.chain === walletChainOf[network]);
  const need = `hold an NFT of ${collectionName} on ${networkName[network]}`;
  if (candidates.length === 0) {
    return { status: 'failed', detail: `Connect a ${networkName[network]} wallet that can ${need}.` };
  }

  const snapshot = await snapshotAnswer(deps, rules.campaign.id, network, candidates);
  if (snapshot.kind === 'hit') {
    const wallet = candidates.find((w) => w.address === snapshot.address);
    if (wallet) return { status: 'passed', wallet, detail: `Holds ${collectionName} (holder snapshot).` };
  }
  if (snapshot.kind !== 'no_snapshot') {
    return { status: 'failed', detail: `Not in the holder snapshot: ${need}.` };
  }

  if (!collectionAddress) {
    return {
      status: 'failed',
      detail: `No ${networkName[network]} collection is configured for this campaign yet.`,
    };
  }
  const collection: HoldingsCollection = {
    address: collectionAddress,
    tokenId: settings.tokenId,
    standard: settings.standard,
    mints: settings.mints,
  };
  let unavailable = false;
  for (const wallet of candidates) {
    const answer = await holdsLive(deps, network, wallet.address, collection);
    if (answer === 'unavailable') unavailable = true;
    else if (answer)
      return { status: 'passed', wallet, detail: `Holds ${collectionName} on ${networkName[network]}.` };
  }
  if (unavailable) {
    return {
      status: 'unavailable',
      detail: `Could not ask ${networkName[network]} right now; try again in a moment.`,
    };
  }
  return { status: 'failed', detail: `No NFT of ${collectionName} found: ${need}.` };
}

/**
 * The campaign's active snapshot for the network and whether one of the wallets is in it, in ONE
 * indexed statement (the status index finds the snapshot, the primary key the address): the launch
 * spike's hot query. Asking in one statement also keeps activation atomic for readers; a cached
 * snapshot id could point at a superseded list whose rows are being deleted.
 */
async function snapshotAnswer(
  deps: Pick<Deps, 'db'>,
  campaignId: number,
  network: TNetwork,
  candidates: TEligibilityWallet[],
): Promise<{ kind: 'hit'; address: string } | { kind: 'miss' } | { kind: 'no_snapshot' }> {
  const addresses = candidates.map((w) => w.address);
  const [row] =
    addresses.length === 1
      ? await preparedLookup(deps.db).execute({ campaignId, network, address: addresses[0] })
      : await snapshotLookup(deps, campaignId, network, addresses);
  if (!row) return { kind: 'no_snapshot' };
  return row.address === null ? { kind: 'miss' } : { kind: 'hit', address: row.address };
}

/** The hot lookup's statement, exported for its EXPLAIN test (it must stay on its indexes). */
export function snapshotLookup(
  deps: Pick<Deps, 'db'>,
  campaignId: number,
  network: TNetwork,
  addresses: string[],
) {
  return lookupStatement(deps.db, campaignId, network, inArray(deps.db.t.snapshotHolders.address, addresses));
}

/**
 * The same statement for one address, the shape of every public check (one wallet): the one the
 * service prepares, exported with values for its EXPLAIN test.
 */
export function snapshotLookupOne(
  deps: Pick<Deps, 'db'>,
  campaignId: number | Placeholder,
  network: TNetwork | Placeholder,
  address: string | Placeholder,
) {
  return lookupStatement(deps.db, campaignId, network, eq(deps.db.t.snapshotHolders.address, address));
}

function lookupStatement(
  db: Db,
  campaignId: number | Placeholder,
  network: TNetwork | Placeholder,
  addressMatches: SQL,
) {
  const { t } = db;
  return db.db
    .select({ address: t.snapshotHolders.address })
    .from(t.holderSnapshots)
    .leftJoin(t.snapshotHolders, and(eq(t.snapshotHolders.snapshotId, t.holderSnapshots.id), addressMatches))
    .where(
      and(
        eq(t.holderSnapshots.campaignId, campaignId),
        eq(t.holderSnapshots.network, network),
        eq(t.holderSnapshots.status, 'active'),
      ),
    )
    .orderBy(desc(t.holderSnapshots.version))
    .limit(1);
}

function prepareLookup(db: Db) {
  return snapshotLookupOne(
    { db },
    sql.placeholder('campaignId'),
    sql.placeholder('network'),
    sql.placeholder('address'),
  ).prepare('snapshot_lookup_one');
}

/**
 * The one-address lookup prepared once per database: building it through the query builder cost
 * about 200 µs a call here, ten times what the database takes to answer it.
 */
const preparedLookup = perDatabase(prepareLookup);

async function holdsLive(
  deps: Pick<Deps, 'store' | 'holdings' | 'logger'>,
  network: TNetwork,
  wallet: string,
  collection: HoldingsCollection,
): Promise<boolean | 'unavailable'> {
  const key = `elig:holds:${network}:${wallet}:${createHash('sha256').update(JSON.stringify(collection)).digest('base64url')}`;
  const cached = await deps.store.get(key);
  if (cached === '1') return true;
  if (cached === '0') return false;
  try {
    const answer = await deps.holdings.holds({ network, wallet, collection });
    await deps.store.set(key, answer.holds ? '1' : '0', {
      ttlMs: answer.holds ? HOLDS_TTL_MS : HOLDS_NOT_TTL_MS,
    });
    return answer.holds;
  } catch (error) {
    if (error instanceof HoldingsInputError) {
      throw new BadInput(error.message, { [error.field]: [error.message] }, 'invalid_holdings_query');
    }
    if (isUpstreamError(error)) {
      deps.logger.warn({ err: error, network, kind: error.kind }, 'live holdings check unavailable');
      return 'unavailable';
    }
    throw error;
  }
}
