import { type TNetwork, type TSnapshotProgress, ZNetwork } from '@puffy/contracts';
import { FileUp } from 'lucide-react';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ErrorDetails, ErrorMessage } from '../../components/error-message';
import { Alert, AlertDescription, AlertTitle } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '../../components/ui/card';
import { FormField } from '../../components/ui/form-field';
import { Input } from '../../components/ui/input';
import { Progress } from '../../components/ui/progress';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '../../components/ui/table';
import { cn } from '../../lib/cn';
import { useDocumentTitle } from '../../lib/document-title';
import { formatDateTime, formatNumber } from '../../lib/format';
import { trpc } from '../../lib/trpc';
import { EnumSelect } from './controls';
import type { ImportSample } from './snapshot-chart';
import { fileSha256, SnapshotUploadError, sendSnapshotFile } from './snapshot-send';

// Recharts is large: its own chunk, fetched only once an import gives its first reading.
const SnapshotChart = lazy(() => import('./snapshot-chart'));

/** The readings a running import gives (a poll a second, then its final answer), one per second. */
function useImportSamples(started: number | null, reading: TSnapshotProgress | null) {
  const [samples, setSamples] = useState<ImportSample[]>([]);
  useEffect(() => {
    if (started === null) return;
    setSamples([]);
  }, [started]);
  useEffect(() => {
    if (started === null || !reading) return;
    const second = Math.max(0, Math.round((Date.now() - started) / 1000));
    const sample = { second, accepted: reading.rowsAccepted, rejected: reading.rowsRejected };
    setSamples((previous) => [...previous.filter((s) => s.second !== second), sample]);
  }, [started, reading]);
  return samples;
}

/** `campaigns/:id/snapshot`: upload a holder CSV and watch it import; earlier versions below. */
export default function SnapshotUploadPage() {
  const { t } = useTranslation('admin');
  useDocumentTitle(`${t('snapshot.title')} · ${t('title')}`);
  const campaignId = Number(useParams().id);
  const [network, setNetwork] = useState<TNetwork>('sol');
  const [file, setFile] = useState<File | null>(null);
  const [running, setRunning] = useState(false);
  const [started, setStarted] = useState<number | null>(null);
  const [snapshotId, setSnapshotId] = useState<string | null>(null);
  const [bytes, setBytes] = useState({ sent: 0, total: 1 });
  const [result, setResult] = useState<TSnapshotProgress | null>(null);
  const [reused, setReused] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const begin = trpc.admin.snapshots.begin.useMutation();
  const utils = trpc.useUtils();
  const live = trpc.campaign.snapshot.progress.useQuery(
    { snapshotId: snapshotId ?? '' },
    { enabled: running && snapshotId !== null, refetchInterval: 1000 },
  );
  const shown = result ?? (running ? live.data : null) ?? null;
  const samples = useImportSamples(started, shown);

  async function start() {
    if (!file) return;
    setFailure(null);
    setResult(null);
    setReused(false);
    setRunning(true);
    try {
      const begun = await begin.mutateAsync({
        campaignId,
        network,
        fileSha256: await fileSha256(file),
        bytes: Math.max(1, file.size),
      });
      if (begun.reused) {
        setResult(begun.progress);
        setReused(true);
        return;
      }
      setBytes({ sent: 0, total: Math.max(1, file.size) });
      setStarted(Date.now());
      setSnapshotId(begun.progress.snapshotId);
      setResult(
        await sendSnapshotFile(begun.progress.snapshotId, file, (sent, total) => setBytes({ sent, total })),
      );
    } catch (error) {
      setFailure(error);
    } finally {
      setRunning(false);
      void utils.admin.snapshots.list.invalidate({ campaignId });
    }
  }

  const elapsed = started !== null && running ? (Date.now() - started) / 1000 : 0;
  const fraction = bytes.sent / bytes.total;
  return (
    <Card as="section" className="[overflow-wrap:anywhere]">
      <CardHeader>
        <h1 className="font-semibold text-2xl">{t('snapshot.title')}</h1>
        <CardDescription>{t('snapshot.description')}</CardDescription>
      </CardHeader>
      <CardContent>
        <div className="grid gap-3 sm:grid-cols-[12rem_minmax(0,1fr)]">
          <FormField label={t('snapshot.network')}>
            <EnumSelect
              id="snapshot-network"
              value={network}
              values={ZNetwork.options}
              words={(n) => t(`snapshot.networks.${n}`)}
              onChange={(n) => n && setNetwork(n)}
            />
          </FormField>
          <FormField label={t('snapshot.file')}>
            <Input
              id="snapshot-file"
              className="py-1.5"
              type="file"
              accept=".csv,text/csv"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </FormField>
        </div>
        <div>
          <Button disabled={!file || running} onClick={() => void start()}>
            <FileUp aria-hidden="true" />
            {running ? t('snapshot.importing') : t('snapshot.import')}
          </Button>
        </div>
        {failure ? <UploadFailureMessage error={failure} /> : null}
        {reused && (
          <p role="status" className="text-muted-foreground text-sm">
            {t('snapshot.reused')}
          </p>
        )}
        {running && started !== null && (
          <Progress value={fraction * 100} aria-label={t('snapshot.uploaded')} />
        )}
        {shown && <ImportCounts progress={shown} elapsed={elapsed} fraction={fraction} />}
        {samples.length > 1 && (
          <Suspense fallback={<div className="h-56" />}>
            <SnapshotChart samples={samples} />
          </Suspense>
        )}
        {shown && shown.errors.length > 0 && <RejectedRows progress={shown} />}
      </CardContent>
      <SnapshotVersions campaignId={campaignId} />
    </Card>
  );
}

/** A refused or broken upload in words; the server's request id, when it gave one, under "Details". */
function UploadFailureMessage({ error }: { error: unknown }) {
  const { t } = useTranslation('admin');
  if (!(error instanceof SnapshotUploadError)) return <ErrorMessage error={error} />;
  const { failure } = error;
  return (
    <Alert variant="destructive" role="alert">
      <AlertTitle>{t('snapshot.failedTitle')}</AlertTitle>
      <AlertDescription>
        {failure.kind === 'refused'
          ? failure.message
          : failure.kind === 'unreadable'
            ? t('snapshot.unreadable', { status: failure.status })
            : t('snapshot.dropped')}
        {failure.kind === 'refused' && <ErrorDetails requestId={failure.requestId} />}
      </AlertDescription>
    </Alert>
  );
}

const seconds = (s: number, t: (key: string, options: { count: number }) => string) =>
  s >= 90
    ? t('snapshot.minutes', { count: Math.round(s / 60) })
    : t('snapshot.seconds', { count: Math.max(0, Math.round(s)) });

function ImportCounts({
  progress,
  elapsed,
  fraction,
}: {
  progress: TSnapshotProgress;
  elapsed: number;
  fraction: number;
}) {
  const { t } = useTranslation('admin');
  const rows: [string, string][] = [
    [t('snapshot.status'), t(`snapshot.statuses.${progress.status}`)],
    [t('snapshot.rowsRead'), formatNumber(progress.rowsRead)],
    [t('snapshot.accepted'), formatNumber(progress.rowsAccepted)],
    [t('snapshot.rejected'), formatNumber(progress.rowsRejected)],
  ];
  if (elapsed > 0) {
    rows.push([
      t('snapshot.rate'),
      t('snapshot.perSecond', { rows: formatNumber(Math.round(progress.rowsRead / elapsed)) }),
    ]);
    rows.push([
      t('snapshot.timeLeft'),
      fraction > 0 ? seconds((elapsed * (1 - fraction)) / fraction, t) : t('snapshot.estimating'),
    ]);
  }
  return (
    <dl
      aria-label={t('snapshot.progress')}
      data-testid="snapshot-progress"
      className="grid grid-cols-2 gap-3 sm:grid-cols-3"
    >
      {rows.map(([term, value]) => (
        <div key={term} className="min-w-0 rounded-lg border bg-muted/40 px-3 py-2">
          <dt className="text-muted-foreground text-xs">{term}</dt>
          <dd className="font-semibold tabular-nums">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function RejectedRows({ progress }: { progress: TSnapshotProgress }) {
  const { t } = useTranslation('admin');
  return (
    <Table aria-label={t('snapshot.rejectedRows')}>
      <TableHeader>
        <TableRow>
          <TableHead scope="col">{t('snapshot.line')}</TableHead>
          <TableHead scope="col">{t('snapshot.why')}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {progress.errors.map((e) => (
          <TableRow key={e.line}>
            <TableCell className="tabular-nums">{formatNumber(e.line)}</TableCell>
            <TableCell>{e.reason}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

// On a phone the versions table keeps what tells versions apart, so it fits without scrolling sideways.
const WIDE_ONLY = 'hidden sm:table-cell';

function SnapshotVersions({ campaignId }: { campaignId: number }) {
  const { t } = useTranslation('admin');
  const history = trpc.admin.snapshots.list.useInfiniteQuery(
    { campaignId },
    { getNextPageParam: (last) => last.nextCursor ?? undefined },
  );
  const versions = (history.data?.pages ?? []).flatMap((page) => page.items);
  return (
    <CardContent>
      <CardTitle>{t('snapshot.versions')}</CardTitle>
      {versions.length === 0 ? (
        <p className="text-muted-foreground text-sm">{t('snapshot.noVersions')}</p>
      ) : (
        <Table aria-label={t('snapshot.versions')}>
          <TableHeader>
            <TableRow>
              <TableHead scope="col">{t('snapshot.version')}</TableHead>
              <TableHead scope="col" className={WIDE_ONLY}>
                {t('snapshot.network')}
              </TableHead>
              <TableHead scope="col">{t('snapshot.status')}</TableHead>
              <TableHead scope="col">{t('snapshot.holders')}</TableHead>
              <TableHead scope="col" className={WIDE_ONLY}>
                {t('snapshot.created')}
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {versions.map((s) => (
              <TableRow key={s.snapshotId}>
                <TableCell className="tabular-nums">
                  {t('snapshot.versionNumber', { version: s.version })}
                </TableCell>
                <TableCell className={WIDE_ONLY}>{t(`snapshot.networks.${s.network}`)}</TableCell>
                <TableCell>{t(`snapshot.statuses.${s.status}`)}</TableCell>
                <TableCell className="tabular-nums">{formatNumber(s.rowsAccepted)}</TableCell>
                <TableCell className={cn(WIDE_ONLY, 'whitespace-nowrap')}>
                  {formatDateTime(s.createdAt)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {history.hasNextPage && (
        <div>
          <Button
            variant="outline"
            disabled={history.isFetchingNextPage}
            onClick={() => void history.fetchNextPage()}
          >
            {history.isFetchingNextPage ? t('table.loading') : t('snapshot.older')}
          </Button>
        </div>
      )}
    </CardContent>
  );
}
