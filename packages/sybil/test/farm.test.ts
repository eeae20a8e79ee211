import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linkMembers, riskScore, type TMemberSignals, ZMemberSignals } from '../src';

const NOW = new Date('2026-12-07T12:00:00Z');
const DAY = 24 * 60 * 60_000;
const MIN = 60_000;

/** A small seeded generator, so the generated crowd is the same on every run. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function organic(i: number, next: () => number): TMemberSignals {
  const joined = new Date(NOW.getTime() - (60 + next() * 900) * DAY);
  return {
    memberId: `member-${i}`,
    wallets: [
      {
        address: `Org${i}`,
        firstActivityAt: joined,
        transactionCount: 20 + Math.floor(next() * 500),
        fundedBy: {
          wallet: `exchange-${Math.floor(next() * 4)}`,
          at: new Date(joined.getTime() + next() * 30 * DAY),
        },
      },
    ],
    linkedAccounts: [{ kind: 'x', createdAt: new Date(joined.getTime() - 400 * DAY) }],
    signIns: [
      {
        at: new Date(NOW.getTime() - next() * 20 * DAY),
        network: `net-${Math.floor(next() * 5000)}`,
        device: `dev-${i}`,
      },
    ],
    humanityScore: next() < 0.3 ? 25 : null,
  };
}

/** A farm: fresh wallets funded one after another by one wallet, signing in together from two networks. */
function farmer(i: number): TMemberSignals {
  const start = NOW.getTime() - 2 * DAY;
  return {
    memberId: `farm-${i}`,
    wallets: [
      {
        address: `Farm${i}`,
        firstActivityAt: new Date(start + i * 3 * MIN),
        transactionCount: 1 + (i % 2),
        fundedBy: { wallet: 'farm-funder', at: new Date(start + i * 3 * MIN) },
      },
    ],
    linkedAccounts: [],
    signIns: [
      {
        at: new Date(NOW.getTime() - 60 * MIN + i * 20_000),
        network: `net-farm-${i % 2}`,
        device: `farm-device-${i % 8}`,
      },
    ],
    humanityScore: null,
  };
}

describe('Sybil clustering', () => {
  const next = random(7);
  const crowd = Array.from({ length: 300 }, (_, i) => organic(i, next));
  const farm = Array.from({ length: 40 }, (_, i) => farmer(i));
  const members = [...crowd, ...farm];
  for (const m of members) ZMemberSignals.parse(m);
  const { byMember, clusters } = linkMembers(members);
  const scoreOf = (m: TMemberSignals) =>
    riskScore(m, byMember.get(m.memberId) ?? { sharedDevice: 0, sameFunder: 0, burst: 0 }, NOW);

  it('puts the whole farm in one cluster with no one from the crowd', () => {
    const farmCluster = clusters.find((c) => c.includes('farm-0'));
    expect(farmCluster?.sort()).toEqual(farm.map((f) => f.memberId).sort());
  });

  it('scores every farm wallet high, with the evidence in words, and nobody in the crowd', () => {
    for (const f of farm) {
      const { score, reasons } = scoreOf(f);
      expect(score).toBeGreaterThanOrEqual(70);
      expect(reasons.map((r) => r.signal)).toEqual(
        expect.arrayContaining([
          'new-wallet',
          'few-transactions',
          'no-linked-accounts',
          'shared-device',
          'same-funder',
          'sign-in-burst',
        ]),
      );
      expect(reasons.find((r) => r.signal === 'same-funder')?.detail).toBe(
        'Funded by the same wallet as 39 other members, minutes apart.',
      );
    }
    const crowdScores = crowd.map((m) => scoreOf(m).score);
    expect(Math.max(...crowdScores)).toBeLessThan(30);
  });

  it('does not condemn real people who sign in from one network at once (a meetup’s Wi-Fi)', () => {
    const meetup = crowd.slice(0, 12).map((m, i) => ({
      ...m,
      signIns: [
        {
          at: new Date(NOW.getTime() - 30 * MIN + i * 30_000),
          network: 'net-meetup',
          device: `dev-meetup-${i}`,
        },
      ],
    }));
    const linked = linkMembers(meetup);
    for (const m of meetup) {
      const links = linked.byMember.get(m.memberId);
      expect(links?.burst).toBeGreaterThanOrEqual(4);
      expect(riskScore(m, links ?? { sharedDevice: 0, sameFunder: 0, burst: 0 }, NOW).score).toBeLessThan(50);
    }
  });

  it('keeps every score between 0 and 100, and more shared evidence never lowers it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1000 }),
        fc.record({ sharedDevice: fc.nat(50), sameFunder: fc.nat(50), burst: fc.nat(50) }),
        fc.constantFrom('sharedDevice', 'sameFunder', 'burst'),
        (i, links, more: 'sharedDevice' | 'sameFunder' | 'burst') => {
          const m = i % 2 ? organic(i, random(i)) : farmer(i);
          const base = riskScore(m, links, NOW).score;
          expect(base).toBeGreaterThanOrEqual(0);
          expect(base).toBeLessThanOrEqual(100);
          expect(riskScore(m, { ...links, [more]: links[more] + 1 }, NOW).score).toBeGreaterThanOrEqual(base);
        },
      ),
    );
  });

  it('takes points away for a verified humanity score', () => {
    const f = farmer(1);
    const links = { sharedDevice: 0, sameFunder: 0, burst: 0 };
    expect(riskScore({ ...f, humanityScore: 30 }, links, NOW).score).toBe(
      riskScore(f, links, NOW).score - 25,
    );
  });
});
