import { type TNftPublic, ZNftPublic } from '@puffy/contracts';
import { eq } from 'drizzle-orm';
import type { Deps } from '../deps';
import { NotFound } from '../platform/errors';
import { shortWallet } from '../platform/short-wallet';
import { explorerUrl } from '../promotion/progress';

/** NFTs the public may see: paid for and minted (or being minted). Claims and expired ones stay private. */
const VISIBLE = new Set(['payment_confirmed', 'minted', 'mint_failed']);

/** `7xKX…sAsU`: recognisable by its owner, too short to look anyone up by. */

async function loadVisible(deps: Deps, id: number) {
  const { t, db } = deps.db;
  const [row] = await db
    .select({ nft: t.userNfts, promotion: t.promotions, campaign: t.campaigns, owner: t.users.walletAddress })
    .from(t.userNfts)
    .innerJoin(t.promotions, eq(t.promotions.id, t.userNfts.promotionId))
    .innerJoin(t.campaigns, eq(t.campaigns.id, t.userNfts.campaignId))
    .innerJoin(t.users, eq(t.users.id, t.userNfts.userId))
    .where(eq(t.userNfts.id, id))
    .limit(1);
  if (!row || !VISIBLE.has(row.nft.status))
    throw new NotFound('There is no public NFT with this id.', 'nft_not_found');
  return row;
}

/** `nft.public`: what a shared link shows, for anyone, signed in or not. */
export async function publicNft(deps: Deps, id: number): Promise<TNftPublic> {
  const { nft, promotion, campaign, owner } = await loadVisible(deps, id);
  return ZNftPublic.parse({
    id: nft.id,
    name: `${promotion.name} #${nft.sequence}`,
    symbol: promotion.symbol,
    description: promotion.description,
    image: promotion.media.image ?? null,
    sequence: nft.sequence,
    network: nft.network,
    status: nft.status,
    ownerShort: shortWallet(owner),
    campaign: { id: campaign.id, name: campaign.name, slug: campaign.slug },
    assetAddress: nft.assetAddress,
    mintSignature: nft.mintSignature,
    explorerUrl: explorerUrl(deps, nft),
  });
}

const MEDIA_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  mp4: 'video/mp4',
  webm: 'video/webm',
};

function mediaType(uri: string): string {
  const extension = /\.([a-z0-9]+)(?:[?#]|$)/i.exec(uri)?.[1]?.toLowerCase() ?? '';
  return MEDIA_TYPES[extension] ?? 'image/png';
}

/** The Metaplex token-metadata JSON standard, as wallets and marketplaces read an asset's URI. */
export interface NftMetadata {
  name: string;
  symbol: string;
  description: string;
  image: string;
  animation_url?: string;
  external_url: string;
  seller_fee_basis_points: number;
  attributes: Array<{ trait_type: string; value: string | number }>;
  properties: { category: 'image' | 'video'; files: Array<{ uri: string; type: string }> };
}

/**
 * Media as wallets, marketplaces and link previews need it: the app's own artwork is stored by its path
 * (`/media/…`), which means nothing outside our pages, so it is made absolute against our origin.
 */
export function absoluteMediaUrl(origin: string, uri: string): string {
  return uri.startsWith('/') && !uri.startsWith('//') ? new URL(uri, origin).href : uri;
}

/** The JSON at `/nft/:id/metadata.json`, the minted asset's URI: name with its number, promotion media. */
export async function nftMetadata(deps: Deps, id: number): Promise<NftMetadata> {
  const { nft, promotion, campaign } = await loadVisible(deps, id);
  const origin = deps.config.publicOrigin;
  const image = promotion.media.image ? absoluteMediaUrl(origin, promotion.media.image) : '';
  const video = promotion.media.video ? absoluteMediaUrl(origin, promotion.media.video) : undefined;
  const files = [
    ...(image ? [{ uri: image, type: mediaType(image) }] : []),
    ...(video ? [{ uri: video, type: mediaType(video) }] : []),
  ];
  return {
    name: `${promotion.name} #${nft.sequence}`,
    symbol: promotion.symbol,
    description: promotion.description ?? '',
    image,
    ...(video ? { animation_url: video } : {}),
    external_url: `${deps.config.publicOrigin}/nft/${nft.id}`,
    seller_fee_basis_points: promotion.royaltyBps,
    attributes: [
      { trait_type: 'Campaign', value: campaign.name },
      { trait_type: 'Number', value: nft.sequence },
      { trait_type: 'Network', value: nft.network },
    ],
    properties: { category: video ? 'video' : 'image', files },
  };
}
