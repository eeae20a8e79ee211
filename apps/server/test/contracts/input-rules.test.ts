import type { AppRouter } from '@puffy/api';
import { testDatabases } from '@puffy/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../src/testing';
import { campaignFields } from '../support/campaign-desk';
import { clientFor, failure } from '../support/helpers';
import { signInSolana } from '../support/signin';
import { createCampaign } from '../support/user-harness';
import { solanaWallet } from '../support/wallets';

/*
 * Input a database cannot keep is refused where it is parsed, before anything is written: a
 * BAD_REQUEST whose field error says what to fix, never a 500 from the database (Postgres refuses
 * NUL, year 0 and ids past 32 bits) and never a record silently unlike what was sent (a lone
 * surrogate stored as U+FFFD). The rules: packages/contracts/src/{text,time,ids}.ts.
 */

const NUL = '\u0000';
const LONE_SURROGATE = '\ud800';

describe.each(testDatabases())('bad input through the server on $label', (database) => {
  let server: TestServer;
  let drop: () => Promise<void>;
  const adminWallet = solanaWallet();
  let admin: ReturnType<typeof clientFor<AppRouter>>;
  let member: ReturnType<typeof clientFor<AppRouter>>;
  let guest: ReturnType<typeof clientFor<AppRouter>>;

  beforeAll(async () => {
    const created = await database.create();
    drop = created.drop;
    await created.db.close();
    server = await startTestServer({
      env: { DATABASE_URL: created.url, TRUST_PROXY: 'true', ADMIN_WALLETS: `sol:${adminWallet.address}` },
    });
    const signedIn = await signInSolana(server.url, adminWallet);
    admin = clientFor<AppRouter>(server.url, {
      headers: { authorization: `Bearer ${signedIn.session.accessToken}`, 'x-forwarded-for': '10.61.0.1' },
    });
    const signedInMember = await signInSolana(server.url);
    member = clientFor<AppRouter>(server.url, {
      headers: {
        authorization: `Bearer ${signedInMember.session.accessToken}`,
        'x-forwarded-for': '10.61.0.2',
      },
    });
    guest = clientFor<AppRouter>(server.url, { headers: { 'x-forwarded-for': '10.61.0.3' } });
  });
  afterAll(async () => {
    await server?.close();
    await drop?.();
  });

  /** The refusal's code and field errors: a BAD_REQUEST naming the field, in words for people. */
  async function refusal(call: Promise<unknown>) {
    const error = await failure(call);
    const data = error.data as {
      code: string;
      httpStatus: number;
      fieldErrors: Record<string, string[]> | null;
    };
    return { code: data.code, httpStatus: data.httpStatus, fieldErrors: data.fieldErrors ?? {} };
  }

  const campaignCount = async () =>
    (await server.deps.db.db.select().from(server.deps.db.t.campaigns)).length;
  const eventCount = async () =>
    (await server.deps.db.db.select().from(server.deps.db.t.analyticsEvents)).length;

  const visit = (properties: Record<string, string>) => ({
    events: [
      {
        id: crypto.randomUUID(),
        name: 'visit' as const,
        sessionId: 'session-input-rules',
        occurredAt: new Date().toISOString(),
        properties,
      },
    ],
  });

  it('refuses a NUL in free text and in JSON bound for a JSON column, and writes nothing', async () => {
    const before = await campaignCount();
    const create = await refusal(
      admin.admin.campaigns.create.mutate(campaignFields({ name: `Gen${NUL}esis`, media: {} })),
    );
    expect(create).toMatchObject({ code: 'BAD_REQUEST', httpStatus: 400 });
    expect(create.fieldErrors.name).toStrictEqual([
      "This text can't contain invisible control characters or broken characters; remove them.",
    ]);
    const config = await refusal(
      admin.admin.campaigns.create.mutate(
        campaignFields({ media: {}, methods: [{ method: 'referral', config: { note: { deep: [NUL] } } }] }),
      ),
    );
    expect(config.code).toBe('BAD_REQUEST');
    expect(Object.keys(config.fieldErrors)).toStrictEqual(['methods.0.config']);
    expect(await campaignCount()).toBe(before);

    const lookup = await refusal(guest.campaign.get.query({ slug: `genesis${NUL}` }));
    expect(lookup.code).toBe('BAD_REQUEST');
    expect(Object.keys(lookup.fieldErrors)).toStrictEqual(['slug']);

    const events = await eventCount();
    const track = await refusal(guest.analytics.track.mutate(visit({ [`path${NUL}`]: '/' })));
    expect(track.code).toBe('BAD_REQUEST');
    expect(Object.keys(track.fieldErrors)).toStrictEqual(['events.0.properties']);
    expect(await eventCount()).toBe(events);
  });

  it('refuses a lone surrogate instead of storing something else', async () => {
    const before = await campaignCount();
    const create = await refusal(
      admin.admin.campaigns.create.mutate(
        campaignFields({ description: `Hold${LONE_SURROGATE}`, media: {} }),
      ),
    );
    expect(create.code).toBe('BAD_REQUEST');
    expect(Object.keys(create.fieldErrors)).toStrictEqual(['description']);
    expect(await campaignCount()).toBe(before);

    const events = await eventCount();
    const track = await refusal(guest.analytics.track.mutate(visit({ path: `/${LONE_SURROGATE}` })));
    expect(track.code).toBe('BAD_REQUEST');
    expect(await eventCount()).toBe(events);
  });

  it('refuses times the database cannot give back, on their field', async () => {
    for (const at of ['0000-06-01T00:00:00Z', '0004-07-30T10:00:00Z', '1969-12-31T23:59:59Z']) {
      const list = await refusal(member.order.list.query({ from: at }));
      expect(list, at).toStrictEqual({
        code: 'BAD_REQUEST',
        httpStatus: 400,
        fieldErrors: { from: ['Choose a time between the years 1970 and 9999.'] },
      });
    }
    // Campaign times take an offset: 9999-12-31 at -05:00 is already year 10000 in UTC.
    for (const at of ['0000-06-01T00:00:00Z', '0004-07-30T10:00:00+02:00', '9999-12-31T23:00:00-05:00']) {
      const before = await campaignCount();
      const create = await refusal(
        admin.admin.campaigns.create.mutate(campaignFields({ startAt: at, media: {} })),
      );
      expect(create.fieldErrors, at).toStrictEqual({
        startAt: ['Choose a time between the years 1970 and 9999.'],
      });
      expect(await campaignCount()).toBe(before);
    }
    // The edges of the range are kept and read back as sent.
    const edges = await admin.admin.campaigns.create.mutate(
      campaignFields({ startAt: '1970-01-01T00:00:00.000Z', endAt: '9999-12-31T23:59:59.999Z', media: {} }),
    );
    expect([edges.startAt, edges.endAt]).toStrictEqual([
      '1970-01-01T00:00:00.000Z',
      '9999-12-31T23:59:59.999Z',
    ]);
    expect((await member.order.list.query({ from: '1970-01-01T00:00:00Z' })).items).toStrictEqual([]);
  });

  it('refuses a forged page cursor carrying what the database cannot take, like any stale cursor', async () => {
    const forged = (keys: unknown[]) => Buffer.from(JSON.stringify(keys)).toString('base64url');
    const stale = {
      code: 'BAD_REQUEST',
      httpStatus: 400,
      fieldErrors: { cursor: ['Not a cursor this list gave out'] },
    };
    for (const keys of [
      ['0000-06-01T00:00:00.000Z', 'order-1'],
      ['2024-01-01T00:00:00.000Z', `order${NUL}`],
    ])
      expect(await refusal(member.order.list.query({ cursor: forged(keys) })), String(keys)).toStrictEqual(
        stale,
      );
    const campaignId = await createCampaign(server.deps);
    expect(await refusal(guest.activity.list.query({ campaignId, cursor: forged([2 ** 31]) }))).toStrictEqual(
      stale,
    );
  });

  it('refuses an id past 32 bits on its field; the largest one is simply not found', async () => {
    const tooLarge = await refusal(guest.campaign.get.query({ id: 2 ** 31 }));
    expect(tooLarge).toStrictEqual({
      code: 'BAD_REQUEST',
      httpStatus: 400,
      fieldErrors: { id: ['This number is too large to name anything here.'] },
    });
    expect((await refusal(guest.campaign.get.query({ id: 2 ** 31 - 1 }))).code).toBe('NOT_FOUND');
    const info = await refusal(member.campaign.info.query({ campaignId: 2 ** 31 }));
    expect(Object.keys(info.fieldErrors)).toStrictEqual(['campaignId']);
    const update = await refusal(
      admin.admin.campaigns.update.mutate({ campaignId: 2 ** 31, fields: campaignFields({ media: {} }) }),
    );
    expect(Object.keys(update.fieldErrors)).toStrictEqual(['campaignId']);
  });
});
