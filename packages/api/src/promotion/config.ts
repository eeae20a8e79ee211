import type { CoreMinted, CoreMintRequest, SolanaRpc } from '@puffy/chains';
import type { TNetwork } from '@puffy/contracts';

/** One SVM network the gas fee can be paid on (`sol` or `soon`): its RPC and its treasury. */
export interface SvmNetwork {
  rpc: SolanaRpc;
  /** Where gas fees go. */
  treasuryAddress: string;
  /** Explorer links: `${explorerBase}/address/<asset>`; a query suffix (cluster) may follow. */
  explorerBase: string;
  explorerQuery: string;
}

/** The minter's own request and answer: the chains package defines them once. */
export type MintAssetRequest = CoreMintRequest;
export type MintedAsset = CoreMinted;

/**
 * Creates Metaplex Core assets signed by the server's mint authority. Idempotent by `assetSeed`:
 * `findMinted` tells whether the asset already exists on the chain (and through which transaction).
 */
export interface AssetMinter {
  readonly authority: string;
  assetAddressFor(assetSeed: Uint8Array): string;
  findMinted(request: MintAssetRequest): Promise<MintedAsset | null>;
  mint(request: MintAssetRequest): Promise<MintedAsset>;
}

/** What the promotional NFT flow needs from the deployment (docs/product/claims.md). */
export interface PromotionConfig {
  networks: Partial<Record<'sol' | 'soon', SvmNetwork>>;
  /** How long a claim waits for its gas payment (NFT_PAYMENT_WINDOW_MINUTES). */
  paymentWindowSeconds: number;
  /** How long an accepted payment may take to finalize before it counts as dropped. */
  confirmationWindowSeconds: number;
  /** How often a payment that is not visible or not final yet is checked again. */
  recheckSeconds: number;
  minter: AssetMinter;
}

export const isSvmNetwork = (network: TNetwork): network is 'sol' | 'soon' =>
  network === 'sol' || network === 'soon';
