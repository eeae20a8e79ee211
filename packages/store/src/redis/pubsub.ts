import type { Redis } from 'ioredis';
import { StoreUnavailableError } from '../errors';
import type { StoreErrorReporter, Unsubscribe } from '../types';
import { attachErrorListener, StoreConnection } from './connection';

interface Channel {
  handlers: Set<(message: string) => void>;
  /** The SUBSCRIBE of this channel; every subscriber of the channel waits for the same one. */
  active: Promise<unknown>;
}

/**
 * All subscriptions of one store share one dedicated connection (a connection in subscriber mode
 * can run nothing else), opened on the first subscribe. ioredis subscribes it again by itself
 * after a reconnect.
 */
export class SubscriberHub {
  private connection: StoreConnection | undefined;
  private closed = false;
  private readonly channels = new Map<string, Channel>();

  constructor(
    private readonly openConnection: () => Redis,
    private readonly connectTimeoutMs: number,
    private readonly report: StoreErrorReporter,
  ) {}

  async subscribe(
    fullChannel: string,
    label: string,
    onMessage: (message: string) => void,
  ): Promise<Unsubscribe> {
    const connection = this.subscriber();
    let channel = this.channels.get(fullChannel);
    if (!channel) {
      channel = { handlers: new Set(), active: connection.run((client) => client.subscribe(fullChannel)) };
      this.channels.set(fullChannel, channel);
    }
    const current = channel;
    // A wrapper makes each subscription distinct even when one callback is subscribed twice.
    const handler = (message: string) => onMessage(message);
    current.handlers.add(handler);
    try {
      await current.active;
    } catch (error) {
      // Every subscriber of this attempt fails with it; the next subscribe starts afresh.
      if (this.channels.get(fullChannel) === current) this.channels.delete(fullChannel);
      throw error;
    }
    let done = false;
    return async () => {
      if (done) return;
      done = true;
      if (!this.remove(fullChannel, current, handler)) return;
      // An unsubscribe that fails is harmless (messages for the channel find no handler), and
      // callers run it in clean-up paths that should not fail.
      await connection
        .run((client) => client.unsubscribe(fullChannel))
        .catch((error: unknown) => this.report(error, `unsubscribing from "${label}"`));
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.channels.clear();
    await this.connection?.close();
  }

  /** Removes a handler; true when it was the channel's last, so the channel itself should go. */
  private remove(fullChannel: string, channel: Channel, handler: (message: string) => void): boolean {
    channel.handlers.delete(handler);
    if (channel.handlers.size > 0 || this.channels.get(fullChannel) !== channel) return false;
    this.channels.delete(fullChannel);
    return true;
  }

  private subscriber(): StoreConnection {
    if (this.closed) throw new StoreUnavailableError('The store is closed');
    if (this.connection) return this.connection;
    const client = this.openConnection();
    attachErrorListener(client, this.report);
    client.on('message', (fullChannel: string, message: string) => this.deliver(fullChannel, message));
    this.connection = new StoreConnection(client, this.connectTimeoutMs);
    return this.connection;
  }

  private deliver(fullChannel: string, message: string): void {
    const channel = this.channels.get(fullChannel);
    if (!channel) return;
    for (const handler of [...channel.handlers]) {
      try {
        handler(message);
      } catch (error) {
        this.report(error, `subscriber of channel "${fullChannel}"`);
      }
    }
  }
}
