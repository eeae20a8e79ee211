import type { TSystemVersion } from '@puffy/contracts';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { setReportedDevChainUrl } from '../lib/dev-chain';
import { trpc } from '../lib/trpc';
import { BrandMark } from './brand-mark';
import { SkeletonBlock } from './ui/skeleton';

// Typed by the contract's enums, so a new database or store fails to compile until it has a label.
const DATABASE_LABEL: Record<TSystemVersion['database'], string> = {
  sqlite: 'SQLite',
  postgres: 'PostgreSQL',
};
const STORE_LABEL: Record<TSystemVersion['store'], string> = { memory: 'In-process', redis: 'Redis' };

/**
 * The version and, folded away for operators and support, what the server runs on. It proves the
 * whole path (SPA → /trpc → server → database and store) without putting a developer card on the
 * member's first screen.
 */
function SystemDetails() {
  const { t } = useTranslation();
  const version = trpc.system.version.useQuery(undefined, { staleTime: 5 * 60_000 });
  const devChainUrl = version.data?.devChainUrl ?? null;
  useEffect(() => setReportedDevChainUrl(devChainUrl), [devChainUrl]);
  if (version.isPending) {
    return (
      <span role="status" aria-busy="true" className="inline-flex">
        <span className="sr-only">{t('loading')}</span>
        <SkeletonBlock className="h-4 w-20" />
      </span>
    );
  }
  if (!version.data) return <span>{t('footer.versionUnavailable')}</span>;
  return (
    <details className="group text-right">
      <summary className="cursor-pointer list-none hover:text-foreground">
        <span data-testid="footer-version">v{version.data.version}</span>
        <span className="sr-only"> {t('footer.system')}</span>
      </summary>
      <dl className="mt-2 grid grid-cols-[auto_auto] justify-end gap-x-3 gap-y-0.5 text-xs">
        <dt>{t('footer.database')}</dt>
        <dd data-testid="database">{DATABASE_LABEL[version.data.database]}</dd>
        <dt>{t('footer.store')}</dt>
        <dd data-testid="store">{STORE_LABEL[version.data.store]}</dd>
        <dt>{t('footer.environment')}</dt>
        <dd>{version.data.environment}</dd>
      </dl>
    </details>
  );
}

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="border-t text-muted-foreground text-sm">
      <div className="mx-auto flex max-w-content flex-wrap items-start justify-between gap-4 px-4 py-6 sm:px-6">
        <div className="flex items-center gap-2">
          <BrandMark size={20} />
          <span>
            <span className="font-medium text-foreground">{t('brand')}</span> · {t('footer.tagline')}
          </span>
        </div>
        <SystemDetails />
      </div>
    </footer>
  );
}
