import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { Badge } from '../../components/ui/badge';
import { Checkbox } from '../../components/ui/checkbox';
import { FormField } from '../../components/ui/form-field';
import { Input } from '../../components/ui/input';
import { Label } from '../../components/ui/label';
import { formatNumber, formatSolAmount, networkName } from '../../lib/format';
import { trpc } from '../../lib/trpc';
import { AdminListPage } from './admin-page';
import type { AdminOutputs } from './api-types';
import { STATE_BADGE, stateOf } from './campaign-state';
import { CreateButton } from './controls';
import { keepShown, useCursorPaging } from './data-table/cursor-paging';
import { type AdminColumn, titled, useAdminColumns } from './data-table/features';

type Campaign = AdminOutputs['campaigns']['list']['items'][number];

/** Every campaign an operator can build on, newest first; archived ones behind a switch. */
export default function CampaignListPage() {
  const { t } = useTranslation('admin');
  const paging = useCursorPaging();
  const [archived, setArchived] = useState(false);
  const [query, setQuery] = useState('');
  const list = trpc.admin.campaigns.list.useQuery(
    { archived, query: query.trim() || undefined, ...paging.page },
    keepShown,
  );
  const columns = useCampaignColumns();
  return (
    <AdminListPage
      words="campaignList"
      action={<CreateButton to="/admin/campaigns/new">{t('campaignList.new')}</CreateButton>}
      columns={columns}
      query={list}
      paging={paging}
      getRowId={(row) => String(row.id)}
      toolbar={
        <>
          <FormField label={t('campaignList.search')} className="w-full sm:w-72">
            <Input
              type="search"
              value={query}
              maxLength={120}
              onChange={(e) => {
                setQuery(e.target.value);
                paging.reset();
              }}
            />
          </FormField>
          <div className="flex h-10 items-center gap-2">
            <Checkbox
              id="campaigns-archived"
              checked={archived}
              onCheckedChange={(value) => {
                setArchived(value === true);
                paging.reset();
              }}
            />
            <Label htmlFor="campaigns-archived">{t('campaignList.archived')}</Label>
          </div>
        </>
      }
    />
  );
}

function useCampaignColumns(): AdminColumn<Campaign>[] {
  return useAdminColumns<Campaign>((col, t) =>
    col.columns([
      col.accessor('name', {
        ...titled('name', t('campaignList.name'), { alwaysShown: true }),
        cell: ({ row }) => (
          <Link className="font-medium text-primary" to={`/admin/campaigns/${row.original.id}`}>
            {row.original.name}
          </Link>
        ),
      }),
      col.accessor('network', {
        ...titled('network', t('campaignList.network'), { hideOnPhone: true }),
        cell: ({ getValue }) => networkName(getValue()),
      }),
      col.display({
        ...titled('state', t('campaignList.state')),
        cell: ({ row }) => {
          const state = stateOf(row.original);
          return <Badge variant={STATE_BADGE[state]}>{t(`campaignList.states.${state}`)}</Badge>;
        },
      }),
      col.accessor('eligibleCount', {
        ...titled('eligible', t('campaignList.eligible'), { align: 'end', hideOnPhone: true }),
        cell: ({ row }) =>
          row.original.limit !== null
            ? `${formatNumber(row.original.eligibleCount)} / ${formatNumber(row.original.limit)}`
            : formatNumber(row.original.eligibleCount),
      }),
      col.accessor('nftGasFeeSol', {
        ...titled('gasFee', t('campaignList.gasFee'), { align: 'end', hideOnPhone: true }),
        cell: ({ getValue }) => <span className="whitespace-nowrap">{formatSolAmount(getValue())}</span>,
      }),
    ]),
  );
}
