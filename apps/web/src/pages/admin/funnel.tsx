import { useState } from 'react';
import { ErrorMessage } from '../../components/error-message';
import { SkeletonText } from '../../components/skeleton';
import { useDocumentTitle } from '../../lib/document-title';
import { formatNumber } from '../../lib/format';
import { trpc } from '../../lib/trpc';

const DAY_MS = 24 * 60 * 60 * 1000;
const LABELS: Record<string, string> = {
  visit: 'Visited',
  connect: 'Connected a wallet',
  sign_in: 'Signed in',
  eligible: 'Eligible',
  claimed: 'Claimed the NFT',
  minted: 'NFT minted',
  ordered: 'Ordered',
};

const dayStart = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** visit → connect → sign-in → eligible → claimed → minted → ordered, for a range and a campaign. */
export default function FunnelPage() {
  useDocumentTitle('Funnel · Admin');
  const today = dayStart(new Date());
  const [from, setFrom] = useState(isoDay(new Date(today.getTime() - 6 * DAY_MS)));
  const [to, setTo] = useState(isoDay(today));
  const [campaign, setCampaign] = useState('');
  const campaignId = /^\d+$/.test(campaign) ? Number(campaign) : undefined;
  const range = {
    from: new Date(`${from}T00:00:00.000Z`).toISOString(),
    to: new Date(new Date(`${to}T00:00:00.000Z`).getTime() + DAY_MS).toISOString(),
  };
  const funnel = trpc.admin.funnel.useQuery({ ...range, campaignId }, { enabled: from <= to });
  const top = Math.max(1, ...(funnel.data?.steps.map((s) => s.count) ?? [1]));
  return (
    <section className="card">
      <h1>Funnel</h1>
      <div className="inline-form">
        <label htmlFor="funnel-from">From</label>
        <input id="funnel-from" type="date" value={from} max={to} onChange={(e) => setFrom(e.target.value)} />
        <label htmlFor="funnel-to">To</label>
        <input id="funnel-to" type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} />
        <label htmlFor="funnel-campaign">Campaign id</label>
        <input
          id="funnel-campaign"
          inputMode="numeric"
          placeholder="all"
          value={campaign}
          aria-invalid={campaign !== '' && campaignId === undefined}
          onChange={(e) => setCampaign(e.target.value.trim())}
        />
      </div>
      {from > to && <p className="notice-error">The start date must not be after the end date.</p>}
      {campaign !== '' && campaignId === undefined && (
        <p className="notice-error">A campaign id is a number.</p>
      )}
      {funnel.isPending && from <= to ? (
        <SkeletonText lines={7} label="Loading the funnel" />
      ) : funnel.error ? (
        <ErrorMessage error={funnel.error} onRetry={() => funnel.refetch()} />
      ) : (
        <ol className="funnel">
          {funnel.data?.steps.map((step) => (
            <li key={step.name}>
              <span className="funnel-label">{LABELS[step.name] ?? step.name}</span>
              <span
                className="funnel-bar"
                style={{ width: `${(step.count / top) * 100}%` }}
                aria-hidden="true"
              />
              <span className="funnel-count">
                {formatNumber(step.count)}
                {step.conversion !== null && (
                  <span className="muted small">
                    {' '}
                    ({Math.round(step.conversion * 1000) / 10}% of the step before)
                  </span>
                )}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
