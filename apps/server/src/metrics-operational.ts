import type { Db } from '@puffy/db';
import type { JobStats, Jobs } from '@puffy/jobs';
import { asc, count, inArray } from 'drizzle-orm';
import { Gauge, type Registry } from 'prom-client';

/** What /metrics reads at scrape time besides its own counters; each source is optional. */
export interface OperationalSources {
  jobs?: Pick<Jobs, 'stats'>;
  db?: Pick<Db, 'db' | 't'>;
  now?: () => Date;
}

/** A scrape must answer even when the database does not; a source that does not answer reports down. */
const SOURCE_TIMEOUT_MS = 2000;
/** Gauges collect concurrently within one scrape; they share one reading of the sources. */
const READING_REUSE_MS = 1000;

const JOB_STATES = ['queued', 'scheduled', 'running', 'failed', 'dead'] as const;
const UNCONFIRMED_PAYMENTS = ['pending', 'accepted'] as const;

interface Reading {
  jobs: JobStats | null;
  pipeline: { nfts: Array<{ status: string; n: number }>; oldestUnconfirmed: Date | null } | null;
}

function withTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    work,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error('metrics source timed out')), SOURCE_TIMEOUT_MS);
    }),
  ]).finally(() => clearTimeout(timer));
}

async function readPipeline(source: Pick<Db, 'db' | 't'>): Promise<NonNullable<Reading['pipeline']>> {
  const { db, t } = source;
  const [nfts, oldest] = await Promise.all([
    db.select({ status: t.userNfts.status, n: count() }).from(t.userNfts).groupBy(t.userNfts.status),
    db
      .select({ createdAt: t.payments.createdAt })
      .from(t.payments)
      .where(inArray(t.payments.status, [...UNCONFIRMED_PAYMENTS]))
      .orderBy(asc(t.payments.createdAt))
      .limit(1),
  ]);
  const since = oldest[0]?.createdAt;
  return {
    nfts: nfts.map((r) => ({ status: r.status, n: Number(r.n) })),
    oldestUnconfirmed: since ? new Date(since) : null,
  };
}

/**
 * Gauges read when Prometheus scrapes: the job queue (backlog, oldest due job's wait, dead letters)
 * and, from the database, payments not yet final and NFTs by status (mint failures). Every
 * instance reports the same database-wide values; alert rules take max() over instances.
 */
export function registerOperationalGauges(registry: Registry, sources: OperationalSources): void {
  const now = sources.now ?? (() => new Date());
  let cached: { at: number; reading: Promise<Reading> } | undefined;
  const read = (): Promise<Reading> => {
    const at = Date.now();
    if (cached && at - cached.at < READING_REUSE_MS) return cached.reading;
    const reading = Promise.all([
      sources.jobs ? withTimeout(sources.jobs.stats()).catch(() => null) : Promise.resolve(null),
      sources.db ? withTimeout(readPipeline(sources.db)).catch(() => null) : Promise.resolve(null),
    ]).then(([jobs, pipeline]) => ({ jobs, pipeline }));
    cached = { at, reading };
    return reading;
  };

  /**
   * A gauge filled afresh from the shared reading at each scrape: cleared first, so a source that stops
   * answering leaves no stale series behind.
   */
  const readingGauge = <L extends string>(
    config: { name: string; help: string; labelNames?: readonly L[] },
    fill: (gauge: Gauge<L>, reading: Reading) => void,
  ) =>
    new Gauge<L>({
      ...config,
      registers: [registry],
      async collect() {
        this.reset();
        fill(this, await read());
      },
    });

  readingGauge(
    {
      name: 'puffy_metrics_source_up',
      help: '1 when the source answered the last scrape, 0 when it failed or timed out',
      labelNames: ['source'],
    },
    (gauge, reading) => {
      if (sources.jobs) gauge.set({ source: 'jobs' }, reading.jobs ? 1 : 0);
      if (sources.db) gauge.set({ source: 'database' }, reading.pipeline ? 1 : 0);
    },
  );
  if (sources.jobs) {
    readingGauge(
      {
        name: 'puffy_jobs',
        help: 'Jobs by state: queued (due, the backlog), scheduled, running, failed (backing off), dead',
        labelNames: ['state'],
      },
      (gauge, { jobs }) => {
        if (jobs) for (const state of JOB_STATES) gauge.set({ state }, jobs[state]);
      },
    );
    readingGauge(
      {
        name: 'puffy_jobs_oldest_queued_age_seconds',
        help: 'How long the oldest due job has waited past its due time (0 when nothing is due)',
      },
      (gauge, { jobs }) => {
        if (jobs) gauge.set(jobs.oldestQueuedAgeSeconds ?? 0);
      },
    );
  }
  if (sources.db) {
    readingGauge(
      {
        name: 'puffy_payment_confirmation_lag_seconds',
        help: 'Age of the oldest payment that is submitted but not final yet (0 when none waits)',
      },
      (gauge, { pipeline }) => {
        if (!pipeline) return;
        const since = pipeline.oldestUnconfirmed;
        gauge.set(since ? Math.max(0, (now().getTime() - since.getTime()) / 1000) : 0);
      },
    );
    readingGauge(
      {
        name: 'puffy_nfts',
        help: 'Promotional NFTs by status (mint_failed counts mints that gave up)',
        labelNames: ['status'],
      },
      (gauge, { pipeline }) => {
        for (const row of pipeline?.nfts ?? []) gauge.set({ status: row.status }, row.n);
      },
    );
  }
}
