import type { SupergraphManager, SupergraphSdlHook } from '@apollo/gateway';
import { composeSupergraph, type Logger } from '@govhub/shared';
import { loadableSupergraph } from '../authorization/rules';
import { NotificationListener } from '../resilience/notificationListener';
import type { SubgraphRegistry } from './registry';

type HookOptions = Parameters<SupergraphSdlHook>[0];

export interface SupergraphStatus {
  /** The versions the live supergraph was composed from (`name@version`). */
  live: string[];
  /** Why the latest registry state could not be loaded, while the last good supergraph keeps serving. */
  lastError: string | null;
}

/**
 * The supergraph from the registry, kept current without a restart: every change is announced by PostgreSQL
 * NOTIFY (listening again after a database restart, with polling as a fallback); the gateway swaps the new
 * supergraph in atomically while in-flight requests finish on the old one. A registry state that does not compose
 * keeps the last good supergraph, and says why.
 */
export class RegistrySupergraphManager implements SupergraphManager {
  readonly status: SupergraphStatus = { live: [], lastError: null };
  private listener: NotificationListener | null = null;
  private timer: NodeJS.Timeout | null = null;
  private reloading: Promise<void> = Promise.resolve();
  /** The registry state that failed last, so a broken state is reported once, not at every poll. */
  private failed = '';
  private stopped = false;

  constructor(
    private readonly registry: SubgraphRegistry,
    private readonly databaseUrl: string,
    private readonly logger: Logger,
    private readonly pollMs = 5_000,
  ) {}

  async initialize({ update }: HookOptions): Promise<{ supergraphSdl: string; cleanup(): Promise<void> }> {
    const first = await this.compose();
    if (!first) throw new Error(`the registry's subgraphs do not compose: ${this.status.lastError}`);
    this.listener = new NotificationListener({
      databaseUrl: this.databaseUrl,
      channel: 'govhub_registry_changed',
      logger: this.logger,
      onNotification: () => this.reload(update),
    });
    await this.listener.start();
    this.timer = setInterval(() => this.reload(update), this.pollMs);
    this.timer.unref();
    return {
      supergraphSdl: first,
      cleanup: async () => {
        this.stopped = true;
        if (this.timer) clearInterval(this.timer);
        await this.listener?.stop();
      },
    };
  }

  private reload(update: HookOptions['update']): void {
    this.reloading = this.reloading
      .then(async () => {
        if (this.stopped) return;
        const sdl = await this.compose();
        if (sdl && !this.stopped) update(sdl);
      })
      .catch((error: Error) => this.logger.error({ message: error.message }, 'supergraph update failed; the last good one keeps serving'));
  }

  /** The loadable supergraph of the registry's current versions; null when they did not change or do not compose. */
  private async compose(): Promise<string | null> {
    try {
      const subgraphs = await this.registry.current();
      const versions = subgraphs.map((subgraph) => `${subgraph.name}@${subgraph.version}`);
      if (this.status.live.length && versions.join() === this.status.live.join()) {
        // The live versions are the registry's: an earlier error (the database was unreachable, say) is over.
        this.status.lastError = null;
        return null;
      }
      if (versions.join() === this.failed) return null;
      this.failed = versions.join();
      const { supergraphSdl } = composeSupergraph(subgraphs);
      this.failed = '';
      this.status.live = versions;
      this.status.lastError = null;
      this.logger.info({ subgraphs: versions }, 'supergraph composed from the registry');
      return loadableSupergraph(supergraphSdl);
    } catch (error) {
      this.status.lastError = (error as Error).message;
      this.logger.error({ message: this.status.lastError }, 'registry state not loaded; the last good supergraph keeps serving');
      return null;
    }
  }
}
