import type { Database } from '@puffy/db';
import { eq, sql } from 'drizzle-orm';
import type { Deps } from '../deps';
import { NotFound } from '../platform/errors';
import type { NftRow } from './progress';

type NftInsert = typeof import('@puffy/db').pg.userNfts.$inferInsert;

/**
 * Takes the promotion's next NFT number: one statement raises the counter and reads it, so the row
 * lock lasts only that statement and concurrent claims never share a number. A claim that then fails
 * leaves a gap: numbers are unique and never reused, not dense.
 */
export async function takeNftNumber(
  deps: Pick<Deps, 'db'>,
  q: Database,
  promotion: { id: number },
): Promise<number> {
  const p = deps.db.t.promotions;
  const [taken] = await q
    .update(p)
    .set({ nextSequence: sql`${p.nextSequence} + 1` })
    .where(eq(p.id, promotion.id))
    .returning({ next: p.nextSequence });
  if (!taken) throw new NotFound('This promotion no longer exists.', 'promotion_not_found');
  return taken.next - 1;
}

/** Writes a member's numbered NFT record, created and updated at `now`. */
export async function insertNft(
  deps: Pick<Deps, 'db'>,
  tx: Database,
  now: Date,
  nft: Omit<NftInsert, 'createdAt' | 'updatedAt'>,
): Promise<NftRow> {
  const [row] = await tx
    .insert(deps.db.t.userNfts)
    .values({ ...nft, createdAt: now, updatedAt: now })
    .returning();
  if (!row) throw new Error('user_nfts insert returned no row');
  return row;
}
