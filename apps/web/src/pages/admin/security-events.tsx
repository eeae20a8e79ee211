import { type TSecurityEventType, ZSecurityEventType } from '@puffy/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormField } from '../../components/ui/form-field';
import { trpc } from '../../lib/trpc';
import { AdminPage } from './admin-page';
import { EnumSelect } from './controls';
import { PagedTable, shortId, when } from './paged-table';

/** Failed verifications, replays, refresh-token reuse, sign-outs everywhere and role changes. */
export default function SecurityEventsPage() {
  const { t } = useTranslation('admin');
  const [type, setType] = useState<TSecurityEventType | ''>('');
  const events = trpc.admin.securityEvents.useInfiniteQuery(
    { type: type || undefined, limit: 20 },
    { getNextPageParam: (last) => last.nextCursor ?? undefined },
  );
  return (
    <AdminPage title={t('sections.security')} description={t('security.description')}>
      <FormField label={t('security.kind')} className="w-full sm:w-72">
        <EnumSelect
          id="event-type"
          value={type}
          values={ZSecurityEventType.options}
          words={(kind) => t(`security.kinds.${kind}`)}
          anyLabel={t('security.allKinds')}
          onChange={setType}
        />
      </FormField>
      <PagedTable
        caption={t('sections.security')}
        columns={[
          t('audit.when'),
          t('security.kind'),
          t('security.member'),
          t('security.request'),
          t('security.detail'),
        ]}
        query={events}
        empty={t('security.empty')}
        row={(e) => (
          <tr key={e.id}>
            <td className="whitespace-nowrap text-sm">{when(e.createdAt)}</td>
            <td className="text-sm">{t(`security.kinds.${e.type}`)}</td>
            <td className="font-mono text-xs">{shortId(e.userId)}</td>
            <td className="font-mono text-xs">
              {shortId(e.requestId)} {e.ip ?? ''}
            </td>
            <td className="font-mono text-xs [overflow-wrap:anywhere]">
              {Object.entries(e.detail)
                .map(([k, v]) => `${k}: ${String(v)}`)
                .join(', ')}
            </td>
          </tr>
        )}
      />
    </AdminPage>
  );
}
