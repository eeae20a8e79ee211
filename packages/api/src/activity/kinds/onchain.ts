import { type SolanaRpc, SolanaRpcError, toPaymentTransaction, UpstreamError } from '@puffy/chains';
import { type TOnchainParameter, type TTaskInput, type TTaskView, ZOnchainParameter } from '@puffy/contracts';
import { and, eq } from 'drizzle-orm';
import type { Deps } from '../../deps';
import { PreconditionFailed, UpstreamUnavailable } from '../../platform/errors';
import { taskActivity } from './task-activity';

/*
 * "On-chain action" (docs/product/tasks.md): a confirmed, successful transaction signed by one of the
 * member's Solana wallets that calls the named program at the top level, inside the campaign window,
 * optionally spending at least a number of lamports. Found through the RPC alone, with no indexer:
 * each wallet's newest signatures (getSignaturesForAddress, a few pages back to the window's start),
 * then getTransaction for the ones in the window, up to a fixed number per check.
 */

/** Signatures asked per page, pages per wallet, and transactions read per check. */
export const ONCHAIN_LIMITS = { pageSize: 100, pages: 3, transactions: 40 } as const;

interface Window {
  startAt: Date | null;
  endAt: Date | null;
}

export interface OnchainEvidence {
  network: 'sol';
  wallet: string;
  signature: string;
  slot: number;
  blockTime: string;
  programId: string;
  spentLamports: string;
}

export const loadOnchainTask = (deps: Pick<Deps, 'db'>, ids: TTaskInput) =>
  taskActivity(deps, ids, 'onchain_tx', ZOnchainParameter);

export async function onchainView(
  deps: Pick<Deps, 'db'>,
  input: TTaskInput,
  window: Window,
): Promise<TTaskView> {
  const { task } = await loadOnchainTask(deps, input);
  return {
    kind: 'onchain_tx',
    network: task.network,
    programId: task.programId,
    minLamports: task.minLamports ?? null,
    startAt: window.startAt?.toISOString() ?? null,
    endAt: window.endAt?.toISOString() ?? null,
  };
}

async function solanaWallets(deps: Pick<Deps, 'db'>, userId: string): Promise<string[]> {
  const { db, t } = deps.db;
  const rows = await db
    .select({ address: t.userWallets.address })
    .from(t.userWallets)
    .where(and(eq(t.userWallets.userId, userId), eq(t.userWallets.chain, 'sol')));
  return rows.map((r) => r.address);
}

/** Signatures of the wallet's successful transactions inside the window, newest first. */
async function signaturesInWindow(rpc: SolanaRpc, wallet: string, from: Date | null, to: Date) {
  const found: string[] = [];
  let before: string | undefined;
  for (let page = 0; page < ONCHAIN_LIMITS.pages; page++) {
    const infos = await rpc.getSignaturesForAddress(wallet, {
      limit: ONCHAIN_LIMITS.pageSize,
      commitment: 'confirmed',
      ...(before ? { before } : {}),
    });
    for (const info of infos) {
      const at = typeof info.blockTime === 'number' ? new Date(info.blockTime * 1000) : null;
      if (!at || info.err !== null) continue;
      if (from && at < from) return found;
      if (at <= to) found.push(info.signature);
    }
    if (infos.length < ONCHAIN_LIMITS.pageSize) return found;
    before = infos.at(-1)?.signature;
  }
  return found;
}

/** Whether the transaction is the one the task asks for, and what it shows if so. */
async function matching(
  rpc: SolanaRpc,
  signature: string,
  wallet: string,
  task: TOnchainParameter,
): Promise<OnchainEvidence | null> {
  const wire = await rpc.getTransaction(signature, { commitment: 'confirmed', encoding: 'json' });
  const tx = wire ? toPaymentTransaction(wire, 'confirmed') : null;
  if (!tx || tx.err !== null || !tx.blockTime) return null;
  const index = tx.accountKeys.findIndex((k) => k.address === wallet && k.signer);
  if (index < 0) return null;
  if (!tx.instructions.some((ix) => ix.programId === task.programId)) return null;
  const spent = (tx.preBalances[index] ?? 0n) - (tx.postBalances[index] ?? 0n);
  if (task.minLamports && spent < BigInt(task.minLamports)) return null;
  return {
    network: 'sol',
    wallet,
    signature,
    slot: tx.slot,
    blockTime: tx.blockTime.toISOString(),
    programId: task.programId,
    spentLamports: spent.toString(),
  };
}

/**
 * Looks for the task's transaction among the member's Solana wallets. Null when there is none in
 * reach; the RPC not answering is an UpstreamUnavailable (the member tries again), never a "no".
 */
export async function findOnchainAction(
  deps: Pick<Deps, 'db' | 'clock' | 'promotion'>,
  userId: string,
  task: TOnchainParameter,
  window: Window,
): Promise<OnchainEvidence | null> {
  const rpc = deps.promotion.networks.sol?.rpc;
  if (!rpc)
    throw new PreconditionFailed('On-chain tasks cannot be checked on this deployment.', 'chain_unavailable');
  const wallets = await solanaWallets(deps, userId);
  if (wallets.length === 0)
    throw new PreconditionFailed('Link a Solana wallet to complete this task.', 'no_solana_wallet');
  const now = deps.clock.now();
  const to = window.endAt && window.endAt < now ? window.endAt : now;
  let budget: number = ONCHAIN_LIMITS.transactions;
  try {
    for (const wallet of wallets) {
      for (const signature of await signaturesInWindow(rpc, wallet, window.startAt, to)) {
        if (budget-- <= 0) return null;
        const evidence = await matching(rpc, signature, wallet, task);
        if (evidence) return evidence;
      }
    }
  } catch (error) {
    if (error instanceof UpstreamError || error instanceof SolanaRpcError)
      throw new UpstreamUnavailable('The Solana network is not answering. Try again in a moment.');
    throw error;
  }
  return null;
}

/** `activity.complete` of an on-chain task: the evidence of the transaction, or why there is none. */
export async function onchainProof(
  deps: Pick<Deps, 'db' | 'clock' | 'promotion'>,
  userId: string,
  ids: TTaskInput,
  window: Window,
): Promise<Record<string, unknown>> {
  const { task } = await loadOnchainTask(deps, ids);
  const evidence = await findOnchainAction(deps, userId, task, window);
  if (!evidence)
    throw new PreconditionFailed(
      task.minLamports
        ? 'We found no transaction from your Solana wallets to this program spending enough SOL since the campaign started. Send it, wait for it to confirm, then check again.'
        : 'We found no transaction from your Solana wallets to this program since the campaign started. Send it, wait for it to confirm, then check again.',
      'onchain_not_found',
    );
  return { onchain: evidence, checkedAt: deps.clock.now().toISOString() };
}
