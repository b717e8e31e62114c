import { Client } from 'pg';
import type { Logger } from '@govhub/shared';
import { backoffMs, type BackoffOptions } from './backoff';

export interface NotificationListenerOptions {
  databaseUrl: string;
  channel: string;
  logger: Logger;
  /** Called on every notification, and after each reconnection (notifications sent meanwhile were lost). */
  onNotification: () => void;
  reconnect?: BackoffOptions;
}

const RECONNECT: BackoffOptions = { baseMs: 200, maxMs: 2_000 };

/**
 * A PostgreSQL LISTEN that survives the server: when the connection is lost (a restart, a network cut) it
 * reconnects with backoff and listens again, then reports a notification, since any sent meanwhile were lost.
 * The callers' polling keeps their state current in the meantime.
 */
export class NotificationListener {
  private client: Client | null = null;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(private readonly options: NotificationListenerOptions) {
    if (!/^[a-z_][a-z0-9_]*$/.test(options.channel)) throw new Error(`invalid channel name: ${options.channel}`);
  }

  /** Listens once the first connection succeeds (throws if it does not: the caller decides whether to start). */
  async start(): Promise<void> {
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const { channel, logger } = this.options;
    const client = new Client({ connectionString: this.options.databaseUrl, keepAlive: true, application_name: 'govhub-listener' });
    client.on('error', (error) => logger.warn({ channel, message: error.message }, 'database listener lost; polling continues'));
    client.on('notification', () => this.options.onNotification());
    try {
      await client.connect();
      await client.query(`LISTEN ${channel}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    client.once('end', () => this.reconnect(0));
    this.client = client;
  }

  private reconnect(attempt: number): void {
    this.client = null;
    if (this.stopped) return;
    this.retryTimer = setTimeout(
      () => {
        this.connect().then(
          () => {
            this.options.logger.info({ channel: this.options.channel, attempts: attempt + 1 }, 'database listener listening again');
            this.options.onNotification();
          },
          () => this.reconnect(attempt + 1),
        );
      },
      backoffMs(attempt, this.options.reconnect ?? RECONNECT),
    );
    this.retryTimer.unref();
  }
}
