import { Redis } from 'ioredis';
import { StoreUnavailableError } from '../errors';
import type { StoreCounter, StoreErrorReporter } from '../types';

export interface ConnectionOptions {
  url: string;
  connectTimeoutMs: number;
  commandTimeoutMs: number;
  report: StoreErrorReporter;
}

/**
 * The client is set up so that no command waits longer than the timeouts, and none runs later than
 * its caller was told: a challenge taken, a lock set or a counter bumped after the caller already
 * got an error would be a ghost.
 * - `enableOfflineQueue: false`: nothing is queued while disconnected to run after reconnecting
 *   (`StoreConnection.run` waits for the first connection itself, with a bound);
 * - `maxRetriesPerRequest: 0` and `autoResendUnfulfilledCommands: false`: a command in flight when
 *   the connection drops is rejected, never resent (a resent INCR would count twice);
 * - `commandTimeout`: a half-open connection that never closes cannot hang a request;
 * - the retry strategy never gives up, so the client comes back by itself when Redis does.
 */
export function createRedisClient(options: ConnectionOptions): Redis {
  const client = new Redis(options.url, {
    connectTimeout: options.connectTimeoutMs,
    commandTimeout: options.commandTimeoutMs,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
    retryStrategy: (attempt) => Math.min(50 * 2 ** Math.min(attempt, 10), 2000),
  });
  attachErrorListener(client, options.report);
  return client;
}

/**
 * Counts at the client's one door for commands, so the rate limiter's scripts (which use the client
 * directly) count too. The subscriber connection is a duplicate without this, as it serves no request.
 */
export function countRoundTrips(client: Redis, counter: StoreCounter): void {
  // The prototype's method is looked up per call: tracing may wrap it after this client exists.
  const prototype = Object.getPrototypeOf(client) as Redis;
  client.sendCommand = (command, stream) => {
    // A MULTI block's commands are written together with a stream: its EXEC stands for the trip.
    if (stream === undefined || command.name === 'exec') counter.roundTrips += 1;
    return prototype.sendCommand.call(client, command, stream);
  };
}

/** Without a listener ioredis prints every failed reconnect to the console itself. */
export function attachErrorListener(client: Redis, report: StoreErrorReporter): void {
  client.on('error', (error: unknown) => report(error, 'redis connection'));
}

/** Replies that mean "Redis cannot serve right now", as opposed to a wrong command. */
const RETRYABLE_REPLY = /^(LOADING|READONLY|MASTERDOWN|BUSY|TRYAGAIN|CLUSTERDOWN|OOM|NOREPLICAS)\b/;

/**
 * Runs commands on one connection: waits (bounded) for the outcome of the first connection attempt,
 * fails at once while the connection is down after that, and turns connection failures into
 * `StoreUnavailableError`. Command errors (WRONGTYPE, a bad script) pass through unchanged: they are
 * bugs, not outages.
 */
export class StoreConnection {
  private closed = false;
  private starting = true;
  /** Settles with the first attempt to connect, whether it succeeded ('ready') or not ('close'). */
  private readonly firstAttempt: Promise<void>;

  constructor(
    readonly client: Redis,
    private readonly connectTimeoutMs: number,
  ) {
    this.firstAttempt = new Promise((resolve) => {
      const settle = () => {
        this.starting = false;
        client.off('ready', settle);
        client.off('close', settle);
        resolve();
      };
      client.on('ready', settle);
      client.on('close', settle);
    });
  }

  async run<T>(command: (client: Redis) => Promise<T>): Promise<T> {
    await this.whenReady();
    try {
      return await command(this.client);
    } catch (error) {
      throw toStoreError(error);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.client.status === 'ready') {
      // QUIT lets commands already sent finish; a dead connection is simply dropped.
      await this.client.quit().catch(() => undefined);
    }
    this.client.disconnect();
  }

  /**
   * Resolves when commands can be sent. While the store starts, it waits for the first connection
   * attempt (at most `connectTimeoutMs`); after that, a connection that is down fails at once, so that
   * during an outage every request answers "try again" immediately instead of piling up.
   */
  async whenReady(): Promise<void> {
    if (this.closed) throw new StoreUnavailableError('The store is closed');
    if (this.isReady()) return;
    if (this.starting) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, this.connectTimeoutMs);
      });
      try {
        await Promise.race([this.firstAttempt, timeout]);
      } finally {
        clearTimeout(timer);
      }
      if (this.closed) throw new StoreUnavailableError('The store is closed');
      if (this.isReady()) return;
    }
    throw new StoreUnavailableError(`Redis is unreachable (connection ${this.client.status})`);
  }

  private isReady(): boolean {
    return this.client.status === 'ready';
  }
}

export function toStoreError(error: unknown): unknown {
  if (error instanceof StoreUnavailableError) return error;
  if (error instanceof Error && error.name === 'ReplyError' && !RETRYABLE_REPLY.test(error.message))
    return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new StoreUnavailableError(`Redis is unavailable: ${detail}`, { cause: error });
}
