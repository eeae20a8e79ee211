import type { TDiscordAuthDryRunOutput, TDiscordAuthOutput } from '@puffy/contracts';
import { type Database, lockKey, violatedConstraint } from '@puffy/db';
import { and, eq, isNull } from 'drizzle-orm';
import type { AuthConfig } from '../auth/config';
import type { Deps } from '../deps';
import { AppError, Conflict, NotFound, PreconditionFailed } from '../platform/errors';
import { emitProfileEvent } from '../user/events';
import { heldByAnother, memberColumns } from '../user/member-row';
import { discordCodeHash } from './bot-codes';
import { requireOpenCampaign } from './open-campaign';

type RedeemDeps = Pick<Deps, 'db' | 'clock'> & { auth: Pick<AuthConfig, 'appSecret'> };

interface CodeRequest {
  campaignId: number;
  code: string;
}

/** The code's row if `userId` may redeem it now; otherwise the error that says why not. */
async function redeemableCode(deps: RedeemDeps, tx: Database, userId: string, input: CodeRequest) {
  const { t } = deps.db;
  await requireOpenCampaign(deps, tx, input.campaignId);
  const [row] = await tx
    .select()
    .from(t.discordAuthCodes)
    .where(
      and(
        eq(t.discordAuthCodes.codeHash, discordCodeHash(deps, input.code)),
        eq(t.discordAuthCodes.campaignId, input.campaignId),
      ),
    )
    .limit(1);
  if (!row)
    throw new NotFound(
      'This code is not valid for this campaign. Check it or ask the bot for a new one.',
      'discord_code_unknown',
    );
  if (row.usedAt)
    throw new Conflict('This code was already used. Ask the bot for a new one.', 'discord_code_used');
  if (deps.clock.now() >= row.expiresAt) {
    throw new PreconditionFailed('This code has expired. Ask the bot for a new one.', 'discord_code_expired');
  }
  if (await heldByAnother(deps, tx, userId, 'discordId', row.discordUserId)) throw discordTaken();
  const me = await memberColumns(deps, tx, userId, { discordId: t.users.discordId });
  if (me?.discordId && me.discordId !== row.discordUserId) {
    throw new Conflict(
      'Your account is already linked to a different Discord account. Use the bot with that account.',
      'discord_other_linked',
    );
  }
  return row;
}

/** `campaign.discord.auth`: uses the code once and links the Discord account to the member. */
export async function redeemDiscordCode(
  deps: RedeemDeps,
  userId: string,
  input: CodeRequest,
): Promise<TDiscordAuthOutput> {
  const { t } = deps.db;
  try {
    return await deps.db.withTransaction(async (tx) => {
      await lockKey(deps.db, tx, `discord-code:${discordCodeHash(deps, input.code)}`);
      const row = await redeemableCode(deps, tx, userId, input);
      await lockKey(deps.db, tx, `users.discord:${row.discordUserId}`);
      const now = deps.clock.now();
      const [used] = await tx
        .update(t.discordAuthCodes)
        .set({ usedAt: now, usedByUserId: userId })
        .where(and(eq(t.discordAuthCodes.id, row.id), isNull(t.discordAuthCodes.usedAt)))
        .returning({ id: t.discordAuthCodes.id });
      if (!used)
        throw new Conflict('This code was already used. Ask the bot for a new one.', 'discord_code_used');
      await tx
        .update(t.users)
        .set({ discordId: row.discordUserId, discordUsername: row.discordUsername, updatedAt: now })
        .where(eq(t.users.id, userId));
      await emitProfileEvent(deps, { userId, event: 'discord_linked', tx });
      return {
        discordId: row.discordUserId,
        discordUsername: row.discordUsername,
        campaignId: row.campaignId,
      };
    });
  } catch (error) {
    if (violatedConstraint(error)?.kind === 'unique') throw discordTaken();
    throw error;
  }
}

/** `campaign.discord.authDryRun`: would `auth` accept this code? Uses nothing, records nothing. */
export async function dryRunDiscordCode(
  deps: RedeemDeps,
  userId: string,
  input: CodeRequest,
): Promise<TDiscordAuthDryRunOutput> {
  try {
    const row = await redeemableCode(deps, deps.db.db, userId, input);
    return {
      valid: true,
      reason: null,
      discordUsername: row.discordUsername,
      expiresAt: row.expiresAt.toISOString(),
    };
  } catch (error) {
    if (error instanceof AppError)
      return { valid: false, reason: error.message, discordUsername: null, expiresAt: null };
    throw error;
  }
}

const discordTaken = () =>
  new Conflict(
    'This Discord account is already linked to another member. One Discord account links to one member only.',
    'discord_taken',
  );
