import type {
  TChallengeOutput,
  TLinkedWallet,
  TLinkWalletOutput,
  TSecurityEventType,
  TSignInProof,
} from '@puffy/contracts';
import { asc, desc, eq } from 'drizzle-orm';
import { attachProvenWallet, issueOwnershipChallenge, verifyWalletOwnership } from '../auth/wallet-ownership';
import type { Deps } from '../deps';
import { AppError, BadInput } from '../platform/errors';
import { recordSecurityEvent } from '../platform/security-events';
import type { RequestInfo } from '../trpc/context';

type WalletDeps = Pick<Deps, 'db' | 'store' | 'clock' | 'auth' | 'config' | 'logger'>;

/** A replayed challenge and a refused signature are security events, as at sign-in. */
function securityEventOf(error: unknown): TSecurityEventType | null {
  if (!(error instanceof AppError)) return null;
  if (error.options.reason === 'challenge_used') return 'challenge_replayed';
  return error.code === 'FORBIDDEN' ? 'verify_failed' : null;
}
type LinkableChain = 'evm' | 'ton';

/** Binds a link challenge to the member who asked: another member cannot spend it. */
const linkPurpose = (userId: string) => `link_wallet:${userId}`;

export function issueLinkChallenge(
  deps: WalletDeps,
  userId: string,
  input: { chain: LinkableChain; address?: string; chainId?: number },
): Promise<TChallengeOutput> {
  return issueOwnershipChallenge(deps, { ...input, purpose: linkPurpose(userId) });
}

/**
 * Adds a wallet the member proved they control. The unique key on user_wallets(chain, address)
 * decides between concurrent links; a wallet that belongs to another member (as their first wallet or
 * an extra one) is refused, never moved or merged.
 */
export async function linkWallet(
  deps: WalletDeps,
  userId: string,
  chain: LinkableChain,
  input: { challengeId: string; proof: TSignInProof },
  req: Pick<RequestInfo, 'requestId' | 'ip'>,
): Promise<TLinkWalletOutput> {
  if (input.proof.chain !== chain) {
    throw new BadInput(
      `This links a ${chain} wallet; the proof is for ${input.proof.chain}.`,
      {
        proof: [`Expected a ${chain} proof`],
      },
      'proof_chain_mismatch',
      { chain, proofChain: input.proof.chain },
    );
  }
  const wallet = await verifyWalletOwnership(deps, { ...input, purpose: linkPurpose(userId) }).catch(
    async (error: unknown) => {
      const type = securityEventOf(error);
      if (type)
        await recordSecurityEvent(deps, req, { type, userId, detail: { chain, purpose: 'link_wallet' } });
      throw error;
    },
  );
  await attachProvenWallet(
    deps,
    userId,
    wallet,
    'This wallet already belongs to another member. Sign in with it to use that account; a wallet cannot be moved between accounts.',
  );
  const wallets = await listWallets(deps, userId);
  const linked = wallets.find((w) => w.chain === wallet.chain && w.address === wallet.address);
  if (!linked) throw new Error(`wallet ${wallet.chain}:${wallet.address} vanished after linking`);
  return { wallet: linked, wallets };
}

export async function listWallets(deps: Pick<Deps, 'db'>, userId: string): Promise<TLinkedWallet[]> {
  const { db, t } = deps.db;
  const rows = await db
    .select()
    .from(t.userWallets)
    .where(eq(t.userWallets.userId, userId))
    .orderBy(desc(t.userWallets.isPrimary), asc(t.userWallets.createdAt), asc(t.userWallets.id))
    // Wallets are few per member; the bound keeps a pathological account from growing a response.
    .limit(100);
  return rows.map((row) => ({
    chain: row.chain,
    address: row.address,
    addressHex: row.addressHex,
    isPrimary: row.isPrimary,
    linkedAt: row.createdAt.toISOString(),
  }));
}
