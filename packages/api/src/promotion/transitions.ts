import { nftStatusMoves, type TNftStatus } from '@puffy/contracts';
import type { Database } from '@puffy/db';
import { and, eq } from 'drizzle-orm';
import type { Deps } from '../deps';
import { Conflict } from '../platform/errors';
import { statusMoves } from '../platform/status-moves';

/** Every move an NFT may make: contracts' lifecycles (docs/product/claims.md). */
export const NFT_TRANSITIONS: Readonly<Record<TNftStatus, readonly TNftStatus[]>> = nftStatusMoves;

const nftMoves = statusMoves(
  NFT_TRANSITIONS,
  (from, to) => new Conflict(`An NFT cannot go from ${from} to ${to}.`, 'invalid_transition'),
);

export const mayTransition = nftMoves.can;
export const assertNftTransition = nftMoves.assert;

type NftColumns = Partial<
  Pick<
    typeof import('@puffy/db').pg.userNfts.$inferInsert,
    'assetAddress' | 'mintSignature' | 'failureReason' | 'mintAttempts'
  >
>;

export interface NftTransition {
  nftId: number;
  from: TNftStatus;
  to: TNftStatus;
  /** Written as `failure_reason` (why it expired or failed); cleared on other moves unless given. */
  reason?: string | null;
  set?: NftColumns;
}

/**
 * The one way an NFT's status changes: the guard, then a conditional UPDATE on the status the caller
 * read, so of two workers or instances moving the same NFT only one wins. Returns false when the NFT
 * was no longer in `from` (the caller decides whether that is a conflict or already done).
 */
export async function transitionNft(deps: Deps, tx: Database, move: NftTransition): Promise<boolean> {
  assertNftTransition(move.from, move.to);
  const n = deps.db.t.userNfts;
  const moved = await tx
    .update(n)
    .set({
      status: move.to,
      failureReason: move.reason ?? null,
      updatedAt: deps.clock.now(),
      ...move.set,
    })
    .where(and(eq(n.id, move.nftId), eq(n.status, move.from)))
    .returning({ id: n.id });
  return moved.length > 0;
}
