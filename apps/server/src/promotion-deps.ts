import type { PromotionConfig, SvmNetwork } from '@puffy/api';
import {
  createCoreMinter,
  createSolanaRpc,
  generateMintAuthority,
  parseMintAuthorityKey,
  type SolanaRpc,
} from '@puffy/chains';
import type { LocalSolanaChain } from '@puffy/chains/local-chain';
import type { AppConfig } from './config';

const SOLANA_EXPLORER = 'https://explorer.solana.com';
const SOON_EXPLORER = 'https://explorer.soo.network';

function explorerQuery(config: AppConfig, rpcUrl: string, local: boolean): string {
  if (local) return `?cluster=custom&customUrl=${encodeURIComponent(rpcUrl)}`;
  const cluster = config.auth.solanaCluster;
  return cluster === 'mainnet' ? '' : `?cluster=${cluster}`;
}

/** Gas-fee networks, windows and the Core minter, from the configuration (docs/product/claims.md). */
export function createPromotionDeps(config: AppConfig, local: LocalSolanaChain | null): PromotionConfig {
  const solanaUrl = local?.url ?? config.holdings.solanaRpcUrl ?? 'https://api.mainnet-beta.solana.com';
  const rpcs: Partial<Record<'sol' | 'soon', SolanaRpc>> = {
    sol: createSolanaRpc({ url: solanaUrl, service: 'sol' }),
  };
  const networks: Partial<Record<'sol' | 'soon', SvmNetwork>> = {
    sol: {
      rpc: rpcs.sol as SolanaRpc,
      treasuryAddress: config.promotion.solanaTreasuryAddress,
      explorerBase: SOLANA_EXPLORER,
      explorerQuery: explorerQuery(config, solanaUrl, local !== null),
    },
  };
  if (config.holdings.soonRpcUrl && config.promotion.soonTreasuryAddress) {
    rpcs.soon = createSolanaRpc({ url: config.holdings.soonRpcUrl, service: 'soon' });
    networks.soon = {
      rpc: rpcs.soon,
      treasuryAddress: config.promotion.soonTreasuryAddress,
      explorerBase: SOON_EXPLORER,
      explorerQuery: '',
    };
  }
  const key = config.promotion.mintAuthorityKey;
  // Production refuses to start without a key (config); elsewhere a key per start is enough.
  const authority = key ? parseMintAuthorityKey(key) : generateMintAuthority();
  if (local) local.airdrop(authority.publicKey.toBase58(), 100_000_000_000n);
  return {
    networks,
    paymentWindowSeconds: config.promotion.paymentWindowSeconds,
    confirmationWindowSeconds: config.promotion.confirmationWindowSeconds,
    recheckSeconds: config.promotion.recheckSeconds,
    minter: createCoreMinter({ authority, rpcs }),
  };
}
