import { rawRows } from '@puffy/db';
import { type TestDatabase, testDatabases } from '@puffy/db/testing';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visibleCampaign } from '../../src/activity/catalog';
import { recordFunnelStep } from '../../src/analytics/service';
import { campaignDeps, createMember, NOW, newAddress } from '../support/campaign';

/**
 * Every query function takes the handle it runs on. Inside a transaction that is the transaction's,
 * so its writes roll back with it and its reads see its own writes; on Postgres the pool's handle is
 * another connection, which is what a forgotten optional handle used to fall back to.
 */
describe.each(testDatabases())('the query handle on $label', (database) => {
  let test: TestDatabase;
  let deps: ReturnType<typeof campaignDeps>;
  beforeAll(async () => {
    test = await database.create();
    deps = campaignDeps(test.db);
    await rawRows(test.db, sql`create table query_handle_notes (note text primary key)`, test.db.db);
  });
  afterAll(() => test.drop());

  const signedIn = (userId: string) => ({ name: 'sign_in' as const, userId });
  const stepsOf = (userId: string) => {
    const { db, t } = test.db;
    return db.select().from(t.analyticsEvents).where(eq(t.analyticsEvents.userId, userId));
  };

  it('a funnel step written in a transaction that rolls back leaves nothing', async () => {
    const failure = new Error('the change failed');
    const userId = await createMember(test.db, { chain: 'sol', address: newAddress.sol() });
    const rolledBack = test.db.withTransaction(async (tx) => {
      await recordFunnelStep(deps, tx, signedIn(userId));
      throw failure;
    });
    await expect(rolledBack).rejects.toBe(failure);
    expect(await stepsOf(userId)).toEqual([]);

    await test.db.withTransaction((tx) => recordFunnelStep(deps, tx, signedIn(userId)));
    expect(await stepsOf(userId)).toHaveLength(1);
  });

  it('raw SQL run on the transaction handle rolls back with it', async () => {
    const failure = new Error('the change failed');
    const note = crypto.randomUUID();
    const rolledBack = test.db.withTransaction(async (tx) => {
      await rawRows(test.db, sql`insert into query_handle_notes (note) values (${note})`, tx);
      throw failure;
    });
    await expect(rolledBack).rejects.toBe(failure);
    const notes = sql`select note from query_handle_notes where note = ${note}`;
    expect(await rawRows(test.db, notes, test.db.db)).toEqual([]);
  });

  it('a read given the transaction handle sees the transaction’s own writes, not the prepared pool statement', async () => {
    const { t } = test.db;
    const seen = test.db.withTransaction(async (tx) => {
      const [row] = await tx
        .insert(t.campaigns)
        .values({
          slug: `query-handle-${crypto.randomUUID()}`,
          name: 'Uncommitted',
          network: 'sol',
          vmType: 'svm',
          collectionName: 'Puffy OG',
          isActive: true,
          isReady: true,
          nftGasFeeLamports: 5_000_000n,
          createdAt: NOW,
          updatedAt: NOW,
        })
        .returning({ id: t.campaigns.id });
      if (!row) throw new Error('campaign not created');
      const campaign = await visibleCampaign(deps, tx, row.id);
      throw Object.assign(new Error('roll the campaign back'), { campaign });
    });
    await expect(seen).rejects.toMatchObject({ campaign: { isActive: true } });
  });
});

const postgresOnly = testDatabases().filter((database) => database.name === 'postgres');

describe.each(postgresOnly)('the pool handle on $label', (database) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await database.create();
  });
  afterAll(() => test.drop());

  it('is outside the transaction: a write through it outlives the rollback', async () => {
    // What `tx ?? deps.db.db` did when a caller left the transaction out: why the handle is required.
    const deps = campaignDeps(test.db);
    const { db, t } = test.db;
    const failure = new Error('the change failed');
    const userId = await createMember(test.db, { chain: 'sol', address: newAddress.sol() });
    const rolledBack = test.db.withTransaction(async () => {
      await recordFunnelStep(deps, db, { name: 'sign_in', userId });
      throw failure;
    });
    await expect(rolledBack).rejects.toBe(failure);
    const steps = await db.select().from(t.analyticsEvents).where(eq(t.analyticsEvents.userId, userId));
    expect(steps).toHaveLength(1);
  });
});

/** Never called: `pnpm typecheck` fails here if a handle becomes optional again. */
export function handlesAreRequired(deps: ReturnType<typeof campaignDeps>, userId: string): void {
  // @ts-expect-error the handle cannot be left out, so it cannot fall back to the pool
  void recordFunnelStep(deps, { name: 'sign_in', userId });
  // @ts-expect-error the same for raw SQL
  void rawRows(deps.db, sql`select 1`);
}
