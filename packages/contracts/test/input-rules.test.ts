import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import * as c from '../src/index';

/*
 * Bad input is refused where it is parsed, field by field, in words for people, instead of reaching
 * a database that refuses it (a 500) or keeps something else: the text rule (src/text.ts), the time
 * rule (src/time.ts) and the id cap (src/ids.ts).
 */

/** The field errors a refused parse carries, keyed as the API's error format keys them. */
function fieldErrors(schema: z.ZodType, value: unknown): Record<string, string[]> {
  const result = schema.safeParse(value);
  expect(result.success, 'the value was accepted').toBe(false);
  const out: Record<string, string[]> = {};
  for (const issue of result.error?.issues ?? []) {
    const key = issue.path.map(String).join('.') || '_';
    out[key] = [...(out[key] ?? []), issue.message];
  }
  return out;
}

const campaign = (fields: Record<string, unknown> = {}) => ({
  slug: 'genesis',
  name: 'Genesis',
  network: 'sol',
  nftGasFeeSol: '0.05',
  ...fields,
});

const NUL = '\u0000';
const LONE_HIGH = '\ud800';
const LONE_LOW = '\udfff';

describe('the text rule', () => {
  it.each([
    ['NUL', `Gen${NUL}esis`],
    ['a lone high surrogate', `Gen${LONE_HIGH}esis`],
    ['a lone low surrogate', `${LONE_LOW}Genesis`],
    ['a low surrogate before a high one', `Genesis${LONE_LOW}${LONE_HIGH}`],
  ])('refuses %s in free text, on the field, in words for people', (_what, bad) => {
    const errors = fieldErrors(c.ZAdminCampaignFields, campaign({ name: bad }));
    expect(Object.keys(errors)).toStrictEqual(['name']);
    expect(errors.name?.[0]).toMatch(/can't contain invisible control characters or broken characters/);
    expect(errors.name?.[0]).not.toMatch(/U\+|\\u|surrogate|regex|zod/i);
  });

  it('accepts every other character, a pair of surrogates (an emoji) included', () => {
    const name = 'Genesis \u{1F600} \t "quoted" \\ \u2028 終';
    expect(c.ZAdminCampaignFields.parse(campaign({ name })).name).toBe(name.trim());
  });

  it('covers names, descriptions, messages, addresses, codes, ids and searches alike', () => {
    const refusals: [z.ZodType, unknown, string][] = [
      [c.ZAdminCampaignFields, campaign({ description: `a${NUL}` }), 'description'],
      [c.ZAdminCampaignFields, campaign({ media: { image: `https://x/${NUL}` } }), 'media.image'],
      [c.ZActivityCompleteInput, { campaignId: 1, activityId: 1, proof: { url: NUL } }, 'proof.url'],
      [c.ZShippingAddress.pick({ city: true }), { city: `Par${LONE_HIGH}is` }, 'city'],
      [c.ZAllowlistChange, { campaignId: 1, entries: [{ chain: 'sol', address: NUL }] }, 'entries.0.address'],
      [
        c.ZDiscordBotCodeRequest,
        { campaignId: 1, discordUserId: '12345', discordUsername: NUL },
        'discordUsername',
      ],
      [c.ZClientErrorReport.pick({ path: true }), { path: `/a${NUL}` }, 'path'],
      [c.ZPageInput, { cursor: NUL }, 'cursor'],
      [c.ZMemberLookup, { query: `wallet${NUL}` }, 'query'],
      [c.ZCampaignGetInput, { slug: `genesis${NUL}` }, 'slug'],
      [c.ZCodeDisable, { codeId: `code${LONE_LOW}` }, 'codeId'],
      [c.ZTwitterCompleteInput, { code: NUL, state: 'a'.repeat(16) }, 'code'],
    ];
    for (const [schema, value, field] of refusals)
      expect(Object.keys(fieldErrors(schema, value)), field).toContain(field);
  });

  it('refuses NUL and lone surrogates at any depth of free JSON bound for a JSON column, keys too', () => {
    const deep = { outer: [1, { inner: [`x${NUL}`] }] };
    for (const config of [deep, { [`key${NUL}`]: 1 }, { a: { b: LONE_HIGH } }]) {
      const errors = fieldErrors(c.ZMethodConfigInput, { method: 'referral', config });
      expect(Object.keys(errors)).toStrictEqual(['config']);
      expect(errors.config?.[0]).toMatch(/These settings can't contain/);
    }
    const activity = { kind: 'manual', name: 'Say hi', parameter: deep };
    expect(
      Object.keys(fieldErrors(c.ZCampaignActivityInput, { campaignId: 1, points: 1, activity })),
    ).toContain('activity.parameter');
    const event = {
      id: crypto.randomUUID(),
      name: 'visit',
      sessionId: 'session-1',
      occurredAt: '2024-01-01T00:00:00Z',
      properties: { [`ref${NUL}`]: 'x' },
    };
    expect(c.ZAnalyticsEventInput.safeParse(event).success).toBe(false);
    expect(
      c.ZMethodConfigInput.parse({ method: 'referral', config: { a: ['\u{1F600}', { b: 1 }] } }),
    ).toBeTruthy();
  });

  it('does not overflow the stack on deeply nested JSON', () => {
    let nested: unknown = `x${NUL}`;
    for (let i = 0; i < 100_000; i += 1) nested = [nested];
    expect(c.isStorableJson(nested)).toBe(false);
  });
});

describe('the time rule', () => {
  it.each([
    ['year 0', '0000-06-01T00:00:00Z'],
    ['a year the driver reads back as 2004', '0004-07-30T10:00:00Z'],
    ['a time that is year 10000 in UTC', '9999-12-31T23:00:00-05:00'],
    ['a time before 1970 in UTC', '1970-01-01T00:30:00+01:00'],
  ])('refuses %s on the field, in words for people', (_what, at) => {
    const errors = fieldErrors(c.ZAdminCampaignFields, campaign({ startAt: at }));
    expect(errors).toStrictEqual({ startAt: ['Choose a time between the years 1970 and 9999.'] });
  });

  it('a malformed time gets one refusal in words for people, not a range error too', () => {
    expect(fieldErrors(c.ZOrderListInput, { from: '9999-12-31T23:00:00-05:00' })).toStrictEqual({
      from: ['Enter a time in UTC like 2025-01-31T12:00:00Z.'],
    });
    expect(fieldErrors(c.ZAdminCampaignFields, campaign({ endAt: 'tomorrow' }))).toStrictEqual({
      endAt: ['Enter a time like 2025-01-31T12:00:00Z or 2025-01-31T14:00:00+02:00.'],
    });
  });

  it('accepts 1970 to the end of 9999, in UTC, on every input time', () => {
    expect(c.ZAdminCampaignFields.parse(campaign({ startAt: '1970-01-01T00:00:00Z' })).startAt).toBe(
      '1970-01-01T00:00:00Z',
    );
    expect(c.ZAdminCampaignFields.parse(campaign({ endAt: '9999-12-31T23:59:59.999Z' })).endAt).toBe(
      '9999-12-31T23:59:59.999Z',
    );
    expect(c.ZAdminCampaignFields.parse(campaign({ endAt: '9999-12-31T23:00:00+05:00' })).endAt).toBeTruthy();
    const tooEarly = '0001-01-01T00:00:00Z';
    expect(Object.keys(fieldErrors(c.ZOrderListInput, { from: tooEarly }))).toStrictEqual(['from']);
    expect(Object.keys(fieldErrors(c.ZAdminOrderSearch, { to: tooEarly }))).toStrictEqual(['to']);
    expect(
      Object.keys(fieldErrors(c.ZFunnelInput, { from: tooEarly, to: '2024-01-01T00:00:00Z' })),
    ).toContain('from');
    const event = { id: crypto.randomUUID(), name: 'visit', sessionId: 'session-1', occurredAt: tooEarly };
    expect(Object.keys(fieldErrors(c.ZAnalyticsEventInput, event))).toStrictEqual(['occurredAt']);
  });
});

describe('ids', () => {
  const TOO_LARGE = 2 ** 31;
  const LARGEST = 2 ** 31 - 1;
  const idInputs: [string, z.ZodType, (id: number) => unknown, string][] = [
    [
      'activity.complete',
      c.ZActivityCompleteInput,
      (id) => ({ campaignId: id, activityId: 1 }),
      'campaignId',
    ],
    ['activity.list', c.ZActivityListInput, (id) => ({ campaignId: id }), 'campaignId'],
    ['leaderboard', c.ZLeaderboardInput, (id) => ({ campaignId: id }), 'campaignId'],
    [
      'campaign update',
      c.ZAdminCampaignUpdate,
      (id) => ({ campaignId: id, fields: campaign() }),
      'campaignId',
    ],
    ['campaign group', c.ZAdminCampaignFields, (id) => campaign({ groupId: id }), 'groupId'],
    ['campaign state', c.ZCampaignStateInput, (id) => ({ campaignId: id, action: 'pause' }), 'campaignId'],
    [
      'group update',
      c.ZCampaignGroupUpdate,
      (id) => ({ groupId: id, fields: { slug: 'g1', name: 'G' } }),
      'groupId',
    ],
    ['activity remove', c.ZCampaignActivityRemove, (id) => ({ campaignId: 1, activityId: id }), 'activityId'],
    ['promotion remove', c.ZPromotionRemove, (id) => ({ campaignId: 1, promotionId: id }), 'promotionId'],
    ['allowlist', c.ZAllowlistInput, (id) => ({ campaignId: id }), 'campaignId'],
    ['bot secret', c.ZBotSecretRotate, (id) => ({ campaignId: id }), 'campaignId'],
    ['codes', c.ZAdminCodeSearch, (id) => ({ campaignId: id }), 'campaignId'],
    ['eligibility', c.ZCheckEligibleInput, (id) => ({ campaignId: id }), 'campaignId'],
    [
      'eligibility first',
      c.ZEligibilityFirstInput,
      (id) => ({ wallet: { chain: 'sol', address: 'a' }, campaignIds: [id] }),
      'campaignIds.0',
    ],
    ['campaign get', c.ZCampaignGetInput, (id) => ({ id }), 'id'],
    ['campaign info', c.ZCampaignInfoInput, (id) => ({ campaignId: id }), 'campaignId'],
    ['promotions', c.ZCampaignPromotionsInput, (id) => ({ campaignId: id }), 'campaignId'],
    ['discord auth', c.ZDiscordAuthInput, (id) => ({ campaignId: id, code: 'ABCDEFGH' }), 'campaignId'],
    ['referral set', c.ZReferralSetInput, (id) => ({ campaignId: id, code: 'ABCD' }), 'campaignId'],
    ['referral relations', c.ZReferralRelationsInput, (id) => ({ campaignId: id }), 'campaignId'],
    [
      'funnel',
      c.ZFunnelInput,
      (id) => ({ campaignId: id, from: '2024-01-01T00:00:00Z', to: '2024-02-01T00:00:00Z' }),
      'campaignId',
    ],
    ['nft', c.ZNftPublicInput, (id) => ({ id }), 'id'],
    [
      'promotion complete',
      c.ZCompletePromotionInput,
      (id) => ({ campaignId: id, promotionId: 1 }),
      'campaignId',
    ],
  ];

  it.each(idInputs)(
    '%s: refuses an id past 2^31 - 1 on its field, takes 2^31 - 1',
    (_name, schema, input, field) => {
      const errors = fieldErrors(schema, input(TOO_LARGE));
      expect(errors[field]).toStrictEqual(['This number is too large to name anything here.']);
      const largest = schema.safeParse(input(LARGEST));
      expect(largest.error?.issues ?? []).toStrictEqual([]);
    },
  );
});
