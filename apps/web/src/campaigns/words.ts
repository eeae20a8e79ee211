import type { TCampaign, TEligibilityMethod, TNetwork, TWalletChain } from '@puffy/contracts';
import type { TFunction } from 'i18next';
import { formatDateTime, formatNumber, networkName } from '../lib/format';

/** The campaign pages' words come from their catalog (locales/<language>/campaign.json). */
export type CampaignT = TFunction<'campaign'>;

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
  t: CampaignT,
  method: TEligibilityMethod,
  campaign: Pick<TCampaign, 'collectionName'>,
): string {
  const network = HOLDER_METHODS[method];
  if (network) {
    const collection = campaign.collectionName ?? t('method.theCollection');
    return t('method.hold', { collection, network: networkName(network) });
  }
  if (method === 'referral' || method === 'c_referral' || method === 'bypass') return t(`method.${method}`);
  return t('method.discord');
}

/** A campaign's moments carry their time of day: windows open and close at a given hour. */
export const formatDate = formatDateTime;

/** "From … until …" in words; null and null mean the campaign has no window. */
export function campaignWindow(t: CampaignT, campaign: Pick<TCampaign, 'startAt' | 'endAt'>): string {
  const { startAt, endAt } = campaign;
  if (startAt && endAt) return t('window.between', { start: formatDate(startAt), end: formatDate(endAt) });
  if (startAt) return t('window.from', { start: formatDate(startAt) });
  if (endAt) return t('window.until', { end: formatDate(endAt) });
  return t('window.open');
}

/** How many of the campaign's places are still free; null when it has no limit. */
export function placesLeftCount(campaign: Pick<TCampaign, 'limit' | 'eligibleCount'>): number | null {
  return campaign.limit === null ? null : Math.max(0, campaign.limit - campaign.eligibleCount);
}

export function placesLeft(
  t: CampaignT,
  campaign: Pick<TCampaign, 'limit' | 'eligibleCount'>,
): string | null {
  const left = placesLeftCount(campaign);
  if (left === null || campaign.limit === null) return null;
  return left === 0
    ? t('places.full')
    : t('places.left', { count: left, left: formatNumber(left), limit: formatNumber(campaign.limit) });
}
