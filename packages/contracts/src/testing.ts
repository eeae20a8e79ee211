import fc from 'fast-check';
import { z } from 'zod';
import { ZMediaHost } from './admin';
import { ZMethodConfigInput, ZReferralCodeIssue, ZSolAmount } from './admin-campaigns';
import { ZChallengeInput, ZSolanaAddress, ZSolanaSignature, ZTonAddress, ZTonProofBody } from './auth';
import { ZDiscordCode } from './discord';
import { type TNetwork, ZEligibilityMethod, ZNetwork } from './enums';
import { lamportsToSol } from './money';
import {
  NATIVE_TOKEN,
  REQUIREMENT_LEAF_KINDS,
  REQUIREMENT_LIMITS,
  ZExplainedRequirement,
  ZRequirementNode,
  ZRequirementTree,
} from './requirements';
import {
  ISO_COUNTRY_CODES,
  MAX_STORE_AMOUNT_CENTS,
  ZIsoCountry,
  ZShippingFeeInput,
  ZStorePriceInput,
} from './store-settings';
import { ZVisitLinkParameter } from './tasks';
import { isStorableJson, isStorableText } from './text';

/*
 * Test support: fast-check arbitraries derived from the zod schemas themselves, so a property can
 * range over every value a schema accepts without a hand-written generator per shape. The walker reads
 * zod 4's public definition (`schema._zod.def`: type, checks, shape, options…) and builds the matching
 * arbitrary; what it cannot derive (custom refinements such as base58 byte lengths) comes from an
 * override keyed by the schema instance. Every leaf is filtered through the schema, so an arbitrary
 * never yields a value the schema refuses, and a refinement the walker does not understand shows up as
 * fast-check giving up on the filter rather than as a silently narrower property.
 */

type Schema = z.core.$ZodType;
type Check = { _zod: { def: Record<string, unknown> } };

export type Overrides = ReadonlyMap<Schema, fc.Arbitrary<unknown>>;

export interface ArbitraryOptions {
  /** Arbitraries to use for particular schema instances, anywhere in the tree. */
  overrides?: Overrides;
  /** Characters for free text; full Unicode by default. */
  char?: fc.Arbitrary<string>;
  /** Longest array the walker builds (longer minimums win). */
  maxItems?: number;
}

/**
 * Any Unicode code point, plus the characters text columns and JSON encoders are known to trip on.
 * Schemas under the text rule (text.ts) refuse some of them; the walker draws those from
 * `storableOf(char)` instead, so their properties still see every other character.
 */
export const anyChar: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), weight: 8 },
  // NUL and lone surrogates: JSON carries them, database text columns do not (see `storableChar`).
  {
    arbitrary: fc.constantFrom(
      ' ',
      '\t',
      '\n',
      '"',
      '\\',
      '\u2028',
      '\u{1F600}',
      '\u0000',
      '\ud800',
      '\udfff',
    ),
    weight: 2,
  },
);

/** The characters of `char` that the text rule (text.ts) accepts: no NUL, no lone surrogate. */
export const storableOf = (char: fc.Arbitrary<string>) => char.filter(isStorableText);

/** Text a database text column gives back as it was (see text.ts for what it refuses). */
export const storableChar: fc.Arbitrary<string> = storableOf(anyChar);

/** A check of the text rule, on a string (text.ts `text`) or on free JSON (`storableJson`). */
const followsTextRule = (schema: Schema) =>
  checksOf(schema).some((c) => c.fn === isStorableText || c.fn === isStorableJson);

/** JSON values; fast-check's own may hold a -0, which JSON itself cannot carry (written as 0). */
export const jsonValue = (maxDepth = 3, char: fc.Arbitrary<string> = anyChar): fc.Arbitrary<unknown> =>
  fc.jsonValue({ maxDepth, stringUnit: char }).map((v) => JSON.parse(JSON.stringify(v)));

const defOf = (schema: Schema) => schema._zod.def as unknown as Record<string, unknown> & { type: string };
const checksOf = (schema: Schema): Record<string, unknown>[] =>
  ((defOf(schema).checks as Check[] | undefined) ?? []).map((c) => c._zod.def);

function bounds(checks: Record<string, unknown>[]) {
  let min: number | undefined;
  let max: number | undefined;
  let minExclusive = false;
  let maxExclusive = false;
  let int = false;
  let minLength: number | undefined;
  let maxLength: number | undefined;
  let pattern: RegExp | undefined;
  for (const c of checks) {
    if (c.check === 'greater_than') {
      min = c.value as number;
      minExclusive = !c.inclusive;
    } else if (c.check === 'less_than') {
      max = c.value as number;
      maxExclusive = !c.inclusive;
    } else if (c.check === 'number_format') {
      int = true;
    } else if (c.check === 'min_length') {
      minLength = c.minimum as number;
    } else if (c.check === 'max_length') {
      maxLength = c.maximum as number;
    } else if (c.check === 'length_equals') {
      minLength = c.length as number;
      maxLength = c.length as number;
    } else if (c.check === 'string_format' && c.pattern instanceof RegExp) {
      pattern = c.pattern;
    }
  }
  return { min, max, minExclusive, maxExclusive, int, minLength, maxLength, pattern };
}

/** The only value the schema accepts is the one it produces on the wire, so the filter is the truth. */
const accepted = <T>(schema: Schema, arb: fc.Arbitrary<T>) =>
  arb.filter((v) => z.safeParse(schema as z.ZodType, v).success);

/** An arbitrary of inputs the schema accepts. */
export function arbitraryOf(schema: Schema, options: ArbitraryOptions = {}): fc.Arbitrary<unknown> {
  const maxItems = options.maxItems ?? 4;
  const walk = (s: Schema, outerChar: fc.Arbitrary<string>): fc.Arbitrary<unknown> => {
    const override = options.overrides?.get(s);
    if (override) return accepted(s, override);
    const def = defOf(s);
    // Under the text rule, everything inside (a string, or a JSON value's keys and strings) is storable.
    const char = followsTextRule(s) ? storableOf(outerChar) : outerChar;
    const inner = (child: Schema) => walk(child, char);
    switch (def.type) {
      case 'string':
        return accepted(s, stringArbitrary(s, char));
      case 'number':
        return accepted(s, numberArbitrary(s));
      case 'boolean':
        return fc.boolean();
      case 'literal':
        return fc.constantFrom(...(def.values as unknown[]));
      case 'enum':
        return fc.constantFrom(...Object.values(def.entries as Record<string, string>));
      case 'unknown':
      case 'any':
        return jsonValue(3, char);
      case 'optional':
      case 'default':
        return fc.option(inner(def.innerType as Schema), { nil: undefined });
      case 'nullable':
        return fc.option(inner(def.innerType as Schema), { nil: null });
      case 'pipe':
        return accepted(s, inner(def.in as Schema));
      case 'transform':
        throw new Error('a bare transform has no input type to generate from');
      case 'union':
        return fc.oneof(...(def.options as Schema[]).map(inner));
      case 'array': {
        const { minLength = 0, maxLength } = bounds(checksOf(s));
        const max = Math.max(minLength, Math.min(maxLength ?? maxItems, maxItems));
        return accepted(s, fc.array(inner(def.element as Schema), { minLength, maxLength: max }));
      }
      case 'record':
        return accepted(
          s,
          fc.dictionary(
            inner(def.keyType as Schema) as fc.Arbitrary<string>,
            inner(def.valueType as Schema),
            {
              maxKeys: maxItems,
            },
          ),
        );
      case 'object': {
        const shape = def.shape as Record<string, Schema>;
        const requiredKeys = Object.keys(shape).filter((k) => shape[k]?._zod.optin !== 'optional');
        // An optional field is either there or left out: `{ key: undefined }` is not a wire value (JSON
        // drops the key), and the wire-contract test shows that case on its own.
        const present = (v: Schema) => {
          const d = defOf(v);
          return (d.type === 'optional' || d.type === 'default') && !options.overrides?.has(v)
            ? (d.innerType as Schema)
            : v;
        };
        const fields = Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, inner(present(v))]));
        return accepted(s, fc.record(fields, { requiredKeys }));
      }
      default:
        throw new Error(`no arbitrary for a zod ${def.type}: give this schema an override`);
    }
  };
  return walk(schema, options.char ?? anyChar);
}

function stringArbitrary(schema: Schema, char: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const def = defOf(schema);
  const { minLength = 0, maxLength, pattern } = bounds(checksOf(schema));
  const formatPattern = def.pattern instanceof RegExp ? def.pattern : undefined;
  if (def.format === 'url') return fc.webUrl({ withQueryParameters: true, withFragments: true });
  // zod's email pattern is slow to generate from (and to match on long input): build addresses instead.
  if (def.format === 'email')
    return fc
      .tuple(
        fc.stringMatching(/^[A-Za-z0-9_+-]{1,12}(?:\.[A-Za-z0-9_'+-]{1,8})?$/),
        fc.domain(),
        fc.boolean(),
      )
      .map(([local, domain, upper]) => `${local}@${upper ? domain.toUpperCase() : domain}`);
  const regex = formatPattern ?? pattern;
  if (regex) {
    // Long enough to reach the minimum, short enough for most values to fit under the maximum.
    return fc
      .stringMatching(regex, { size: maxLength !== undefined && maxLength < 12 ? 'small' : 'medium' })
      .map((v) => (maxLength !== undefined && v.length > maxLength ? v.slice(0, maxLength) : v));
  }
  return fc.string({ unit: char, minLength, maxLength: Math.min(maxLength ?? 40, Math.max(minLength, 40)) });
}

function numberArbitrary(schema: Schema): fc.Arbitrary<number> {
  const { min, max, minExclusive, maxExclusive, int } = bounds(checksOf(schema));
  if (int) {
    const lo = Math.max(
      Number.MIN_SAFE_INTEGER,
      min === undefined ? -Infinity : minExclusive ? min + 1 : min,
    );
    const hi = Math.min(Number.MAX_SAFE_INTEGER, max === undefined ? Infinity : maxExclusive ? max - 1 : max);
    // Small values and the extremes both matter: ids near 0, and the largest integer a column takes.
    return fc.oneof(
      fc.integer({ min: Math.max(lo, -1000), max: Math.min(hi, 1000) }),
      fc.integer({ min: lo, max: hi }),
      fc.constantFrom(lo, hi),
    );
  }
  // JSON has no -0: `+ 0` turns it into 0, and the wire-contract test shows the loss on its own.
  return fc
    .double({
      min,
      max,
      minExcluded: minExclusive,
      maxExcluded: maxExclusive,
      noNaN: true,
      noDefaultInfinity: true,
    })
    .map((v) => v + 0);
}

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** Base58 (Bitcoin alphabet) of some bytes, as Solana spells addresses and signatures. */
export function base58(bytes: Uint8Array): string {
  let zeros = 0;
  while (zeros < bytes.length && bytes[zeros] === 0) zeros += 1;
  let n = 0n;
  for (const b of bytes) n = n * 256n + BigInt(b);
  let out = '';
  while (n > 0n) {
    out = BASE58[Number(n % 58n)] + out;
    n /= 58n;
  }
  return '1'.repeat(zeros) + out;
}

/** Base58 strings of exactly `length` bytes, leading zero bytes included now and then. */
export const base58Bytes = (length: number) =>
  fc
    .oneof(
      fc.uint8Array({ minLength: length, maxLength: length }),
      fc.uint8Array({ minLength: length, maxLength: length }).map((b) => b.map((x, i) => (i < 2 ? 0 : x))),
    )
    .map(base58);

/** Lamports from nothing to past what a signed 64-bit column holds (the column is the limit to test). */
const lamportsArbitrary = fc.oneof(
  fc.bigInt({ min: 0n, max: 10n ** 12n }),
  fc.bigInt({ min: 0n, max: 2n ** 63n - 1n }),
  fc.bigInt({ min: 0n, max: 10n ** 22n }),
);

const solAmountArbitrary = fc
  .tuple(lamportsArbitrary, fc.nat({ max: 3 }), fc.boolean())
  .map(([lamports, zeros, spaced]) => {
    const sol = lamportsToSol(lamports);
    const padded = zeros > 0 ? `${sol}${sol.includes('.') ? '' : '.'}${'0'.repeat(zeros)}` : sol;
    const text = padded.replace(/(\.\d{9})\d+$/, '$1');
    return spaced ? ` ${text} ` : text;
  });

const tonAddressArbitrary = fc.oneof(
  fc.stringMatching(/^-?\d{1,3}:[0-9a-fA-F]{64}$/),
  fc.stringMatching(/^[A-Za-z0-9+/_-]{48}$/),
);

const tonSignatureArbitrary = fc
  .tuple(fc.uint8Array({ minLength: 64, maxLength: 64 }), fc.constantFrom('base64', 'base64url'))
  .map(([bytes, encoding]) => Buffer.from(bytes).toString(encoding as 'base64' | 'base64url'));

const nonBlank = (max: number, char: fc.Arbitrary<string>) =>
  fc.string({ unit: char, minLength: 1, maxLength: Math.min(max, 40) }).filter((s) => s.trim() !== '');

/** What a campaign's method stores: an address for holder methods, a level for referral methods, more. */
const methodConfigArbitrary = (char: fc.Arbitrary<string>) =>
  fc
    .tuple(
      fc.record(
        { collectionAddress: nonBlank(128, char), minLevel: fc.nat({ max: 1000 }) },
        { requiredKeys: [] },
      ),
      fc.dictionary(fc.string({ unit: char, maxLength: 12 }), jsonValue(2, char), { maxKeys: 3 }),
    )
    .map(([known, extra]) => ({ ...extra, ...known }));

const referralCodeIssueArbitrary = fc
  .record(
    {
      type: fc.constantFrom('limited', 'unlimited', 'gunlimited'),
      campaignId: fc.integer({ min: 1, max: 2_147_483_647 }),
      level: fc.integer({ min: 0, max: 100 }),
      maxUses: fc.integer({ min: 1, max: 1_000_000 }),
      count: fc.integer({ min: 1, max: 1000 }),
      code: fc.stringMatching(/^[A-Za-z0-9_-]{4,32}$/),
      ownerUserId: fc.string({ minLength: 1, maxLength: 64 }),
    },
    { requiredKeys: ['type', 'campaignId', 'maxUses', 'count'] },
  )
  .map(({ type, campaignId, maxUses, count, code, ...rest }) => ({
    ...rest,
    type,
    ...(type === 'gunlimited' ? {} : { campaignId }),
    ...(type === 'limited' ? { maxUses } : {}),
    ...(code === undefined ? { count } : { code, count: 1 }),
  }));

const challengeInputArbitrary = fc.oneof(
  fc.record({ chain: fc.constant('sol'), address: base58Bytes(32) }),
  fc.record(
    {
      chain: fc.constant('evm'),
      address: fc.stringMatching(/^0x[0-9a-fA-F]{40}$/),
      chainId: fc.integer({ min: 1 }),
    },
    { requiredKeys: ['chain', 'address'] },
  ),
  fc.record({ chain: fc.constant('ton'), address: tonAddressArbitrary }, { requiredKeys: ['chain'] }),
);

/** A token address of the network's family: EVM contract, SPL mint, jetton master. */
const tokenAddressArbitrary = (network: TNetwork) =>
  network === 'eth' || network === 'berachain'
    ? fc.stringMatching(/^0x[0-9a-fA-F]{40}$/)
    : network === 'ton'
      ? tonAddressArbitrary
      : base58Bytes(32);

/** A positive amount with no more decimal places than the token has. */
const tokenAmountArbitrary = (decimals: number) =>
  fc
    .tuple(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 0, max: Math.min(decimals, 6) }))
    .chain(([whole, places]) =>
      fc.bigInt({ min: 0n, max: 10n ** BigInt(places) - 1n }).map((fraction) => {
        if (places === 0) return String(whole === 0n ? 1n : whole);
        const digits = (whole === 0n && fraction === 0n ? 1n : fraction).toString().padStart(places, '0');
        return `${whole}.${digits}`;
      }),
    );

const tokenBalanceLeafArbitrary = fc.constantFrom(...ZNetwork.options).chain((network) =>
  fc.oneof(
    tokenAmountArbitrary(NATIVE_TOKEN[network].decimals).map((minAmount) => ({
      kind: 'token_balance',
      network,
      minAmount,
    })),
    fc.integer({ min: 0, max: 18 }).chain((decimals) =>
      fc.record({
        kind: fc.constant('token_balance'),
        network: fc.constant(network),
        tokenAddress: tokenAddressArbitrary(network),
        tokenSymbol: fc.constantFrom('PUFF', 'USDC'),
        decimals: fc.constant(decimals),
        minAmount: tokenAmountArbitrary(decimals),
      }),
    ),
  ),
);

const requirementLeafArbitrary = fc.oneof(
  fc.record({
    kind: fc.constant('method'),
    method: fc.constantFrom(...ZEligibilityMethod.options),
    config: fc.constant({}),
  }),
  fc.record({
    kind: fc.constant('nft_count'),
    network: fc.constantFrom(...ZNetwork.options),
    collectionAddress: fc.stringMatching(/^[A-Za-z0-9]{1,44}$/),
    min: fc.integer({ min: 1, max: 100 }),
  }),
  fc.record(
    {
      kind: fc.constant('points'),
      scope: fc.constantFrom('campaign', 'overall'),
      campaignId: fc.integer({ min: 1, max: 2_147_483_647 }),
      min: fc.integer({ min: 1, max: 1_000_000_000 }),
    },
    { requiredKeys: ['kind', 'scope', 'min'] },
  ),
  fc.record({ kind: fc.constant('eligible_for'), campaignId: fc.integer({ min: 1, max: 2_147_483_647 }) }),
  fc.record({
    kind: fc.constant('activities'),
    activityIds: fc.uniqueArray(fc.integer({ min: 1, max: 2_147_483_647 }), { minLength: 1, maxLength: 4 }),
  }),
  fc.record({ kind: fc.constant('account'), account: fc.constantFrom('email', 'x', 'discord') }),
  tokenBalanceLeafArbitrary,
  fc.record({
    kind: fc.constant('wallet_age'),
    network: fc.constantFrom(...ZNetwork.options),
    minDays: fc.integer({ min: 1, max: REQUIREMENT_LIMITS.maxWalletAgeDays }),
  }),
  fc.record({
    kind: fc.constant('transaction_count'),
    network: fc.constantFrom(...ZNetwork.options),
    min: fc.integer({ min: 1, max: REQUIREMENT_LIMITS.maxTransactionCount }),
  }),
);

const requirementGroupOf = (child: fc.Arbitrary<unknown>) =>
  fc.oneof(
    fc.record({
      kind: fc.constantFrom('all', 'any'),
      children: fc.array(child, { minLength: 1, maxLength: 3 }),
    }),
    fc
      .array(child, { minLength: 1, maxLength: 3 })
      .chain((children) =>
        fc.integer({ min: 1, max: children.length }).map((n) => ({ kind: 'at_least', n, children })),
      ),
    child.map((inner) => ({ kind: 'not', child: inner })),
  );

/** A requirement tree within the limits, with a method on every way to pass: `all[method, …]`. */
const requirementTreeArbitrary = fc
  .tuple(
    requirementLeafArbitrary.filter((leaf) => leaf.kind === 'method'),
    fc.array(fc.oneof(requirementLeafArbitrary, requirementGroupOf(requirementLeafArbitrary)), {
      maxLength: 3,
    }),
  )
  .map(([method, rest]) => ({ kind: 'all', children: [method, ...rest] }));

const requirementOutcome = fc.constantFrom('passed', 'failed', 'unknown', 'not_checked');
const explainedLeafArbitrary = fc.record({
  kind: fc.constantFrom(...REQUIREMENT_LEAF_KINDS),
  outcome: requirementOutcome,
  detail: fc.string({ maxLength: 60 }),
});
const explainedRequirementArbitrary = fc.oneof(
  explainedLeafArbitrary,
  fc.record(
    {
      kind: fc.constantFrom('all', 'any', 'at_least', 'not'),
      outcome: requirementOutcome,
      detail: fc.string({ maxLength: 60 }),
      n: fc.integer({ min: 1, max: 20 }),
      children: fc.array(explainedLeafArbitrary, { maxLength: 3 }),
    },
    { requiredKeys: ['kind', 'outcome', 'detail'] },
  ),
);

/**
 * A USDT amount as an operator types it (whole cents, at most the store's ceiling), written the ways
 * the form accepts: "99", "9.9", "9.99". Filtering regex-made strings would almost never pass the
 * ceiling, and an array of them never: fast-check's filter then spins for good.
 */
const storeAmountArbitrary = (minCents: number) =>
  fc
    .tuple(fc.integer({ min: minCents, max: Number(MAX_STORE_AMOUNT_CENTS) }), fc.boolean())
    .map(([cents, short]) => {
      const whole = Math.floor(cents / 100);
      const rest = cents % 100;
      if (rest === 0) return short ? String(whole) : `${whole}.00`;
      return short && rest % 10 === 0 ? `${whole}.${rest / 10}` : `${whole}.${String(rest).padStart(2, '0')}`;
    });

/** The schemas whose refinements the walker cannot satisfy by filtering, and what generates them. */
export const contractOverrides = (char: fc.Arbitrary<string> = anyChar): Overrides =>
  new Map<Schema, fc.Arbitrary<unknown>>([
    [ZSolanaAddress, base58Bytes(32)],
    [ZSolanaSignature, base58Bytes(64)],
    [ZTonAddress, tonAddressArbitrary],
    [ZTonProofBody.shape.signature, tonSignatureArbitrary],
    [ZSolAmount, solAmountArbitrary],
    [ZMethodConfigInput.shape.config, methodConfigArbitrary(storableOf(char))],
    [ZReferralCodeIssue, referralCodeIssueArbitrary],
    [ZChallengeInput, challengeInputArbitrary],
    [ZMediaHost, fc.domain().filter((host) => ZMediaHost.safeParse(host).success)],
    [ZDiscordCode, fc.stringMatching(/^ ?[A-Za-z0-9]{8} ?$/)],
    // A country code as typed: any case, spaces around it (the schema trims and upper-cases).
    [
      ZIsoCountry,
      fc
        .tuple(fc.constantFrom(...ISO_COUNTRY_CODES), fc.boolean(), fc.constantFrom('', ' '))
        .map(([code, lower, pad]) => `${pad}${lower ? code.toLowerCase() : code}${pad}`),
    ],
    // A refined text that must parse as an http(s) URL: random strings would almost never pass.
    [
      ZVisitLinkParameter.shape.url,
      fc
        .webUrl({ withQueryParameters: true, withFragments: true })
        .filter((url) => ZVisitLinkParameter.shape.url.safeParse(url).success),
    ],
    [ZShippingFeeInput, storeAmountArbitrary(0)],
    [ZStorePriceInput, storeAmountArbitrary(1)],
    // Recursive (lazy) schemas: the walker does not descend into them.
    [ZRequirementNode, requirementTreeArbitrary],
    [ZRequirementTree, requirementTreeArbitrary],
    [ZExplainedRequirement, explainedRequirementArbitrary],
  ]);

/** `arbitraryOf` with the contracts' own overrides. */
export const contractArbitrary = (schema: Schema, options: ArbitraryOptions = {}) =>
  arbitraryOf(schema, {
    ...options,
    overrides: new Map([...contractOverrides(options.char), ...(options.overrides ?? [])]),
  });
