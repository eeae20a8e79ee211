import type { RowSelectionState, SortingState } from '@tanstack/react-table';
import { Check, ExternalLink, X } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/error-message';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from '../../components/ui/dialog';
import { FormField } from '../../components/ui/form-field';
import { Textarea } from '../../components/ui/input';
import { toast } from '../../components/ui/toast-queue';
import { describeError } from '../../lib/errors';
import { chainName, formatDateTime, formatNumber } from '../../lib/format';
import { trpc } from '../../lib/trpc';
import { AdminListPage } from './admin-page';
import type { AdminOutputs } from './api-types';
import { RowAction } from './controls';
import { keepShown, useCursorPaging } from './data-table/cursor-paging';
import { type AdminColumn, titled, useAdminColumns } from './data-table/features';

type PendingReview = AdminOutputs['activities']['pending']['items'][number];

const shortAddress = (address: string) =>
  address.length > 12 ? `${address.slice(0, 4)}…${address.slice(-4)}` : address;

/**
 * The review queue: submissions held in `pending_review`, oldest first (docs/product/admin.md,
 * "Reviewing activities"). Approve or reject one, or many at once; a rejection asks for a reason.
 */
export default function ReviewsPage() {
  const { t } = useTranslation('admin');
  const paging = useCursorPaging();
  const [sorting, setSorting] = useState<SortingState>([{ id: 'submittedAt', desc: false }]);
  const [selected, setSelected] = useState<RowSelectionState>({});
  const [rejecting, setRejecting] = useState<string[] | null>(null);
  const order = sorting[0]?.desc ? 'newest' : 'oldest';
  const pending = trpc.admin.activities.pending.useQuery({ ...paging.page, order }, keepShown);
  const decide = useDecisions(() => setSelected({}));
  const columns = useReviewColumns({
    onApprove: (id) => void decide.run([id], { decision: 'approve' }),
    onReject: (id) => setRejecting([id]),
    busy: decide.busy,
  });

  return (
    <AdminListPage
      words="reviews"
      columns={columns}
      query={pending}
      paging={paging}
      getRowId={(row) => row.userActivityId}
      sorting={{ state: sorting, onChange: setSorting }}
      selection={{
        rowLabel: (row) =>
          t('reviews.selectRow', { activity: row.activityName, wallet: shortAddress(row.walletAddress) }),
        state: selected,
        onChange: setSelected,
        actions: (ids) => (
          <>
            <RowAction
              icon={Check}
              label={t('reviews.approveSelected')}
              disabled={decide.busy}
              onClick={() => void decide.run(ids, { decision: 'approve' })}
            />
            <RowAction
              icon={X}
              label={t('reviews.rejectSelected')}
              variant="destructive"
              disabled={decide.busy}
              onClick={() => setRejecting(ids)}
            />
          </>
        ),
      }}
    >
      {decide.error !== null && <ErrorMessage error={decide.error} />}
      <RejectDialog
        ids={rejecting}
        onClose={() => setRejecting(null)}
        onReject={async (reason) => {
          const ids = rejecting ?? [];
          const failure = await decide.run(ids, { decision: 'reject', reason });
          return failure;
        }}
      />
    </AdminListPage>
  );
}

/**
 * Decides one submission or many, one call each (each decision is its own audited change), and says
 * how it went. Returns the error of a single decision so a dialog can show it beside its field.
 */
function useDecisions(onDone: () => void) {
  const { t } = useTranslation('admin');
  const utils = trpc.useUtils();
  const review = trpc.admin.activities.review.useMutation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function run(
    ids: string[],
    decision: { decision: 'approve' } | { decision: 'reject'; reason: string },
  ): Promise<unknown> {
    setBusy(true);
    setError(null);
    let done = 0;
    let points = 0;
    let lastError: unknown = null;
    for (const userActivityId of ids) {
      try {
        const result = await review.mutateAsync({ userActivityId, ...decision });
        done += 1;
        points += result.pointsAwarded;
      } catch (e) {
        lastError = e;
      }
    }
    setBusy(false);
    await utils.admin.activities.pending.invalidate();
    if (ids.length === 1 && lastError) {
      const shown = describeError(lastError);
      if (shown.code === 'CONFLICT') toast({ title: t('reviews.alreadyDecided'), variant: 'info' });
      else if (decision.decision === 'approve') setError(lastError);
      return shown.code === 'CONFLICT' ? null : lastError;
    }
    onDone();
    if (ids.length > 1)
      toast({
        title: t('reviews.bulkDone', { done, failed: ids.length - done }),
        variant: done === ids.length ? 'success' : 'info',
      });
    else
      toast({
        title:
          decision.decision === 'approve'
            ? t('reviews.approved', { points: formatNumber(points) })
            : t('reviews.rejected'),
        variant: 'success',
      });
    return null;
  }
  return { run, busy, error };
}

function useReviewColumns(actions: {
  onApprove: (id: string) => void;
  onReject: (id: string) => void;
  busy: boolean;
}): AdminColumn<PendingReview>[] {
  const { onApprove, onReject, busy } = actions;
  return useAdminColumns<PendingReview>(
    (col, t) =>
      col.columns([
        col.accessor('walletAddress', {
          ...titled('member', t('reviews.member')),
          cell: ({ row }) => (
            <span className="flex flex-col">
              <span className="font-mono text-xs" title={row.original.walletAddress}>
                {shortAddress(row.original.walletAddress)}
              </span>
              <span className="text-muted-foreground text-xs">{chainName(row.original.chain)}</span>
            </span>
          ),
        }),
        col.accessor('activityName', {
          ...titled('activity', t('reviews.activity')),
          cell: ({ row }) => <span className="font-medium">{row.original.activityName}</span>,
        }),
        col.accessor('campaignName', {
          ...titled('campaign', t('reviews.campaign'), { hideOnPhone: true }),
          cell: ({ getValue }) =>
            getValue() ?? <span className="text-muted-foreground">{t('reviews.globalCampaign')}</span>,
        }),
        col.accessor('points', {
          ...titled('points', t('reviews.points'), { align: 'end', hideOnPhone: true }),
          cell: ({ getValue }) => <Badge variant="outline">{formatNumber(getValue())}</Badge>,
        }),
        col.accessor('proofUrl', {
          ...titled('proof', t('reviews.proof'), { hideOnPhone: true }),
          cell: ({ getValue }) => {
            const url = getValue();
            return url ? (
              <a
                href={url}
                target="_blank"
                rel="noopener noreferrer nofollow"
                className="inline-flex items-center gap-1 whitespace-nowrap text-primary underline-offset-4 hover:underline"
              >
                {t('reviews.openProof')}
                <ExternalLink aria-hidden="true" className="size-3.5" />
              </a>
            ) : (
              <span className="text-muted-foreground">{t('reviews.noProof')}</span>
            );
          },
        }),
        col.accessor('submittedAt', {
          id: 'submittedAt',
          header: t('reviews.submitted'),
          enableSorting: true,
          meta: { label: t('reviews.submitted'), hideOnPhone: true },
          cell: ({ getValue }) => <span className="whitespace-nowrap">{formatDateTime(getValue())}</span>,
        }),
        col.display({
          ...titled('actions', t('reviews.actions'), { alwaysShown: true }),
          cell: ({ row }) => (
            // Icons alone on a phone, so the decision fits beside the submission; the name stays for screen readers.
            <span className="flex gap-2">
              <RowAction
                icon={Check}
                label={t('reviews.approve')}
                disabled={busy}
                onClick={() => onApprove(row.original.userActivityId)}
              />
              <RowAction
                icon={X}
                label={t('reviews.reject')}
                variant="outline"
                disabled={busy}
                onClick={() => onReject(row.original.userActivityId)}
              />
            </span>
          ),
        }),
      ]),
    [onApprove, onReject, busy],
  );
}

function RejectDialog({
  ids,
  onClose,
  onReject,
}: {
  ids: string[] | null;
  onClose: () => void;
  onReject: (reason: string) => Promise<unknown>;
}) {
  const { t } = useTranslation('admin');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const shown = error ? describeError(error) : null;
  const fieldError = shown?.fieldErrors.reason?.join(' ');
  const close = () => {
    setReason('');
    setError(null);
    onClose();
  };
  return (
    <Dialog open={ids !== null} onOpenChange={(open) => !open && close()}>
      <DialogContent closeLabel={t('reviews.cancel')}>
        <form
          className="flex flex-col gap-4"
          onSubmit={async (e) => {
            e.preventDefault();
            setSending(true);
            const failure = await onReject(reason);
            setSending(false);
            if (failure) setError(failure);
            else close();
          }}
        >
          <DialogHeader>
            <DialogTitle>{t('reviews.rejectTitle', { count: ids?.length ?? 1 })}</DialogTitle>
            <DialogDescription>{t('reviews.rejectDescription')}</DialogDescription>
          </DialogHeader>
          <FormField label={t('reviews.reason')} description={t('reviews.reasonHint')} error={fieldError}>
            <Textarea
              value={reason}
              required
              minLength={3}
              maxLength={500}
              rows={3}
              onChange={(e) => setReason(e.target.value)}
            />
          </FormField>
          {error !== null && !fieldError && <ErrorMessage error={error} />}
          <DialogFooter>
            <Button variant="outline" onClick={close}>
              {t('reviews.cancel')}
            </Button>
            <Button type="submit" variant="destructive" disabled={sending}>
              {t('reviews.confirmReject')}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
