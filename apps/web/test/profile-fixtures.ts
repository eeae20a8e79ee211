import type { TUserInfo } from '@puffy/contracts';
import { campaignOf, signedInSession } from './campaign-fixtures';
import { ok, versionOf, type WireAnswer, wireTransport } from './wire';

/** Shapes the profile procedures answer with, typed by the shared contracts so they cannot drift. */
export const SOLANA_WALLET = signedInSession.user.walletAddress;
export { signedOutSession } from './campaign-fixtures';
export { signedInSession };

const empty = { items: [], hasMore: false };

export function userInfoOf(overrides: Partial<TUserInfo> = {}): TUserInfo {
  return {
    id: 'u1',
    walletAddress: SOLANA_WALLET,
    walletAddressHex: null,
    chain: 'sol',
    wallets: [
      {
        chain: 'sol',
        address: SOLANA_WALLET,
        addressHex: null,
        isPrimary: true,
        linkedAt: '2026-11-20T10:00:00.000Z',
      },
    ],
    evmWallets: [],
    tonWallets: [],
    twitter: null,
    name: null,
    avatarUrl: null,
    avatarLocked: false,
    email: null,
    discord: null,
    telegram: null,
    points: 0,
    referralCode: null,
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    activities: empty,
    campaignActivities: empty,
    referrals: empty,
    nfts: empty,
    eligibilities: empty,
    products: empty,
    ...overrides,
  };
}

export const campaignsPage = {
  items: [campaignOf()],
  nextCursor: null,
};

export type Overrides = Record<string, (attempt: number) => WireAnswer>;

/** The signed-in member's reads, with `overrides` per procedure path. */
export function serving(
  info: TUserInfo | (() => TUserInfo) = userInfoOf(),
  overrides: Overrides = {},
  session: unknown = signedInSession,
) {
  return wireTransport((path, attempt) => {
    const override = overrides[path];
    if (override) return override(attempt);
    switch (path) {
      case 'auth.session':
        return ok(session);
      case 'user.info':
        return ok(typeof info === 'function' ? info() : info);
      case 'user.twitterLock':
        return ok({ linked: false, locked: false, reason: null });
      case 'campaign.list':
        return ok(campaignsPage);
      case 'device.pass.summary':
        return ok({ passes: [], entitled: 0, available: 0 });
      default:
        return ok(versionOf());
    }
  });
}

export const pathsOf = (wire: ReturnType<typeof wireTransport>) => wire.calls.flatMap((c) => c.paths);
