import type { TAdminPass, TAdminProduct } from '@puffy/contracts';
import { Gift, Smartphone } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/error-message';
import { SkeletonText } from '../../components/skeleton';
import { Badge } from '../../components/ui/badge';
import { Button } from '../../components/ui/button';
import { TableCell, TableRow } from '../../components/ui/table';
import { trpc } from '../../lib/trpc';
import { FieldTable } from './field-table';
import { StaticTable, when } from './paged-table';

type State = 'active' | 'revoked' | 'used';
const HOLDING_COLUMNS = ['item', 'source', 'granted', 'state'] as const;
const STATE_BADGE = { active: 'success', revoked: 'outline', used: 'secondary' } as const;

/** One row of the member's holdings: a product grant or a device pass, and how to take it back. */
interface Holding {
  id: string;
  name: string;
  source: string;
  createdAt: string;
  state: State;
  revoke: (reason: string) => void;
}

/** A member's product grants and device passes, with grant and revoke (each needs a reason). */
export default function MemberProducts({ userId }: { userId: string }) {
  const { t } = useTranslation('admin');
  const utils = trpc.useUtils();
  const listed = trpc.admin.products.ofMember.useQuery({ userId });
  const [form, setForm] = useState({ reason: '', sku: 'device-vape' });
  const refresh = () => {
    setForm((f) => ({ ...f, reason: '' }));
    void utils.admin.products.ofMember.invalidate({ userId });
    void utils.admin.members.standing.invalidate({ userId });
  };
  const grant = trpc.admin.products.grant.useMutation({ onSuccess: refresh });
  const revoke = trpc.admin.products.revoke.useMutation({ onSuccess: refresh });
  const grantPass = trpc.admin.products.grantPass.useMutation({ onSuccess: refresh });
  const revokePass = trpc.admin.products.revokePass.useMutation({ onSuccess: refresh });
  const error = grant.error ?? revoke.error ?? grantPass.error ?? revokePass.error;
  const why = form.reason.trim();
  const busy = grant.isPending || revoke.isPending || grantPass.isPending || revokePass.isPending;
  const holdings: Holding[] = listed.data
    ? [
        ...listed.data.products.map((p: TAdminProduct) => ({
          id: p.id,
          name: p.productSku,
          source: p.source,
          createdAt: p.createdAt,
          state: (p.revokedAt ? 'revoked' : p.consumedOrderId ? 'used' : 'active') as State,
          revoke: (reason: string) => revoke.mutate({ grantId: p.id, reason }),
        })),
        ...listed.data.passes.map((p: TAdminPass) => ({
          id: p.id,
          name: t('products.pass', { code: p.code }),
          source: p.source,
          createdAt: p.createdAt,
          state: p.status,
          revoke: (reason: string) => revokePass.mutate({ passId: p.id, reason }),
        })),
      ]
    : [];
  return (
    <section aria-label={t('products.caption')} className="flex min-w-0 flex-col gap-4">
      <h2 className="font-semibold text-lg">{t('products.title')}</h2>
      <FieldTable
        idPrefix="grant"
        rows={[
          { key: 'reason', label: t('products.reason'), description: t('products.reasonHint') },
          { key: 'sku', label: t('products.product') },
        ]}
        state={[form, setForm]}
      />
      <div className="flex flex-wrap gap-2">
        <Button
          disabled={why.length < 3 || busy}
          onClick={() => grant.mutate({ userId, productSku: form.sku.trim(), reason: why })}
        >
          <Gift aria-hidden="true" />
          {t('products.grant')}
        </Button>
        <Button
          variant="secondary"
          disabled={why.length < 3 || busy}
          onClick={() => grantPass.mutate({ userId, reason: why })}
        >
          <Smartphone aria-hidden="true" />
          {t('products.grantPass')}
        </Button>
      </div>
      {error && <ErrorMessage error={error} />}
      {listed.isPending && <SkeletonText lines={3} label={t('products.loading')} />}
      {listed.error && <ErrorMessage error={listed.error} onRetry={() => listed.refetch()} />}
      {listed.data &&
        (holdings.length === 0 ? (
          <p className="text-muted-foreground text-sm">{t('products.empty')}</p>
        ) : (
          <StaticTable
            caption={t('products.caption')}
            columns={[...HOLDING_COLUMNS.map((c) => t(`products.${c}`)), '']}
          >
            {holdings.map((h) => (
              <TableRow key={h.id}>
                <TableCell className="font-mono text-xs">{h.name}</TableCell>
                <TableCell>{h.source}</TableCell>
                <TableCell className="whitespace-nowrap">{when(h.createdAt)}</TableCell>
                <TableCell>
                  <Badge variant={STATE_BADGE[h.state]}>{t(`products.${h.state}`)}</Badge>
                </TableCell>
                <TableCell className="text-right">
                  {h.state === 'active' && (
                    <Button
                      size="sm"
                      variant="destructive"
                      disabled={why.length < 3 || busy}
                      onClick={() => h.revoke(why)}
                    >
                      {t('products.revokeNamed', { name: h.name })}
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </StaticTable>
        ))}
    </section>
  );
}
