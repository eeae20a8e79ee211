import { createDb, type QueryCounter } from '@puffy/db';
import { testDatabases } from '@puffy/db/testing';
import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../src/metrics';
import { processQueryCounts } from '../../src/metrics-query-counts';

// The load test reads these gauges around each request it counts (scripts/bench/journey-counts.ts).
describe('statement and round-trip counts on /metrics (QUERY_COUNTS)', () => {
  it('are absent while counting is off, and report what the process counted once it is on', async () => {
    expect(processQueryCounts(false)).toBeUndefined();
    const before = await createMetrics().registry.metrics();
    // Off by default (each test file runs in a fresh module scope): no gauges at all.
    expect(before).not.toContain('puffy_db_statements_sent');
    expect(before).not.toContain('puffy_store_round_trips');

    const counts = processQueryCounts(true);
    expect(counts).toBeDefined();
    expect(processQueryCounts(true)).toBe(counts);
    const counter = counts?.db as QueryCounter;
    const [sqlite] = testDatabases(undefined);
    const test = await sqlite?.create();
    if (!test) throw new Error('no SQLite test database');
    const db = createDb({ url: test.url, counter });
    try {
      const start = counter.statements;
      await db.db.select().from(db.t.settings).limit(1);
      await db.withTransaction((tx) => tx.select().from(db.t.settings).limit(1));
      const text = await createMetrics().registry.metrics();
      expect(text).toContain(`puffy_db_statements_sent ${start + 2}`);
      expect(text).toMatch(/^puffy_db_transactions_opened [1-9]/m);
      expect(text).toMatch(/^puffy_store_round_trips \d+$/m);
    } finally {
      await db.close();
      await test.drop();
    }
  });
});
