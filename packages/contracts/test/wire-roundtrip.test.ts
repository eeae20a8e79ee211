import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as contracts from '../src/index';
import { arbitraryOf, contractArbitrary } from '../src/testing';

/*
 * Every schema the API speaks through must survive the wire. tRPC here sends plain JSON (no
 * transformer: packages/api/src/trpc/init.ts), so what a client or the server hands to a schema is
 * what `JSON.parse(JSON.stringify(value))` gives back. For every exported schema, every value it
 * accepts must parse to the same thing before and after that trip.
 */

type Schema = z.ZodType;

/** An input left out altogether travels as no input at all, which tRPC hands over as `undefined`. */
const overTheWire = (value: unknown): unknown =>
  value === undefined ? undefined : JSON.parse(JSON.stringify(value));

/** Parsing before and after the wire gives the same value, and that value survives the wire again. */
const survivesTheWire = (schema: Schema, values: fc.Arbitrary<unknown>) =>
  fc.property(values, (value) => {
    const direct = schema.parse(value);
    const received = schema.parse(overTheWire(value));
    expect(received).toStrictEqual(direct);
    // What the server answers is JSON too: the parsed value must itself survive another trip.
    expect(schema.parse(overTheWire(received))).toStrictEqual(received);
  });

const exported: [string, Schema][] = Object.entries(contracts as Record<string, unknown>).flatMap(
  ([name, value]) => (value instanceof z.ZodType ? [[name, value] as [string, Schema]] : []),
);

/**
 * Schemas no property covers, each with the reason. Empty: every export is an API input or output (or
 * a part of one) and has an arbitrary. A schema the walker cannot generate fails below under its name.
 */
const excluded: Record<string, string> = {};

/** Exports that are not schemas and need no property (functions, constants, error classes). */
const notSchemas = Object.keys(contracts).filter((name) => !exported.some(([n]) => n === name));

describe('contract schemas over the wire', () => {
  it('finds the exported schemas (a broken import would make every property below vacuous)', () => {
    expect(exported.length).toBeGreaterThan(150);
    for (const name of notSchemas)
      expect(name, 'a non-schema export spelled like a schema').not.toMatch(/^Z[A-Z]/);
    for (const name of Object.keys(excluded)) expect(exported.map(([n]) => n)).toContain(name);
  });

  it.each(exported.filter(([name]) => !(name in excluded)))(
    '%s: every accepted value parses the same after a JSON round trip',
    (_name, schema) => {
      fc.assert(survivesTheWire(schema, contractArbitrary(schema)), { numRuns: 60 });
    },
  );
});

/** Every zod type reachable from a schema, for asserting what the wire can and cannot carry. */
function typesIn(schema: Schema, seen = new Set<unknown>()): Set<string> {
  const types = new Set<string>();
  const visit = (s: unknown) => {
    if (!(s instanceof z.ZodType) || seen.has(s)) return;
    seen.add(s);
    const def = s._zod.def as unknown as Record<string, unknown>;
    types.add(def.type as string);
    for (const key of ['innerType', 'in', 'out', 'element', 'keyType', 'valueType']) visit(def[key]);
    for (const option of (def.options as unknown[] | undefined) ?? []) visit(option);
    for (const field of Object.values((def.shape as Record<string, unknown> | undefined) ?? {})) visit(field);
  };
  visit(schema);
  return types;
}

describe('the wire contract where JSON loses information', () => {
  it('no schema takes a Date, a bigint, a Map or a Set: times are ISO strings, money decimal strings', () => {
    for (const [name, schema] of exported) {
      const types = typesIn(schema);
      for (const lossy of ['date', 'bigint', 'map', 'set', 'undefined', 'symbol', 'nan', 'function'])
        expect(types.has(lossy), `${name} contains a ${lossy}`).toBe(false);
    }
    // The representative cases, as a client sees them.
    const user = {
      id: 'u1',
      walletAddress: 'w',
      walletAddressHex: null,
      chain: 'sol',
      role: 'user',
      scopes: [],
      name: null,
      avatarUrl: null,
      createdAt: new Date('2024-01-02T03:04:05.678Z'),
    };
    expect(contracts.ZAuthUser.safeParse(user).success).toBe(false);
    expect(contracts.ZAuthUser.parse(overTheWire(user)).createdAt).toBe('2024-01-02T03:04:05.678Z');
    expect(contracts.ZLamports.safeParse(123n).success).toBe(false);
    expect(contracts.ZLamports.parse('18446744073709551615')).toBe('18446744073709551615');
  });

  it('an optional field set to undefined is left out on the wire and parses as absent', () => {
    const withUndefined = { campaignId: 1, activityId: 2, proof: undefined };
    const sent = overTheWire(withUndefined);
    expect(sent).toStrictEqual({ campaignId: 1, activityId: 2 });
    expect(contracts.ZActivityCompleteInput.parse(sent)).toStrictEqual({ campaignId: 1, activityId: 2 });
    // Defaults fill in the same way whether the field was undefined or missing.
    expect(contracts.ZPageInput.parse(overTheWire({ limit: undefined }))).toStrictEqual({ limit: 20 });
    // A procedure without input: nothing on the wire, and the schema's default applies.
    expect(contracts.ZRefreshInput.parse(overTheWire(undefined))).toStrictEqual({ delivery: 'cookie' });
  });

  it('-0 arrives as 0, the only number a finite-number schema accepts that JSON changes', () => {
    expect(
      Object.is(contracts.ZFunnelStep.parse({ name: 'visit', count: 0, conversion: -0 }).conversion, -0),
    ).toBe(true);
    const received = contracts.ZFunnelStep.parse(overTheWire({ name: 'visit', count: 0, conversion: -0 }));
    expect(Object.is(received.conversion, 0)).toBe(true);
    expect(
      contracts.ZFunnelStep.safeParse({ name: 'visit', count: 0, conversion: Number.POSITIVE_INFINITY })
        .success,
    ).toBe(false);
  });

  it('free JSON fields (z.unknown) accept what JSON cannot carry: the server must put JSON in them', () => {
    const entry = {
      id: 'a1',
      actorUserId: null,
      action: 'campaign.update',
      targetType: 'campaign',
      targetId: '1',
      before: { at: new Date('2024-01-01T00:00:00.000Z'), gone: undefined },
      after: { lamports: 5n },
      requestId: null,
      createdAt: '2024-01-01T00:00:00.000Z',
    };
    const parsed = contracts.ZAuditEntry.parse(entry);
    expect(() => JSON.stringify(parsed)).toThrow(/BigInt/);
    const { after: _bigint, ...serialisable } = parsed;
    expect(overTheWire(serialisable)).toMatchObject({ before: { at: '2024-01-01T00:00:00.000Z' } });
    expect(overTheWire(serialisable)).not.toHaveProperty('before.gone');
  });

  it('a record key "__proto__" is dropped by the parse, before and after the wire alike', () => {
    const sent = JSON.parse('{"method":"sol","config":{"__proto__":{"collectionAddress":"X"},"minLevel":1}}');
    const parsed = contracts.ZMethodConfigInput.parse(sent);
    expect(parsed.config).toStrictEqual({ minLevel: 1 });
    expect(parsed.config.collectionAddress).toBeUndefined();
    expect(Object.getPrototypeOf(parsed.config)).toBe(Object.prototype);
  });
});

describe('the arbitrary walker', () => {
  it('fails by name on a schema it cannot generate, instead of testing nothing', () => {
    expect(() => arbitraryOf(z.date())).toThrow(/zod date/);
  });

  it('the wire property fails on a schema whose values JSON changes', () => {
    const toMap = z.record(z.string(), z.string()).transform((r) => new Map(Object.entries(r)));
    expect(() => fc.assert(survivesTheWire(toMap, fc.constant({ a: 'b' })))).toThrow(/Property failed/);
    const number = z.object({ n: z.number() });
    expect(() => fc.assert(survivesTheWire(number, fc.constant({ n: -0 })))).toThrow(/Property failed/);
  });

  it('yields only values the schema accepts, refinements included', () => {
    const schema = z
      .object({ a: z.number().int().min(3).max(9), b: z.string().trim().min(2).max(5).optional() })
      .refine((v) => v.a !== 5);
    fc.assert(
      fc.property(arbitraryOf(schema), (value) => {
        expect(schema.safeParse(value).success).toBe(true);
      }),
    );
  });
});
