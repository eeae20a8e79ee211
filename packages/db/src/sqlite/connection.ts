import { AsyncLocalStorage } from 'node:async_hooks';
import BetterSqlite3 from 'better-sqlite3';

export type ProxyMethod = 'run' | 'all' | 'values' | 'get';

type Statement = BetterSqlite3.Statement<unknown[], unknown>;

/** Identifies one open transaction; the async context that runs it carries the same object. */
type TransactionToken = { readonly opened: number };

type Waiter = { kind: 'query'; run: () => void } | { kind: 'transaction'; start: () => void };

/** Enough for every distinct query the services build; beyond it the least recently used is dropped. */
const STATEMENT_CACHE_SIZE = 500;
const BUSY_TIMEOUT_MS = 5_000;
const TEMP_CACHE_KIB = 64 * 1024;

/**
 * The one better-sqlite3 connection of a SQLite database, shared by every query.
 *
 * better-sqlite3 runs each statement synchronously, but our transactions span awaits, so on one
 * connection a query from another request could land inside someone else's open transaction (and be
 * committed or rolled back with it). The lock below prevents that: while a transaction is open, only
 * the async context that opened it (marked through AsyncLocalStorage) may use the connection; every
 * other query and transaction waits, first come first served, and runs the moment the lock is free.
 */
export class SqliteConnection {
  private readonly sqlite: BetterSqlite3.Database;
  private readonly statements = new Map<string, Statement>();
  private readonly owner = new AsyncLocalStorage<TransactionToken>();
  private active: TransactionToken | null = null;
  private readonly waiting: Waiter[] = [];

  constructor(file: string) {
    this.sqlite = new BetterSqlite3(file);
    this.sqlite.pragma('journal_mode = WAL');
    this.sqlite.pragma('synchronous = NORMAL');
    this.sqlite.pragma('foreign_keys = ON');
    this.sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Temporary tables (bulk loads stage rows there) are private scratch space: their undo log can
    // live in memory, and a cache of up to 64 MB keeps a staged snapshot's pages off the temp file.
    this.sqlite.pragma('temp.journal_mode = MEMORY');
    this.sqlite.pragma(`temp.cache_size = -${TEMP_CACHE_KIB}`);
  }

  /** drizzle's sqlite-proxy callback: rows as arrays (`get`: the one row, or undefined). */
  readonly proxy = (sql: string, params: unknown[], method: ProxyMethod): Promise<{ rows: unknown }> =>
    this.whenFree(() => ({ rows: this.execute(sql, params, method) }));

  /** Rows as objects keyed by column name, for the migration runner and raw helpers. */
  objects(sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
    return this.whenFree(() => {
      const statement = this.prepare(sql, 'object');
      const bound = params.map(bindable);
      if (!statement.reader) {
        statement.run(...bound);
        return [];
      }
      return statement.all(...bound).map((row) => normalizeObject(row as Record<string, unknown>));
    });
  }

  /** Runs a script that may hold several statements (migrations, pragmas). */
  exec(script: string): Promise<void> {
    return this.whenFree(() => {
      this.sqlite.exec(script);
    });
  }

  /**
   * Runs `fn` inside `BEGIN IMMEDIATE` … `COMMIT`, or `ROLLBACK` when it throws. IMMEDIATE takes the
   * write lock up front, so two processes on one file fail fast (busy_timeout) instead of deadlocking
   * on a read-to-write upgrade. Called inside an open transaction, it joins it.
   */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    const current = this.owner.getStore();
    if (current !== undefined && current === this.active) return fn();
    const token: TransactionToken = { opened: Date.now() };
    await this.acquire(token);
    try {
      this.sqlite.exec('BEGIN IMMEDIATE');
    } catch (error) {
      this.release();
      throw error;
    }
    try {
      // Awaited inside the token's context: a callback that returns a query builder (a thenable, run
      // only when awaited) would otherwise run its query outside the transaction and wait for the
      // lock this transaction holds, forever.
      const result = await this.owner.run(token, async () => await fn());
      this.sqlite.exec('COMMIT');
      return result;
    } catch (error) {
      if (this.sqlite.inTransaction) this.sqlite.exec('ROLLBACK');
      throw error;
    } finally {
      this.release();
    }
  }

  /** True while the caller's async context owns the open transaction. */
  inTransaction(): boolean {
    const current = this.owner.getStore();
    return current !== undefined && current === this.active;
  }

  async close(): Promise<void> {
    await this.whenFree(() => undefined);
    this.statements.clear();
    this.sqlite.close();
  }

  private whenFree<T>(work: () => T): Promise<T> {
    if (this.active === null || this.owner.getStore() === this.active) {
      try {
        return Promise.resolve(work());
      } catch (error) {
        return Promise.reject(error);
      }
    }
    return new Promise<T>((resolve, reject) => {
      this.waiting.push({
        kind: 'query',
        run: () => {
          try {
            resolve(work());
          } catch (error) {
            reject(error);
          }
        },
      });
    });
  }

  private acquire(token: TransactionToken): Promise<void> {
    if (this.active === null) {
      this.active = token;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      this.waiting.push({
        kind: 'transaction',
        start: () => {
          this.active = token;
          resolve();
        },
      });
    });
  }

  /**
   * Hands the connection on in arrival order. Waiting queries run right here, synchronously, so a
   * transaction queued behind them cannot slip in first; the next transaction takes the lock and stops
   * the drain.
   */
  private release(): void {
    this.active = null;
    while (this.active === null) {
      const next = this.waiting.shift();
      if (next === undefined) return;
      if (next.kind === 'query') next.run();
      else next.start();
    }
  }

  private execute(sql: string, params: unknown[], method: ProxyMethod): unknown {
    const statement = this.prepare(sql, 'array');
    const bound = params.map(bindable);
    if (method === 'run' || !statement.reader) {
      statement.run(...bound);
      return [];
    }
    if (method === 'get') {
      const row = statement.get(...bound);
      return row === undefined ? undefined : normalizeArray(row as unknown[]);
    }
    return statement.all(...bound).map((row) => normalizeArray(row as unknown[]));
  }

  private prepare(sql: string, shape: 'array' | 'object'): Statement {
    const key = `${shape}:${sql}`;
    const cached = this.statements.get(key);
    if (cached !== undefined) {
      // Re-inserting keeps the Map in least-recently-used order.
      this.statements.delete(key);
      this.statements.set(key, cached);
      return cached;
    }
    const statement = this.sqlite.prepare<unknown[], unknown>(sql);
    if (statement.reader) {
      statement.safeIntegers(true);
      if (shape === 'array') statement.raw(true);
    }
    this.statements.set(key, statement);
    if (this.statements.size > STATEMENT_CACHE_SIZE) {
      const oldest = this.statements.keys().next();
      if (oldest.done !== true) this.statements.delete(oldest.value);
    }
    return statement;
  }
}

/**
 * Values a raw `sql` template may carry that better-sqlite3 cannot bind; column-typed values arrive
 * already encoded by drizzle. Dates become epoch milliseconds, the encoding of every time column.
 */
function bindable(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.getTime();
  return value;
}

/**
 * Statements read integers as bigint so a 64-bit amount is never rounded; everything that fits a
 * double goes back to a number, which is what the number-typed columns expect.
 */
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);

function normalizeValue(value: unknown): unknown {
  if (typeof value === 'bigint' && value <= MAX_SAFE && value >= MIN_SAFE) return Number(value);
  return value;
}

function normalizeArray(row: unknown[]): unknown[] {
  for (let i = 0; i < row.length; i += 1) row[i] = normalizeValue(row[i]);
  return row;
}

function normalizeObject(row: Record<string, unknown>): Record<string, unknown> {
  for (const key of Object.keys(row)) row[key] = normalizeValue(row[key]);
  return row;
}
