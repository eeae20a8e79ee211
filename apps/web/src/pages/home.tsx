import { Link } from 'react-router-dom';
import { ErrorMessage } from '../components/error-message';
import { SkeletonText } from '../components/skeleton';
import { trpc } from '../lib/trpc';

function SystemStatus() {
  const version = trpc.system.version.useQuery();
  return (
    <section className="card" aria-labelledby="status-title">
      <h2 id="status-title">System status</h2>
      {version.isPending && <SkeletonText lines={3} />}
      {version.isError && <ErrorMessage error={version.error} onRetry={() => version.refetch()} />}
      {version.data && (
        <dl className="facts">
          <dt>Version</dt>
          <dd data-testid="version">{version.data.version}</dd>
          <dt>Database</dt>
          <dd>{version.data.database}</dd>
          <dt>Store</dt>
          <dd>{version.data.store}</dd>
          <dt>Environment</dt>
          <dd>{version.data.environment}</dd>
        </dl>
      )}
    </section>
  );
}

export default function HomePage() {
  return (
    <>
      <section className="hero">
        <h1>Earn with Puffy</h1>
        <p>
          Connect a Solana, TON or EVM wallet, check which campaigns you are eligible for, complete activities
          for points, claim your NFT and get your device.
        </p>
        <Link className="button" to="/campaigns">
          See campaigns
        </Link>
      </section>
      <SystemStatus />
    </>
  );
}
