import type { TSocialService } from '@puffy/contracts';
import type { Database } from '@puffy/db';
import type { Deps } from '../../deps';
import { PreconditionFailed } from '../../platform/errors';
import { memberColumns } from '../../user/member-row';
import type { SocialDeps } from './verifier';

/** Whether this server can check a service's tasks: X needs our OAuth client, the bots their tokens. */
export function serviceOffered(deps: Pick<Deps, 'twitter' | 'social'>, service: TSocialService): boolean {
  if (service === 'x') return deps.twitter !== null;
  if (service === 'discord') return deps.social.discord !== null;
  return deps.social.telegram !== null;
}

const serviceName: Record<TSocialService, string> = { x: 'X', discord: 'Discord', telegram: 'Telegram' };

/** The member's id on the service, or a refusal that tells them to link it (the SPA offers the link). */
export async function linkedAccountId(
  deps: Pick<Deps, 'db'>,
  q: Database,
  userId: string,
  service: TSocialService,
): Promise<string> {
  const { t } = deps.db;
  const row = await memberColumns(deps, q, userId, {
    x: t.users.twitterId,
    discord: t.users.discordId,
    telegram: t.users.telegramId,
  });
  const id = row?.[service];
  if (!id)
    throw new PreconditionFailed(
      `Link your ${serviceName[service]} account first, then press Verify.`,
      `${service}_not_linked`,
    );
  return id;
}

export interface CheckRecord {
  userId: string;
  activityId: number;
  campaignId: number | null;
  trigger: 'member' | 'retry' | 'recheck';
  outcome: 'passed' | 'failed' | 'throttled';
  answer: Record<string, unknown>;
}

/** Keeps what the service said, whatever it said: the evidence behind a completion or its reversal. */
export async function recordCheck(deps: SocialDeps, q: Database, check: CheckRecord): Promise<void> {
  await q.insert(deps.db.t.activityChecks).values({
    id: crypto.randomUUID(),
    ...check,
    checkedAt: deps.clock.now(),
  });
}
