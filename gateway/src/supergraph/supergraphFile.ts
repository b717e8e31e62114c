import { readFileSync, statSync, watch, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { SupergraphManager, SupergraphSdlHook } from '@apollo/gateway';
import type { Classification, Logger } from '@govhub/shared';
import { loadableSupergraph } from '../authorization/rules';
import { classificationRefusal } from '../authorization/defaultClassification';

type HookOptions = Parameters<SupergraphSdlHook>[0];

const SETTLE_MS = 50;

export interface SupergraphFileStatus {
  file: string;
  /** When the live supergraph was read from the file (ISO time); null before the first load. */
  loadedAt: string | null;
  /** Why the file's latest content could not be loaded, while the last good supergraph keeps serving. */
  lastError: string | null;
}

/**
 * A composed supergraph read from a file (`rover supergraph compose`, `@apollo/composition`, another
 * organisation's), followed without a restart: the folder is watched (an editor or `mv` replaces the file, which a
 * watch on the file itself would lose), and a cheap stat every `pollMs` catches what the watch misses (network file
 * systems, some containers). Content that does not parse, load or pass the hub's classification rule keeps the last
 * good supergraph, and says why.
 */
export class SupergraphFileManager implements SupergraphManager {
  readonly status: SupergraphFileStatus;
  private readonly file: string;
  private watcher: FSWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;
  private pending: NodeJS.Timeout | null = null;
  /** What the file held last time it was read (loaded or not): the same content is not judged twice. */
  private lastContent = '';
  private lastStat = '';

  constructor(
    file: string,
    private readonly defaultClassification: Classification | null,
    private readonly logger: Logger,
    private readonly pollMs = 1_000,
  ) {
    this.file = resolve(file);
    this.status = { file: this.file, loadedAt: null, lastError: null };
  }

  async initialize({ update }: HookOptions): Promise<{ supergraphSdl: string; cleanup(): Promise<void> }> {
    const first = this.read();
    if (first.error !== null || !first.sdl) throw new Error(`${this.file}: ${first.error ?? 'the file is empty'}`);
    this.status.loadedAt = new Date().toISOString();
    this.logger.info({ file: this.file }, 'supergraph read from its file');
    // Editors and writers touch a file in several steps (truncate, write, rename): read once they are done.
    const changed = () => {
      if (this.pending) return;
      this.pending = setTimeout(() => {
        this.pending = null;
        this.reload(update);
      }, SETTLE_MS);
    };
    try {
      this.watcher = watch(dirname(this.file), (_, name) => (!name || name === basename(this.file)) && changed());
      this.watcher.on('error', (error) => this.logger.warn({ message: error.message }, 'supergraph file watch failed; polling goes on'));
    } catch (error) {
      this.logger.warn({ message: (error as Error).message }, 'supergraph file cannot be watched; polling only');
    }
    this.timer = setInterval(() => this.statChanged() && changed(), this.pollMs);
    this.timer.unref();
    return {
      supergraphSdl: first.sdl,
      cleanup: async () => {
        this.watcher?.close();
        if (this.timer) clearInterval(this.timer);
        if (this.pending) clearTimeout(this.pending);
      },
    };
  }

  private reload(update: HookOptions['update']): void {
    const next = this.read();
    if (next.unchanged) return;
    if (next.error === null) {
      try {
        update(next.sdl);
        this.status.loadedAt = new Date().toISOString();
        this.status.lastError = null;
        this.logger.info({ file: this.file }, 'supergraph reloaded from its file');
        return;
      } catch (error) {
        next.error = (error as Error).message;
      }
    }
    this.status.lastError = next.error;
    this.logger.error({ file: this.file, message: next.error }, 'supergraph file not loaded; the last good supergraph keeps serving');
  }

  /** The file's loadable supergraph, or why it is not one; `unchanged` when its content is what was read last. */
  private read(): { sdl: string; error: string | null; unchanged: boolean } {
    let content: string;
    try {
      this.statChanged();
      content = readFileSync(this.file, 'utf8');
    } catch (error) {
      return { sdl: '', error: (error as Error).message, unchanged: false };
    }
    // A writer that truncates then writes shows an empty file for a moment: wait for the content.
    if (content.trim() === '' || content === this.lastContent) return { sdl: '', error: null, unchanged: true };
    this.lastContent = content;
    try {
      const refusal = classificationRefusal(content, this.defaultClassification);
      return refusal ? { sdl: '', error: refusal, unchanged: false } : { sdl: loadableSupergraph(content), error: null, unchanged: false };
    } catch (error) {
      return { sdl: '', error: (error as Error).message, unchanged: false };
    }
  }

  private statChanged(): boolean {
    let stat = 'missing';
    try {
      const { mtimeMs, size, ino } = statSync(this.file);
      stat = `${mtimeMs}:${size}:${ino}`;
    } catch {
      // A file being replaced may be missing for a moment; the next change brings it back.
    }
    const changed = stat !== this.lastStat;
    this.lastStat = stat;
    return changed;
  }
}
