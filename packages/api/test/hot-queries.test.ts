import { rawRows } from '@puffy/db';
import { type TestDatabase, testDatabases } from '@puffy/db/testing';
import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { membersAbove } from '../src/activity/leaderboard';
import { snapshotLookup, snapshotLookupOne } from '../src/eligibility/holder-check';
import { newAddress } from './support/campaign';

/**
 * The launch-spike queries must stay on their indexes: each test reads the plan the database makes
 * for the statement the service runs. On Postgres sequential scans are disabled for the plan, so a
 * tiny table does not hide a missing index behind a cheap scan.
 */
describe.each(testDatabases())('hot query plans on $label', (database) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await database.create();
  });
  afterAll(() => test.drop());

  /** The statement again as a fragment (embedding a builder would wrap it in parentheses). */
  function statement(query: { toSQL(): { sql: string; params: unknown[] } }): SQL {
    const { sql: text, params } = query.toSQL();
    const pieces = text.split(/\?|\$\d+/);
    return sql.join(
      pieces.flatMap((piece, i) =>
        i < params.length ? [sql.raw(piece), sql.param(params[i])] : [sql.raw(piece)],
      ),
      sql``,
    );
  }

  async function plan(query: { toSQL(): { sql: string; params: unknown[] } }): Promise<string> {
    const db = test.db;
    if (db.dialect === 'sqlite') {
      const rows = await rawRows(db, sql`explain query plan ${statement(query)}`, db.db);
      return rows.map((r) => String(r.detail)).join('\n');
    }
    return db.withTransaction(async (tx) => {
      await rawRows(db, sql`set local enable_seqscan = off`, tx);
      const rows = await rawRows(db, sql`explain ${statement(query)}`, tx);
      return rows.map((r) => String(r['QUERY PLAN'])).join('\n');
    });
  }

  it('the snapshot lookup finds the active snapshot and the address through indexes', async () => {
    const text = await plan(snapshotLookup(test, 1, 'sol', [newAddress.sol(), newAddress.sol()]));
    if (test.db.dialect === 'sqlite') {
      expect(text).toMatch(/SEARCH holder_snapshots USING INDEX holder_snapshots_/);
      expect(text).toMatch(
        /SEARCH snapshot_holders USING (COVERING )?INDEX sqlite_autoindex_snapshot_holders_1 \(snapshot_id=\? AND address=\?\)/,
      );
      expect(text).not.toMatch(/\bSCAN /);
    } else {
      expect(text).toContain('snapshot_holders_pk');
      expect(text).toMatch(/holder_snapshots_(status_idx|version_unique)/);
      expect(text).not.toContain('Seq Scan');
    }
  });

  it('the prepared one-address lookup of the public checks stays on the same indexes', async () => {
    const text = await plan(snapshotLookupOne(test, 1, 'sol', newAddress.sol()));
    if (test.db.dialect === 'sqlite') {
      expect(text).toMatch(/SEARCH holder_snapshots USING INDEX holder_snapshots_/);
      expect(text).toMatch(
        /SEARCH snapshot_holders USING (COVERING )?INDEX sqlite_autoindex_snapshot_holders_1 \(snapshot_id=\? AND address=\?\)/,
      );
      expect(text).not.toMatch(/\bSCAN /);
    } else {
      expect(text).toContain('snapshot_holders_pk');
      expect(text).toMatch(/holder_snapshots_(status_idx|version_unique)/);
      expect(text).not.toContain('Seq Scan');
    }
  });

  it('a rank sums a range of the points histogram by its key', async () => {
    const text = await plan(membersAbove(test, '1', 10));
    if (test.db.dialect === 'sqlite') {
      expect(text).toMatch(
        /SEARCH points_histogram USING (COVERING )?INDEX sqlite_autoindex_points_histogram_1 \(scope_key=\? AND points>\?\)/,
      );
    } else {
      expect(text).toContain('points_histogram_pk');
      expect(text).not.toContain('Seq Scan');
    }
  });
});
