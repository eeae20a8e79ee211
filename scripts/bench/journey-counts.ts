// What one request of the launch journey costs, counted instead of timed: SQL statements, transactions
// and Redis round trips, read from the instances' /metrics (QUERY_COUNTS=true) before and after each
// call made alone, and the time the database's backends spent waiting on locks during the load,
// sampled from pg_stat_activity. Counts do not depend on the machine; the lock waits say where
// members queue behind each other.
import type postgres from 'postgres';

export interface Counts {
  statements: number;
  transactions: number;
  roundTrips: number;
}

const GAUGES: Record<keyof Counts, string> = {
  statements: 'puffy_db_statements_sent',
  transactions: 'puffy_db_transactions_opened',
  roundTrips: 'puffy_store_round_trips',
};

const zero = (): Counts => ({ statements: 0, transactions: 0, roundTrips: 0 });

function add(a: Counts, b: Counts, sign = 1): Counts {
  return {
    statements: a.statements + sign * b.statements,
    transactions: a.transactions + sign * b.transactions,
    roundTrips: a.roundTrips + sign * b.roundTrips,
  };
}

/** Reads the counters of every instance, summed (a journey's steps alternate between them). */
export function countReader(bases: string[], metricsToken: string) {
  async function readOne(base: string): Promise<Counts> {
    const response = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } });
    const text = await response.text();
    const counts = zero();
    for (const key of Object.keys(GAUGES) as Array<keyof Counts>) {
      const line = text.split('\n').find((l) => l.startsWith(`${GAUGES[key]} `));
      if (line === undefined)
        throw new Error(`/metrics of ${base} has no ${GAUGES[key]}: is QUERY_COUNTS on?`);
      counts[key] = Number(line.split(' ')[1]);
    }
    return counts;
  }
  const readAll = async (): Promise<Counts> =>
    (await Promise.all(bases.map(readOne))).reduce((sum, c) => add(sum, c), zero());

  // Reading /metrics runs its own queries (the job queue's gauges): what two reads in a row differ
  // by is that overhead, taken off every measured request.
  let overhead = zero();
  return {
    async calibrate(): Promise<void> {
      const seen: Counts[] = [];
      let previous = await readAll();
      for (let i = 0; i < 3; i += 1) {
        const next = await readAll();
        seen.push(add(next, previous, -1));
        previous = next;
      }
      const median = (key: keyof Counts) => seen.map((c) => c[key]).sort((a, b) => a - b)[1] ?? 0;
      overhead = {
        statements: median('statements'),
        transactions: median('transactions'),
        roundTrips: median('roundTrips'),
      };
    },
    /** What `work` cost, with nothing else running against these instances. */
    async measure(work: () => Promise<unknown>): Promise<Counts> {
      const before = await readAll();
      await work();
      const after = await readAll();
      return add(add(after, before, -1), overhead, -1);
    },
  };
}

/** Per step, the counts of every request measured alone: the table shows the largest. */
export class StepCounts {
  private readonly byStep = new Map<string, Counts[]>();

  record(step: string, counts: Counts): void {
    const list = this.byStep.get(step) ?? [];
    list.push(counts);
    this.byStep.set(step, list);
  }

  table(): string[] {
    const rows = [
      '| step | SQL statements | transactions | store round trips |',
      '| --- | ---: | ---: | ---: |',
    ];
    for (const [step, list] of this.byStep) {
      const range = (key: keyof Counts) => {
        const values = list.map((c) => c[key]);
        const [low, high] = [Math.min(...values), Math.max(...values)];
        return low === high ? String(high) : `${low}–${high}`;
      };
      rows.push(`| ${step} | ${range('statements')} | ${range('transactions')} | ${range('roundTrips')} |`);
    }
    return rows;
  }
}

/**
 * Samples the database's backends every few milliseconds while the load runs; each backend seen
 * waiting on a lock adds the time since the previous sample to its statement's total.
 */
export function sampleLockWaits(admin: postgres.Sql, databaseName: string, everyMs = 10) {
  const waits = new Map<string, number>();
  let running = true;
  let samples = 0;
  const loop = (async () => {
    let last = performance.now();
    while (running) {
      const rows = await admin<{ query: string }[]>`
        select query from pg_stat_activity
        where datname = ${databaseName} and wait_event_type = 'Lock'`;
      const now = performance.now();
      for (const row of rows) {
        const statement = row.query.replace(/\s+/g, ' ').slice(0, 90);
        waits.set(statement, (waits.get(statement) ?? 0) + (now - last));
      }
      samples += 1;
      last = now;
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    async stop(): Promise<string[]> {
      running = false;
      await loop;
      const total = [...waits.values()].reduce((a, b) => a + b, 0);
      const top = [...waits.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5);
      return [
        `Time spent waiting on database locks during the load (${samples} samples of pg_stat_activity): ${(total / 1000).toFixed(2)} backend-seconds${top.length > 0 ? ', most on:' : '.'}`,
        ...top.map(([statement, ms]) => `  ${(ms / 1000).toFixed(2)} s  ${statement}`),
      ];
    },
  };
}
