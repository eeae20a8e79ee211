import { useState } from 'react';
import { ErrorMessage } from '../../components/error-message';
import { SkeletonText } from '../../components/skeleton';
import { Button } from '../../components/ui/button';
import { FormField } from '../../components/ui/form-field';
import { Input } from '../../components/ui/input';
import { trpc } from '../../lib/trpc';
import { when } from './paged-table';

/** A member's product grants and device passes, with grant and revoke (each needs a reason). */
export default function MemberProducts({ userId }: { userId: string }) {
  const utils = trpc.useUtils();
  const listed = trpc.admin.products.ofMember.useQuery({ userId });
  const [sku, setSku] = useState('device-vape');
  const [reason, setReason] = useState('');
  const refresh = () => {
    setReason('');
    void utils.admin.products.ofMember.invalidate({ userId });
    void utils.admin.members.standing.invalidate({ userId });
  };
  const grant = trpc.admin.products.grant.useMutation({ onSuccess: refresh });
  const revoke = trpc.admin.products.revoke.useMutation({ onSuccess: refresh });
  const grantPass = trpc.admin.products.grantPass.useMutation({ onSuccess: refresh });
  const revokePass = trpc.admin.products.revokePass.useMutation({ onSuccess: refresh });
  const error = grant.error ?? revoke.error ?? grantPass.error ?? revokePass.error;
  const why = reason.trim();
  return (
    <section aria-label="Products and passes" className="flex min-w-0 flex-col gap-3">
      <h2 className="font-semibold text-lg">Products and device passes</h2>
      <div className="flex flex-wrap items-end gap-3">
        <FormField label="Reason" className="w-full sm:w-64">
          <Input
            id="grant-reason"
            value={reason}
            maxLength={500}
            onChange={(e) => setReason(e.target.value)}
          />
        </FormField>
        <FormField label="Product" className="w-full sm:w-48">
          <Input id="grant-sku" value={sku} maxLength={64} onChange={(e) => setSku(e.target.value)} />
        </FormField>
        <Button
          disabled={why.length < 3 || grant.isPending}
          onClick={() => grant.mutate({ userId, productSku: sku.trim(), reason: why })}
        >
          Grant product
        </Button>
        <Button
          variant="secondary"
          disabled={why.length < 3 || grantPass.isPending}
          onClick={() => grantPass.mutate({ userId, reason: why })}
        >
          Grant device pass
        </Button>
      </div>
      {error && <ErrorMessage error={error} />}
      {listed.isPending && <SkeletonText lines={3} label="Loading products" />}
      {listed.error && <ErrorMessage error={listed.error} onRetry={() => listed.refetch()} />}
      {listed.data && (
        <ul className="small">
          {listed.data.products.map((p) => (
            <li key={p.id}>
              {p.productSku} ({p.source}, {when(p.createdAt)})
              {p.revokedAt ? ' · revoked' : p.consumedOrderId ? ' · used on an order' : ''}
              {!p.revokedAt && !p.consumedOrderId && (
                <button
                  type="button"
                  className="button button-danger"
                  disabled={why.length < 3 || revoke.isPending}
                  onClick={() => revoke.mutate({ grantId: p.id, reason: why })}
                >
                  Revoke {p.productSku}
                </button>
              )}
            </li>
          ))}
          {listed.data.passes.map((p) => (
            <li key={p.id}>
              <span className="mono">{p.code}</span> ({p.status}, {p.source})
              {p.status === 'active' && (
                <button
                  type="button"
                  className="button button-danger"
                  disabled={why.length < 3 || revokePass.isPending}
                  onClick={() => revokePass.mutate({ passId: p.id, reason: why })}
                >
                  Revoke pass
                </button>
              )}
            </li>
          ))}
          {listed.data.products.length + listed.data.passes.length === 0 && <li>No products or passes.</li>}
        </ul>
      )}
    </section>
  );
}
