import { randomBytes } from 'node:crypto';
import { lockKey } from '@puffy/db';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Deps } from '../../deps';
import { encryptBotSecret } from '../../discord/bot-secrets';
import { type AuditActor, recordAudit } from '../../platform/audit';
import { Conflict, PreconditionFailed } from '../../platform/errors';
import { assertCampaignExists } from './campaign-exists';
import type { Tx } from './campaigns';

type SecretDeps = Pick<Deps, 'db' | 'clock' | 'auth'>;

async function statusIn(deps: Pick<Deps, 'db'>, q: Tx | Deps['db']['db'], campaignId: number) {
  const { t } = deps.db;
  const rows = await q
    .select({
      id: t.discordBotSecrets.id,
      status: t.discordBotSecrets.status,
      createdAt: t.discordBotSecrets.createdAt,
      graceUntil: t.discordBotSecrets.graceUntil,
    })
    .from(t.discordBotSecrets)
    .where(eq(t.discordBotSecrets.campaignId, campaignId))
    .orderBy(desc(t.discordBotSecrets.createdAt))
    .limit(20);
  return {
    campaignId,
    secrets: rows.map((r) => ({
      id: r.id,
      status: r.status,
      createdAt: r.createdAt.toISOString(),
      graceUntil: r.graceUntil?.toISOString() ?? null,
    })),
  };
}

export const botSecretStatus = (deps: Pick<Deps, 'db'>, campaignId: number) =>
  statusIn(deps, deps.db.db, campaignId);

/** The campaign exists; its secrets are locked for this transaction (one create or rotate at a time). */
async function assertCampaign(deps: Pick<Deps, 'db'>, tx: Tx, campaignId: number) {
  await lockKey(deps.db, tx, `discord-bot-secret:${campaignId}`);
  await assertCampaignExists(deps, tx, campaignId);
}

async function insertSecret(
  deps: SecretDeps,
  tx: Tx,
  campaignId: number,
): Promise<{ id: string; secret: string }> {
  const secret = randomBytes(32).toString('base64url');
  const id = crypto.randomUUID();
  await tx.insert(deps.db.t.discordBotSecrets).values({
    id,
    campaignId,
    secretEncrypted: encryptBotSecret(deps.auth.appSecret, secret),
    status: 'active',
    createdAt: deps.clock.now(),
  });
  return { id, secret };
}

const activeOf = (deps: Pick<Deps, 'db'>, campaignId: number) =>
  and(
    eq(deps.db.t.discordBotSecrets.campaignId, campaignId),
    eq(deps.db.t.discordBotSecrets.status, 'active'),
  );

/** A campaign's first bot secret; the plain secret is returned this once and kept only encrypted. */
export async function createBotSecret(deps: SecretDeps, actor: AuditActor, campaignId: number) {
  const { t } = deps.db;
  return deps.db.withTransaction(async (tx) => {
    await assertCampaign(deps, tx, campaignId);
    const [active] = await tx
      .select({ id: t.discordBotSecrets.id })
      .from(t.discordBotSecrets)
      .where(activeOf(deps, campaignId));
    if (active)
      throw new Conflict('This campaign already has a bot secret; rotate it instead.', 'secret_exists');
    const { id, secret } = await insertSecret(deps, tx, campaignId);
    await recordAudit(deps, tx, actor, {
      action: 'discord_secret.created',
      targetType: 'campaign',
      targetId: String(campaignId),
      before: null,
      after: { secretId: id },
    });
    return { secret, status: await statusIn(deps, tx, campaignId) };
  });
}

/**
 * A new secret; the old one keeps verifying for `graceMinutes` (the bot endpoint accepts `grace`
 * secrets until `grace_until`), so the bot can be redeployed without refused requests.
 */
export async function rotateBotSecret(
  deps: SecretDeps,
  actor: AuditActor,
  input: { campaignId: number; graceMinutes: number },
) {
  const { t } = deps.db;
  return deps.db.withTransaction(async (tx) => {
    await assertCampaign(deps, tx, input.campaignId);
    const old = await tx
      .select({ id: t.discordBotSecrets.id })
      .from(t.discordBotSecrets)
      .where(activeOf(deps, input.campaignId));
    if (old.length === 0)
      throw new PreconditionFailed('This campaign has no bot secret yet; create one first.', 'no_bot_secret');
    const graceUntil = new Date(deps.clock.now().getTime() + input.graceMinutes * 60_000);
    await tx
      .update(t.discordBotSecrets)
      .set(input.graceMinutes > 0 ? { status: 'grace', graceUntil } : { status: 'revoked', graceUntil: null })
      .where(
        inArray(
          t.discordBotSecrets.id,
          old.map((o) => o.id),
        ),
      );
    const { id, secret } = await insertSecret(deps, tx, input.campaignId);
    await recordAudit(deps, tx, actor, {
      action: 'discord_secret.rotated',
      targetType: 'campaign',
      targetId: String(input.campaignId),
      before: { secretIds: old.map((o) => o.id) },
      after: { secretId: id, graceUntil: input.graceMinutes > 0 ? graceUntil.toISOString() : null },
    });
    return { secret, status: await statusIn(deps, tx, input.campaignId) };
  });
}

/** Ends every secret of the campaign at once, grace ones included: the bot is cut off. */
export async function revokeBotSecrets(deps: SecretDeps, actor: AuditActor, campaignId: number) {
  const { t } = deps.db;
  return deps.db.withTransaction(async (tx) => {
    await assertCampaign(deps, tx, campaignId);
    const ended = await tx
      .update(t.discordBotSecrets)
      .set({ status: 'revoked', graceUntil: null })
      .where(
        and(
          eq(t.discordBotSecrets.campaignId, campaignId),
          inArray(t.discordBotSecrets.status, ['active', 'grace']),
        ),
      )
      .returning({ id: t.discordBotSecrets.id });
    await recordAudit(deps, tx, actor, {
      action: 'discord_secret.revoked',
      targetType: 'campaign',
      targetId: String(campaignId),
      before: { secretIds: ended.map((e) => e.id) },
      after: null,
    });
    return statusIn(deps, tx, campaignId);
  });
}
