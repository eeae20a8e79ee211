import type {
  TCampaign,
  TCampaignActivity,
  TCampaignInfo,
  TEligibilityAnswer,
  TLeaderboardOutput,
} from '@puffy/contracts';
import { ok, versionOf, type WireAnswer, wireTransport } from './wire';

/** Shapes the campaign procedures answer with, typed by the shared contracts so they cannot drift. */
export const SOLANA_WALLET = '7Yd3kN8mZp2Qw5Xr9Lt4Vb6Hc1Jf8Ge3Ks2Pa5Rm9Uq';

export const signedInSession = {
  signedIn: true,
  user: {
    id: 'u1',
    walletAddress: SOLANA_WALLET,
    walletAddressHex: null,
    chain: 'sol',
    role: 'user',
    scopes: [],
    name: null,
    avatarUrl: null,
    createdAt: '2026-11-23T00:00:00.000Z',
  },
  csrfToken: 'csrf',
  expiresAt: '2099-01-01T00:00:00.000Z',
  sessionExpiresAt: '2099-01-01T00:00:00.000Z',
};
export const signedOutSession = { signedIn: false };

export function campaignOf(overrides: Partial<TCampaign> = {}): TCampaign {
  return {
    id: 7,
    slug: 'puffy-genesis',
    name: 'Puffy Genesis',
    description: 'The first Puffy drop.',
    edition: null,
    requirement: 'Hold a Puffy Genesis pass or join with a friend’s code.',
    collectionAddress: null,
    collectionName: 'Puffy Genesis',
    network: 'sol',
    vmType: 'svm',
    startAt: '2026-11-01T00:00:00.000Z',
    endAt: null,
    limit: 100,
    eligibleCount: 40,
    media: {},
    nftGasFeeLamports: '0',
    xPostUrl: null,
    isActive: true,
    phase: 'active',
    groupId: null,
    methods: ['sol', 'referral'],
    ...overrides,
  };
}

export function answerOf(overrides: Partial<TEligibilityAnswer> = {}): TEligibilityAnswer {
  return {
    campaignId: 7,
    outcome: 'not_eligible',
    reason: 'no_method_matched',
    message:
      'Not eligible yet. To qualify: hold an NFT of Puffy Genesis on Solana; or Join with a valid referral code.',
    method: null,
    wallet: null,
    methods: [
      { method: 'referral', passed: false, detail: 'Join with a valid referral code.' },
      { method: 'sol', passed: false, detail: 'This wallet does not hold Puffy Genesis.' },
    ],
    missingActivities: [],
    recorded: false,
    ...overrides,
  };
}

export function infoOf(overrides: Partial<TCampaignInfo> = {}): TCampaignInfo {
  return {
    campaignId: 7,
    eligibility: { eligible: false, method: null, wallet: null, since: null },
    activities: [
      {
        activityId: 1,
        name: 'Sign in',
        kind: 'sign_in',
        points: 10,
        quantity: 1,
        required: true,
        status: 'completed',
        completedAt: '2026-11-20T00:00:00.000Z',
      },
      {
        activityId: 2,
        name: 'Post about Puffy on X',
        kind: 'x_post',
        points: 50,
        quantity: 1,
        required: true,
        status: 'open',
        completedAt: null,
      },
    ],
    requiredCompleted: 1,
    requiredTotal: 2,
    points: 10,
    referral: { code: null, uses: 0, maxUses: null, referredCount: 0, referred: false },
    nft: null,
    ...overrides,
  };
}

export function activityOf(overrides: Partial<TCampaignActivity> = {}): TCampaignActivity {
  return {
    activityId: 2,
    name: 'Post about Puffy on X',
    description: null,
    kind: 'x_post',
    scope: 'campaign',
    initiatedByUser: true,
    points: 50,
    quantity: 1,
    required: true,
    status: 'not_started',
    completedAt: null,
    ...overrides,
  };
}

export const emptyBoard: TLeaderboardOutput = { campaignId: 7, items: [], nextCursor: null, me: null };

/** Every `input` the batched GETs carried for `path` (each procedure of a batch under its index). */
export function inputsOf(calls: { url: URL; paths: string[] }[], path: string): unknown[] {
  return calls.flatMap((call) => {
    const parsed: Record<string, unknown> = JSON.parse(call.url.searchParams.get('input') ?? '{}');
    return call.paths.flatMap((p, index) => (p === path ? [parsed[String(index)]] : []));
  });
}

/** The first `input` sent for `path`. */
export function inputOf(calls: { url: URL; paths: string[] }[], path: string): unknown {
  return inputsOf(calls, path)[0];
}

/** The campaign room's reads, with `overrides` per procedure path. */
export function campaignRoomWire(
  session: unknown,
  overrides: Record<string, (attempt: number) => WireAnswer> = {},
) {
  return wireTransport((path, attempt) => {
    const override = overrides[path];
    if (override) return override(attempt);
    switch (path) {
      case 'auth.session':
        return ok(session);
      case 'campaign.get':
        return ok(campaignOf());
      case 'campaign.info':
        return ok(infoOf());
      case 'activity.list':
        return ok({ items: [], nextCursor: null, points: 0 });
      case 'campaign.leaderboard':
        return ok(emptyBoard);
      default:
        return ok(versionOf());
    }
  });
}
