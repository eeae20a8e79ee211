import { lazy, Suspense, useState } from 'react';
import { ErrorMessage } from '../../components/error-message';
import { SkeletonText } from '../../components/skeleton';
import { Card, CardContent, CardDescription, CardHeader } from '../../components/ui/card';
import { FormField } from '../../components/ui/form-field';
import { Input } from '../../components/ui/input';
import { useDocumentTitle } from '../../lib/document-title';
import { formatNumber } from '../../lib/format';
import { trpc } from '../../lib/trpc';

// Recharts is large: its own chunk, fetched only when an operator opens the funnel.
const FunnelChart = lazy(() => import('./funnel-chart'));

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
  const bars = (funnel.data?.steps ?? []).map((s) => ({ label: LABELS[s.name] ?? s.name, count: s.count }));
  return (
    <Card>
      <CardHeader>
        <h1 className="font-semibold text-2xl">Funnel</h1>
        <CardDescription>
          Visits and wallet connections count browser sessions; the later steps count members.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-3">
          <FormField label="From">
            <Input
              id="funnel-from"
              type="date"
              value={from}
              max={to}
              onChange={(e) => setFrom(e.target.value)}
            />
          </FormField>
          <FormField label="To">
            <Input id="funnel-to" type="date" value={to} min={from} onChange={(e) => setTo(e.target.value)} />
          </FormField>
          <FormField
            label="Campaign id"
            className="col-span-2 sm:col-span-1"
            error={campaign !== '' && campaignId === undefined ? 'A campaign id is a number.' : undefined}
          >
            <Input
              id="funnel-campaign"
              inputMode="numeric"
              placeholder="all"
              value={campaign}
              onChange={(e) => setCampaign(e.target.value.trim())}
            />
          </FormField>
        </div>
        {from > to && (
          <p className="font-medium text-destructive text-sm" role="alert">
            The start date must not be after the end date.
          </p>
        )}
        {funnel.isPending && from <= to ? (
          <SkeletonText lines={7} label="Loading the funnel" />
        ) : funnel.error ? (
          <ErrorMessage error={funnel.error} onRetry={() => funnel.refetch()} />
        ) : (
          <div className="grid min-w-0 gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
            <Suspense fallback={<div className="h-72" />}>
              <FunnelChart bars={bars} />
            </Suspense>
            <ol className="flex flex-col gap-2 text-sm">
              {funnel.data?.steps.map((step) => (
                <li
                  key={step.name}
                  className="flex flex-wrap items-baseline justify-between gap-x-3 border-b pb-2"
                >
                  <span>{LABELS[step.name] ?? step.name}</span>
                  <span className="font-medium tabular-nums">
                    {formatNumber(step.count)}
                    {step.conversion !== null && (
                      <span className="font-normal text-muted-foreground text-xs">
                        {' '}
                        ({Math.round(step.conversion * 1000) / 10}% of the step before)
                      </span>
                    )}
                  </span>
                </li>
              ))}
            </ol>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
