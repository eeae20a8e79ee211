import {
  networkVm,
  solToLamports,
  ZAdminCampaignFields,
  ZAllowlistChange,
  ZAnalyticsEventInput,
  ZCampaignActivityInput,
  ZReferralCodeIssue,
  ZReferralSetInput,
  ZSignInProof,
} from '@puffy/contracts';
import { contractArbitrary } from '@puffy/contracts/testing';
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, testDatabases } from '../../src/testing';
import { createCampaign, createUser } from '../support/database';

/*
 * Every value a contract schema accepts must land in the column it is stored in and come back the
 * same, on both dialects: what the API parses is what it writes (with the conversions the services
 * make: decimal SOL to integer lamports, ISO times to Date), and a value the schema lets through but
 * a column refuses or alters is a 500 or a silently changed record.
 */

const runs = { numRuns: 50 };

/*
 * Values are drawn from everything the schemas accept: every character (NUL and lone surrogates are
 * refused by the contracts' text rule, packages/contracts/src/text.ts) and every input time (the
 * time rule, packages/contracts/src/time.ts, keeps them to instants both databases give back).
 */

/** The same instant, to the millisecond a Date (and so the column) holds; null stays null. */
const instant = (iso: string | null) => (iso === null ? null : new Date(iso).getTime());

describe.each(testDatabases())('contract values in their columns on $label', ({ create }) => {
  let h: TestDatabase;
  let groupId: number;
  let serial = 0;
  beforeAll(async () => {
    h = await create();
    const [group] = await h.db.db
      .insert(h.db.t.campaignGroups)
      .values({ slug: 'group', name: 'Group' })
      .returning();
    if (!group) throw new Error('no group');
    groupId = group.id;
  });
  afterAll(async () => {
    await h?.drop();
  });

  it('campaign fields: texts, times, limit, media, gas fee in lamports, network and methods', async () => {
    const { db, t } = h.db;
    await fc.assert(
      fc.asyncProperty(contractArbitrary(ZAdminCampaignFields), async (input) => {
        const fields = ZAdminCampaignFields.parse(input);
        const [row] = await db
          .insert(t.campaigns)
          .values({
            slug: fields.slug,
            name: fields.name,
            description: fields.description,
            edition: fields.edition,
            requirement: fields.requirement,
            collectionAddress: fields.collectionAddress,
            collectionName: fields.collectionName,
            network: fields.network,
            vmType: networkVm[fields.network],
            startAt: fields.startAt ? new Date(fields.startAt) : null,
            endAt: fields.endAt ? new Date(fields.endAt) : null,
            limit: fields.limit,
            media: fields.media,
            nftGasFeeLamports: solToLamports(fields.nftGasFeeSol),
            xPostUrl: fields.xPostUrl,
            // The group must exist (a foreign key); which one is not what this property is about.
            groupId: fields.groupId === null ? null : groupId,
          })
          .returning({ id: t.campaigns.id });
        if (!row) throw new Error('no campaign');
        try {
          if (fields.methods.length > 0)
            await db
              .insert(t.campaignEligibleMethods)
              .values(
                fields.methods.map((m) => ({ campaignId: row.id, method: m.method, config: m.config })),
              );
          const [read] = await db.select().from(t.campaigns).where(eq(t.campaigns.id, row.id));
          expect(read).toMatchObject({
            slug: fields.slug,
            name: fields.name,
            description: fields.description,
            edition: fields.edition,
            requirement: fields.requirement,
            collectionAddress: fields.collectionAddress,
            collectionName: fields.collectionName,
            network: fields.network,
            limit: fields.limit,
            nftGasFeeLamports: solToLamports(fields.nftGasFeeSol),
            xPostUrl: fields.xPostUrl,
          });
          expect(read?.media).toStrictEqual(fields.media);
          expect(read?.startAt?.getTime() ?? null).toBe(instant(fields.startAt));
          expect(read?.endAt?.getTime() ?? null).toBe(instant(fields.endAt));
          const methods = await db
            .select({ method: t.campaignEligibleMethods.method, config: t.campaignEligibleMethods.config })
            .from(t.campaignEligibleMethods)
            .where(eq(t.campaignEligibleMethods.campaignId, row.id))
            .orderBy(t.campaignEligibleMethods.id);
          expect(methods).toStrictEqual(fields.methods);
        } finally {
          await db.delete(t.campaigns).where(eq(t.campaigns.id, row.id));
        }
      }),
      runs,
    );
  });

  it('a campaign activity: name, description, parameter JSON, kind, scope, points and quantity', async () => {
    const { db, t } = h.db;
    const campaign = await createCampaign(h.db);
    await fc.assert(
      fc.asyncProperty(contractArbitrary(ZCampaignActivityInput), async (input) => {
        const value = ZCampaignActivityInput.parse(input);
        if (!value.activity) return;
        const [activity] = await db
          .insert(t.activities)
          .values(value.activity)
          .returning({ id: t.activities.id });
        if (!activity) throw new Error('no activity');
        try {
          await db.insert(t.campaignActivities).values({
            campaignId: campaign.id,
            activityId: activity.id,
            points: value.points,
            quantity: value.quantity,
            required: value.required,
          });
          const [read] = await db.select().from(t.activities).where(eq(t.activities.id, activity.id));
          expect(read).toMatchObject({
            scope: value.activity.scope,
            kind: value.activity.kind,
            name: value.activity.name,
            description: value.activity.description,
          });
          expect(read?.parameter).toStrictEqual(value.activity.parameter);
          const [link] = await db
            .select({ points: t.campaignActivities.points, quantity: t.campaignActivities.quantity })
            .from(t.campaignActivities)
            .where(eq(t.campaignActivities.activityId, activity.id));
          expect(link).toStrictEqual({ points: value.points, quantity: value.quantity });
        } finally {
          await db.delete(t.activities).where(eq(t.activities.id, activity.id));
        }
      }),
      runs,
    );
  });

  it('issued referral codes: code text, type, level, maximum uses, campaign', async () => {
    const { db, t } = h.db;
    const campaign = await createCampaign(h.db);
    const owner = await createUser(h.db);
    await fc.assert(
      fc.asyncProperty(
        contractArbitrary(ZReferralCodeIssue),
        contractArbitrary(ZReferralSetInput.shape.code),
        async (input, text) => {
          const issue = ZReferralCodeIssue.parse(input);
          // Codes are stored upper-case (referral.ts); a chosen code and a typed one take the same path.
          const code = ZReferralSetInput.shape.code.parse(issue.code ?? text);
          const [row] = await db
            .insert(t.referralCodes)
            .values({
              code,
              type: issue.type,
              level: issue.level,
              maxUses: issue.maxUses ?? null,
              campaignId: issue.campaignId === undefined ? null : campaign.id,
              ownerUserId: owner.id,
            })
            .returning({ id: t.referralCodes.id });
          if (!row) throw new Error('no code');
          try {
            const [read] = await db.select().from(t.referralCodes).where(eq(t.referralCodes.code, code));
            expect(read).toMatchObject({
              id: row.id,
              code,
              type: issue.type,
              level: issue.level,
              maxUses: issue.maxUses ?? null,
            });
          } finally {
            await db.delete(t.referralCodes).where(eq(t.referralCodes.id, row.id));
          }
        },
      ),
      runs,
    );
  });

  it('analytics events: id, name, session, campaign, properties JSON and the time it happened', async () => {
    const { db, t } = h.db;
    const campaign = await createCampaign(h.db);
    await fc.assert(
      fc.asyncProperty(contractArbitrary(ZAnalyticsEventInput), async (input) => {
        const event = ZAnalyticsEventInput.parse(input);
        // A fresh id per run: the generator may repeat one, and the table's key is the client's id.
        const id = `${event.id}-${serial++}`;
        await db.insert(t.analyticsEvents).values({
          id,
          name: event.name,
          campaignId: event.campaignId === undefined ? null : campaign.id,
          sessionId: event.sessionId,
          properties: event.properties,
          occurredAt: new Date(event.occurredAt),
        });
        try {
          const [read] = await db.select().from(t.analyticsEvents).where(eq(t.analyticsEvents.id, id));
          expect(read).toMatchObject({ name: event.name, sessionId: event.sessionId });
          expect(read?.properties).toStrictEqual(event.properties);
          expect(read?.occurredAt.getTime()).toBe(instant(event.occurredAt));
        } finally {
          await db.delete(t.analyticsEvents).where(eq(t.analyticsEvents.id, id));
        }
      }),
      runs,
    );
  });

  it('wallet addresses: a signed-in wallet and the bypass allow-list keep every accepted spelling', async () => {
    const { db, t } = h.db;
    const campaign = await createCampaign(h.db);
    await fc.assert(
      fc.asyncProperty(
        contractArbitrary(ZSignInProof),
        contractArbitrary(ZAllowlistChange),
        async (proof, change) => {
          const signedIn = ZSignInProof.parse(proof);
          const user = await createUser(h.db, {
            walletAddress: `${signedIn.address}#${serial++}`,
            walletChain: signedIn.chain,
          });
          const [readUser] = await db.select().from(t.users).where(eq(t.users.id, user.id));
          expect(readUser?.walletAddress).toBe(`${signedIn.address}#${serial - 1}`);
          expect(readUser?.walletChain).toBe(signedIn.chain);
          await db.delete(t.users).where(eq(t.users.id, user.id));

          const { entries } = ZAllowlistChange.parse(change);
          const addresses = [...new Set(entries.map((e) => e.address))];
          await db
            .insert(t.campaignAllowlist)
            .values(addresses.map((address) => ({ campaignId: campaign.id, address })));
          try {
            const read = await db
              .select({ address: t.campaignAllowlist.address })
              .from(t.campaignAllowlist)
              .where(eq(t.campaignAllowlist.campaignId, campaign.id));
            expect(read.map((r) => r.address).sort()).toStrictEqual([...addresses].sort());
          } finally {
            await db.delete(t.campaignAllowlist).where(eq(t.campaignAllowlist.campaignId, campaign.id));
          }
        },
      ),
      runs,
    );
  });
});
