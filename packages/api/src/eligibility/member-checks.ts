import type { TEligibilityWallet } from '@puffy/contracts';
import { and, eq, gte, inArray, isNotNull } from 'drizzle-orm';
import type { Deps } from '../deps';
import type { CampaignRules, MethodRule } from './rules';

type DbDeps = Pick<Deps, 'db'>;

export type MemberCheck =
  | { passed: true; detail: string; wallet?: TEligibilityWallet }
  | { passed: false; detail: string };

/** `bypass`: one of the wallets is on the operator's allow-list for this campaign. */
export async function checkAllowList(
  deps: DbDeps,
  rules: CampaignRules,
  wallets: TEligibilityWallet[],
): Promise<MemberCheck> {
  if (wallets.length === 0) return { passed: false, detail: 'Only wallets on the allow-list qualify.' };
  const { db, t } = deps.db;
  const hits = await db
    .select({ address: t.campaignAllowlist.address })
    .from(t.campaignAllowlist)
    .where(
      and(
        eq(t.campaignAllowlist.campaignId, rules.campaign.id),
        inArray(
          t.campaignAllowlist.address,
          wallets.map((w) => w.address),
        ),
      ),
    )
    .limit(1);
  const wallet = hits[0] && wallets.find((w) => w.address === hits[0]?.address);
  return wallet
    ? { passed: true, detail: 'On the allow-list.', wallet }
    : { passed: false, detail: 'This wallet is not on the allow-list.' };
}

/**
 * `referral`: joined through any valid code that applies here (this campaign's or a global one).
 * `c_referral`: joined through one of this campaign's own codes. Either may require a code level
 * (`config.minLevel`), the tier the spec lets a campaign ask for.
 */
export async function checkReferral(
  deps: DbDeps,
  rules: CampaignRules,
  rule: MethodRule,
  userId: string,
): Promise<MemberCheck> {
  const { db, t } = deps.db;
  const campaignId = rules.campaign.id;
  const campaignOnly = rule.method === 'c_referral';
  const minLevel = typeof rule.config.minLevel === 'number' ? rule.config.minLevel : 0;
  const scopes = campaignOnly ? [String(campaignId)] : [String(campaignId), 'global'];
  const rows = await db
    .select({ codeCampaignId: t.referralCodes.campaignId, level: t.referralCodes.level })
    .from(t.referralRelations)
    .innerJoin(t.referralCodes, eq(t.referralCodes.id, t.referralRelations.codeId))
    .where(
      and(
        eq(t.referralRelations.refereeUserId, userId),
        inArray(t.referralRelations.scopeKey, scopes),
        gte(t.referralCodes.level, minLevel),
      ),
    );
  const match = rows.find((r) => !campaignOnly || r.codeCampaignId === campaignId);
  if (match) return { passed: true, detail: 'Joined with a valid referral code.' };
  const what = campaignOnly ? "one of this campaign's referral codes" : 'a valid referral code';
  const level = minLevel > 0 ? ` of level ${minLevel} or higher` : '';
  return { passed: false, detail: `Join with ${what}${level}.` };
}

/** `discord`: the member linked Discord through this campaign's bot (a used code of this campaign). */
export async function checkDiscord(deps: DbDeps, rules: CampaignRules, userId: string): Promise<MemberCheck> {
  const codes = deps.db.t.discordAuthCodes;
  const [used] = await deps.db.db
    .select({ id: codes.id })
    .from(codes)
    .where(
      and(eq(codes.campaignId, rules.campaign.id), eq(codes.usedByUserId, userId), isNotNull(codes.usedAt)),
    )
    .limit(1);
  return used
    ? { passed: true, detail: "Linked Discord through the campaign's bot." }
    : { passed: false, detail: "Link your Discord account through the campaign's Discord bot." };
}
