import type { Database, Logger } from '@govhub/shared';

const MAX_PENDING = 10_000;

export interface ServedOperation {
  signature: string;
  name: string | null;
  coordinates: string[];
}

/**
 * Remembers which fields the operations the gateway serves use (`Type.field`), so that a publish can be judged
 * against real traffic. Counted in memory and written every few seconds, never on the request path.
 */
export class OperationUsage {
  private pending = new Map<string, ServedOperation & { served: number }>();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Database,
    private readonly logger: Logger,
  ) {}

  start(flushEveryMs = 5_000): void {
    this.timer = setInterval(() => void this.flush(), flushEveryMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.flush();
  }

  record(operation: ServedOperation): void {
    const seen = this.pending.get(operation.signature);
    if (seen) seen.served++;
    // Bounded between flushes: a flood of distinct operations cannot grow the gateway's memory.
    else if (this.pending.size < MAX_PENDING) this.pending.set(operation.signature, { ...operation, served: 1 });
  }

  async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = [...this.pending.values()];
    this.pending = new Map();
    try {
      await this.db.query(
        `INSERT INTO governance.operation_usage (signature, operation_name, coordinates, served)
         SELECT signature, name, string_to_array(coordinates, ','), served
           FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[]) AS o(signature, name, coordinates, served)
         ON CONFLICT (signature) DO UPDATE SET last_seen = now(), served = governance.operation_usage.served + EXCLUDED.served`,
        [batch.map((o) => o.signature), batch.map((o) => o.name), batch.map((o) => o.coordinates.join(',')), batch.map((o) => o.served)],
      );
    } catch (error) {
      this.logger.warn({ message: (error as Error).message }, 'operation usage not recorded');
    }
  }

  /** Operations served since `days` ago that use any of these coordinates (`Type.field`, or `Type` for a whole type). */
  async using(paths: readonly string[], days = 30): Promise<Map<string, string[]>> {
    const rows = await this.db.query<{ signature: string; name: string | null; coordinates: string[] }>(
      `SELECT signature, operation_name AS name, coordinates FROM governance.operation_usage
        WHERE last_seen > now() - make_interval(days => $1)`,
      [days],
    );
    const affected = new Map<string, string[]>();
    for (const path of paths) {
      const [type, field] = path.split('.');
      const users = rows
        .filter((row) => row.coordinates.some((coordinate) => (field ? coordinate === `${type}.${field}` : coordinate.startsWith(`${type}.`))))
        .map((row) => row.name ?? `anonymous operation ${row.signature.slice(0, 8)}`);
      if (users.length) affected.set(path, [...new Set(users)]);
    }
    return affected;
  }
}
