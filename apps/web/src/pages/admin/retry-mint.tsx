import { RotateCw } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/auth-context';
import { ErrorMessage } from '../../components/error-message';
import { Button } from '../../components/ui/button';
import { toast } from '../../components/ui/toast-queue';
import { trpc } from '../../lib/trpc';

/**
 * Queues a failed mint again (admin.orders.retryMint, the orders scope). Shown beside an NFT whose mint
 * failed; the server refuses any other status, and a retry already waiting is said so, not doubled.
 */
export function RetryMintButton({ nftId, userId }: { nftId: number; userId: string }) {
  const { t } = useTranslation('admin');
  const { user } = useAuth();
  const utils = trpc.useUtils();
  const retry = trpc.admin.orders.retryMint.useMutation({
    onSuccess: (result) => {
      toast({ title: result.queued ? t('mints.queued') : t('mints.alreadyQueued'), variant: 'success' });
      void utils.admin.members.standing.invalidate({ userId });
    },
  });
  if (!user?.scopes.includes('orders')) return null;
  return (
    <span className="inline-flex flex-col gap-2">
      <Button size="sm" variant="outline" disabled={retry.isPending} onClick={() => retry.mutate({ nftId })}>
        <RotateCw aria-hidden="true" />
        {retry.isPending ? t('mints.retrying') : t('mints.retry')}
      </Button>
      {retry.error && <ErrorMessage error={retry.error} />}
    </span>
  );
}
