import { lockRows } from '@puffy/db';
import { eq } from 'drizzle-orm';
import type { Deps } from '../../deps';
import { type AuditActor, recordAudit } from '../../platform/audit';
import { Conflict, NotFound } from '../../platform/errors';
import { mintNftJob } from '../../promotion/jobs-definitions';
import { publishNftStatus } from '../../promotion/progress';

/**
 * Queues the promotion's own mint job again for a `mint_failed` NFT (the job is idempotent: the asset
 * derives from the NFT record, so a retry never mints twice). The job and the audit row are written in
 * one transaction. `queued` is false when a retry of this NFT is already waiting.
 */
export async function retryFailedMint(deps: Deps, actor: AuditActor, input: { nftId: number }) {
  const { nftId } = input;
  const n = deps.db.t.userNfts;
  const queued = await deps.db.withTransaction(async (tx) => {
    await lockRows(deps.db, tx, n, eq(n.id, nftId));
    const [nft] = await tx.select().from(n).where(eq(n.id, nftId)).limit(1);
    if (!nft) throw new NotFound('No NFT has this id.', 'nft_not_found');
    if (nft.status !== 'mint_failed')
      throw new Conflict(`Only a failed mint can be retried; this NFT is ${nft.status}.`, 'not_mint_failed');
    const jobId = await deps.jobs.queue.enqueue(
      mintNftJob,
      { nftId, retry: true },
      { tx, singletonKey: `mint:${nftId}` },
    );
    await recordAudit(deps, tx, actor, {
      action: 'nft.mint_retried',
      targetType: 'nft',
      targetId: String(nftId),
      before: { status: nft.status, failureReason: nft.failureReason, mintAttempts: nft.mintAttempts },
      after: { queued: jobId !== null },
    });
    return jobId !== null;
  });
  await publishNftStatus(deps, nftId);
  return { nftId, status: 'mint_failed' as const, queued };
}
