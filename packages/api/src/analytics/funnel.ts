import { funnelStepCounts, type TFunnel, ZAnalyticsEvent } from '@puffy/contracts';
import { and, countDistinct, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { Deps } from '../deps';

/**
 * visit → connect → sign-in → eligible → claimed → minted → ordered for a time range, optionally one
 * campaign. Each step counts distinct browser sessions or members; conversion is against the step
 * before it.
 */
export async function funnel(
  deps: Pick<Deps, 'db'>,
  input: { campaignId?: number; from: string; to: string },
): Promise<TFunnel> {
  const { db, t } = deps.db;
  const e = t.analyticsEvents;
  const filters: SQL[] = [gte(e.occurredAt, new Date(input.from)), lt(e.occurredAt, new Date(input.to))];
  // Visits and connects happen before a campaign is chosen: they count for every campaign's funnel.
  const campaignFilter = input.campaignId === undefined ? undefined : eq(e.campaignId, input.campaignId);
  const rows = await db
    .select({ name: e.name, sessions: countDistinct(e.sessionId), users: countDistinct(e.userId) })
    .from(e)
    .where(and(...filters))
    .groupBy(e.name);
  const scoped = campaignFilter
    ? await db
        .select({ name: e.name, users: countDistinct(e.userId) })
        .from(e)
        .where(and(...filters, campaignFilter))
        .groupBy(e.name)
    : undefined;
  let previous: number | null = null;
  const steps = ZAnalyticsEvent.options.map((name) => {
    const all = rows.find((r) => r.name === name);
    // The session-level steps; the later ones count members, since the server records them per member.
    const count =
      funnelStepCounts[name] === 'sessions'
        ? Number(all?.sessions ?? 0)
        : name === 'sign_in' || !scoped
          ? Number(all?.users ?? 0)
          : Number(scoped.find((r) => r.name === name)?.users ?? 0);
    const conversion = previous === null || previous === 0 ? null : count / previous;
    previous = count;
    return { name, count, conversion };
  });
  return { steps };
}
