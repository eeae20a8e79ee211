import type { TSystemVersion } from '@puffy/contracts';
import { trpc } from '../lib/trpc';
import { ErrorMessage } from './error-message';
import { SkeletonText } from './skeleton';

// Typed by the contract's enums, so a new database or store fails to compile until it has a label.
const DATABASE_LABEL: Record<TSystemVersion['database'], string> = {
  sqlite: 'SQLite',
  postgres: 'PostgreSQL',
};
const STORE_LABEL: Record<TSystemVersion['store'], string> = { memory: 'In-process', redis: 'Redis' };

/** Proves the whole path (SPA → /trpc → server → database and store) on the first screen. */
export function SystemStatus() {
  const version = trpc.system.version.useQuery();
  return (
    <section className="card" aria-labelledby="system-status-title">
      <h2 id="system-status-title">System status</h2>
      {version.isPending && <SkeletonText lines={3} label="Loading system status" />}
      {version.isError && <ErrorMessage error={version.error} onRetry={() => void version.refetch()} />}
      {version.data && (
        <dl className="facts">
          <dt>Version</dt>
          <dd data-testid="version">{version.data.version}</dd>
          <dt>Database</dt>
          <dd data-testid="database">{DATABASE_LABEL[version.data.database]}</dd>
          <dt>Store</dt>
          <dd data-testid="store">{STORE_LABEL[version.data.store]}</dd>
          <dt>Environment</dt>
          <dd>{version.data.environment}</dd>
        </dl>
      )}
    </section>
  );
}
