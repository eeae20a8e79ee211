import type { TNftProgress } from '@puffy/contracts';
import { ZNftProgress } from '@puffy/contracts';
import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import type { Deps } from '../deps';
import { pendingReportsOfNfts } from '../payment/reports';
import { isSvmNetwork } from './config';

export type NftRow = typeof import('@puffy/db').pg.userNfts.$inferSelect;

/** The explorer page of a minted asset, on the network it lives on. */
export function explorerUrl(deps: Deps, nft: Pick<NftRow, 'network' | 'assetAddress'>): string | null {
  if (!nft.assetAddress || !isSvmNetwork(nft.network)) return null;
  const network = deps.promotion.networks[nft.network];
  if (!network) return null;
  return `${network.explorerBase}/address/${nft.assetAddress}${network.explorerQuery}`;
}

interface CountedPayment {
  nftId: number | null;
  hash: string;
  status: string;
  surplus: bigint;
}

/**
 * The payment that counts for each NFT: an accepted or final one first, else the newest report still
 * waiting for the chain (which reserves nothing, but tells the member their hash is being watched).
 */
async function paymentsFor(deps: Deps, nftIds: number[]): Promise<Map<number, CountedPayment>> {
  const p = deps.db.t.payments;
  const best = new Map<number, CountedPayment>();
  if (nftIds.length === 0) return best;
  const rows = await deps.db.db
    .select({
      nftId: p.nftId,
      hash: p.transactionHash,
      status: p.status,
      surplus: p.surplus,
    })
    .from(p)
    .where(and(inArray(p.nftId, nftIds), ne(p.status, 'rejected')))
    .orderBy(desc(p.createdAt));
  for (const row of rows) {
    if (row.nftId === null) continue;
    const current = best.get(row.nftId);
    if (!current || (current.status === 'pending' && row.status !== 'pending')) best.set(row.nftId, row);
  }
  for (const [nftId, hash] of await pendingReportsOfNfts(deps, nftIds)) {
    if (!best.has(nftId)) best.set(nftId, { nftId, hash, status: 'pending', surplus: 0n });
  }
  return best;
}

function toProgress(deps: Deps, nft: NftRow, payment: CountedPayment | undefined): TNftProgress {
  return ZNftProgress.parse({
    nftId: nft.id,
    promotionId: nft.promotionId,
    campaignId: nft.campaignId,
    network: nft.network,
    sequence: nft.sequence,
    status: nft.status,
    transactionHash: payment?.hash ?? null,
    paymentPending: payment?.status === 'pending',
    surplus: (payment?.surplus ?? 0n).toString(),
    assetAddress: nft.assetAddress,
    mintSignature: nft.mintSignature,
    explorerUrl: explorerUrl(deps, nft),
    failureReason: nft.failureReason,
    payBefore: nft.payBefore?.toISOString() ?? null,
    updatedAt: nft.updatedAt.toISOString(),
  });
}

export async function progressOf(deps: Deps, nfts: NftRow[]): Promise<TNftProgress[]> {
  const payments = await paymentsFor(
    deps,
    nfts.map((n) => n.id),
  );
  return nfts.map((nft) => toProgress(deps, nft, payments.get(nft.id)));
}

export async function nftById(deps: Deps, nftId: number): Promise<NftRow | null> {
  const n = deps.db.t.userNfts;
  const [row] = await deps.db.db.select().from(n).where(eq(n.id, nftId)).limit(1);
  return row ?? null;
}

export async function nftsOfUser(deps: Deps, userId: string): Promise<NftRow[]> {
  const n = deps.db.t.userNfts;
  return deps.db.db.select().from(n).where(eq(n.userId, userId)).orderBy(n.id).limit(100);
}

export const statusChannel = (userId: string) => `nft-status:${userId}`;

/**
 * Tells the owner's live status streams, on every instance, after the change committed. A lost message
 * only delays the SPA (it re-reads on reconnect), so a store failure is logged, not thrown.
 */
export async function publishNftStatus(deps: Deps, nftId: number): Promise<void> {
  try {
    const nft = await nftById(deps, nftId);
    if (!nft) return;
    const [event] = await progressOf(deps, [nft]);
    await deps.store.publish(statusChannel(nft.userId), JSON.stringify(event));
  } catch (error) {
    deps.logger.warn({ err: error, nftId }, 'nft status not published');
  }
}

/**
 * A claim just created: its row is in hand and no payment can name it yet, so its status needs no
 * read (publishNftStatus would read the row and its payments back).
 */
export async function publishNewClaimStatus(deps: Deps, nft: NftRow): Promise<void> {
  try {
    const event = toProgress(deps, nft, undefined);
    await deps.store.publish(statusChannel(nft.userId), JSON.stringify(event));
  } catch (error) {
    deps.logger.warn({ err: error, nftId: nft.id }, 'nft status not published');
  }
}
