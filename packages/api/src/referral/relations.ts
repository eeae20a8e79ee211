import type { TReferralRelationsInput, TReferralRelationsOutput } from '@puffy/contracts';
import { and, desc, eq, lt, or, type SQL } from 'drizzle-orm';
import type { Deps } from '../deps';
import { BadInput } from '../platform/errors';
import { shortWallet } from '../platform/short-wallet';

interface Cursor {
  at: Date;
  id: string;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.at.getTime()}:${cursor.id}`).toString('base64url');
}

function decodeCursor(raw: string): Cursor {
  const [ms, id] = Buffer.from(raw, 'base64url').toString('utf8').split(':');
  const at = new Date(Number(ms));
  if (!id || Number.isNaN(at.getTime()))
    throw new BadInput(
      'That page cursor is not valid; start again from the first page.',
      {
        cursor: ['Use the nextCursor of the previous page.'],
      },
      'cursor_invalid',
    );
  return { at, id };
}

/**
 * `referral.relations`: the members I referred (or who referred me), newest first, in one campaign
 * or across all of them, a page at a time.
 */
export async function listReferralRelations(
  deps: Pick<Deps, 'db'>,
  userId: string,
  input: TReferralRelationsInput,
): Promise<TReferralRelationsOutput> {
  const { db, t } = deps.db;
  const r = t.referralRelations;
  const mine = input.direction === 'referred' ? r.referrerUserId : r.refereeUserId;
  const other = input.direction === 'referred' ? r.refereeUserId : r.referrerUserId;
  const filters: Array<SQL | undefined> = [eq(mine, userId)];
  if (input.campaignId !== undefined) filters.push(eq(r.scopeKey, String(input.campaignId)));
  if (input.cursor) {
    const c = decodeCursor(input.cursor);
    filters.push(or(lt(r.createdAt, c.at), and(eq(r.createdAt, c.at), lt(r.id, c.id))));
  }
  const rows = await db
    .select({
      id: r.id,
      campaignId: r.campaignId,
      createdAt: r.createdAt,
      wallet: t.users.walletAddress,
      name: t.users.name,
      code: t.referralCodes.code,
    })
    .from(r)
    .innerJoin(t.users, eq(t.users.id, other))
    .innerJoin(t.referralCodes, eq(t.referralCodes.id, r.codeId))
    .where(and(...filters))
    .orderBy(desc(r.createdAt), desc(r.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => ({
      id: row.id,
      campaignId: row.campaignId,
      walletShort: shortWallet(row.wallet),
      name: row.name,
      code: row.code,
      createdAt: row.createdAt.toISOString(),
    })),
    nextCursor: rows.length > input.limit && last ? encodeCursor({ at: last.createdAt, id: last.id }) : null,
  };
}
