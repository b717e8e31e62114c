import { Pool, type PoolClient, type QueryResultRow } from 'pg';
import type { Logger } from '../log';

export interface Queryable {
  query<R extends QueryResultRow = QueryResultRow>(sql: string, params?: readonly unknown[]): Promise<R[]>;
}

export interface DatabaseOptions {
  /** PostgreSQL connection string. */
  url: string;
  /** The PostgreSQL schema this domain owns; it is the connection's search_path. */
  schema: string;
  maxConnections?: number;
  logger?: Logger;
  /** Ends any statement that runs longer (PostgreSQL's statement_timeout); none by default (migrations, seeds). */
  statementTimeoutMs?: number;
}

/**
 * `GOVHUB_DB_STATEMENT_TIMEOUT_MS` (default 5,000, the gateway's subgraph call timeout): how long a statement may
 * run while serving requests; past it, nobody is waiting for the answer any more.
 */
export function servingStatementTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.GOVHUB_DB_STATEMENT_TIMEOUT_MS ?? 5_000);
  if (!Number.isInteger(value) || value < 100) throw new Error('GOVHUB_DB_STATEMENT_TIMEOUT_MS must be a whole number of milliseconds, at least 100');
  return value;
}

/**
 * One domain's view of PostgreSQL: a pool whose search_path is the domain's own schema.
 * Every statement goes through `query` so that tests can count them (N+1 is a bug).
 */
export class Database implements Queryable {
  readonly schema: string;
  private readonly pool: Pool;
  private statements = 0;

  constructor(options: DatabaseOptions) {
    if (!/^[a-z_][a-z0-9_]*$/.test(options.schema)) throw new Error(`invalid schema name: ${options.schema}`);
    this.schema = options.schema;
    this.pool = new Pool({
      connectionString: options.url,
      max: options.maxConnections ?? 10,
      options: `-c search_path=${options.schema},public${options.statementTimeoutMs ? ` -c statement_timeout=${options.statementTimeoutMs}` : ''}`,
      application_name: `govhub-${options.schema}`,
    });
    // A restarting server ends idle clients (57P01); without a listener that would crash the process.
    this.pool.on('error', (error: Error & { code?: string }) =>
      options.logger?.warn({ code: error.code, message: error.message, schema: options.schema }, 'idle database client lost'),
    );
  }

  /** Statements issued so far; tests read the difference around a request. */
  get statementCount(): number {
    return this.statements;
  }

  async query<R extends QueryResultRow = QueryResultRow>(sql: string, params: readonly unknown[] = []): Promise<R[]> {
    this.statements++;
    const result = await this.pool.query<R>(sql, params as unknown[]);
    return result.rows;
  }

  /** Runs `work` in one transaction on one connection; rolls back if it throws. */
  async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    const tx: Queryable = {
      query: async <R extends QueryResultRow>(sql: string, params: readonly unknown[] = []) => {
        this.statements++;
        return (await client.query<R>(sql, params as unknown[])).rows;
      },
    };
    try {
      await client.query('BEGIN');
      const result = await work(tx);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await rollbackQuietly(client);
      throw error;
    } finally {
      client.release();
    }
  }

  /** The pool's clients: open, idle among them, and callers waiting for one (metrics). */
  get poolClients(): { total: number; idle: number; waiting: number } {
    return { total: this.pool.totalCount, idle: this.pool.idleCount, waiting: this.pool.waitingCount };
  }

  async ping(): Promise<boolean> {
    try {
      await this.pool.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

async function rollbackQuietly(client: PoolClient): Promise<void> {
  try {
    await client.query('ROLLBACK');
  } catch {
    // the connection is already broken; releasing it is all that is left
  }
}
