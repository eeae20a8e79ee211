import type { TCampaign, TCampaignPhase, TEligibilityMethod, TNetwork, TWalletChain } from '@puffy/contracts';
import { formatDateTime } from '../lib/intl';

export const NETWORK_LABEL: Record<TNetwork, string> = {
  sol: 'Solana',
  eth: 'Ethereum',
  ton: 'TON',
  soon: 'SOON',
  berachain: 'Berachain',
};

export const PHASE_LABEL: Record<TCampaignPhase, string> = {
  active: 'Active',
  upcoming: 'Upcoming',
  ended: 'Ended',
  paused: 'Paused',
};

export const WALLET_LABEL: Record<TWalletChain, string> = {
  sol: 'Solana (also SOON)',
  evm: 'EVM (Ethereum, Berachain)',
  ton: 'TON',
};

/** The wallet family that holds a network's assets: the checker's default for a campaign. */
export const WALLET_OF_NETWORK: Record<TNetwork, TWalletChain> = {
  sol: 'sol',
  soon: 'sol',
  eth: 'evm',
  berachain: 'evm',
  ton: 'ton',
};

const HOLDER_METHODS: Partial<Record<TEligibilityMethod, TNetwork>> = {
  eth: 'eth',
  sol: 'sol',
  ton: 'ton',
  soon: 'soon',
  berachain: 'berachain',
};

/** One eligibility method as a member reads it: what they have to have or do. */
export function methodInWords(
  method: TEligibilityMethod,
  campaign: Pick<TCampaign, 'collectionName'>,
): string {
  const network = HOLDER_METHODS[method];
  if (network) {
    const collection = campaign.collectionName ?? 'the campaign’s collection';
    return `Hold an NFT of ${collection} on ${NETWORK_LABEL[network]}`;
  }
  switch (method) {
    case 'referral':
      return 'Join with a referral code';
    case 'c_referral':
      return 'Join with one of this campaign’s referral codes';
    case 'bypass':
      return 'Be on the campaign’s allow-list';
    default:
      return 'Link your Discord account through the campaign’s Discord bot';
  }
}

/** A campaign's moments carry their time of day: windows open and close at a given hour. */
export const formatDate = formatDateTime;

/** "From … until …" in words; null and null mean the campaign has no window. */
export function campaignWindow(campaign: Pick<TCampaign, 'startAt' | 'endAt'>): string {
  const { startAt, endAt } = campaign;
  if (startAt && endAt) return `${formatDate(startAt)} – ${formatDate(endAt)}`;
  if (startAt) return `From ${formatDate(startAt)}`;
  if (endAt) return `Until ${formatDate(endAt)}`;
  return 'No end date';
}

export function placesLeft(campaign: Pick<TCampaign, 'limit' | 'eligibleCount'>): string | null {
  if (campaign.limit === null) return null;
  const left = Math.max(0, campaign.limit - campaign.eligibleCount);
  return left === 0 ? 'Full: no places left' : `${left} of ${campaign.limit} places left`;
}
