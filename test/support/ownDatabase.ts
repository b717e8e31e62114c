import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { withDatabase } from '@govhub/shared';
import { testServerUrl } from '@govhub/shared/dist/testing';

export interface OwnDatabase {
  /** Its connection string, as its own role (which owns it). */
  url: string;
  role: string;
  /** Drops the database and its role. */
  drop(): Promise<void>;
}

/**
 * A database on the test server owned by a login role of its own, as an agency's subgraph runs on: the role is no
 * superuser and holds no privilege anywhere else. DDL takes no bind parameters, so each statement is built by
 * PostgreSQL's own `format` (identifiers `%I`, literals `%L`) from parameters.
 */
export async function createOwnDatabase(label: string): Promise<OwnDatabase> {
  const suffix = randomBytes(4).toString('hex');
  const name = `own_${label}_${suffix}`;
  const role = `agency_${label}_${suffix}`;
  const password = randomBytes(16).toString('hex');
  await asServer(async (client) => {
    await run(client, 'CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD %L', role, password);
    await run(client, 'CREATE DATABASE %I OWNER %I', name, role);
  });
  const url = new URL(withDatabase(testServerUrl(), name));
  url.username = role;
  url.password = password;
  return {
    url: url.toString(),
    role,
    drop: () =>
      asServer(async (client) => {
        await run(client, 'DROP DATABASE IF EXISTS %I WITH (FORCE)', name);
        await run(client, 'DROP ROLE IF EXISTS %I', role);
      }),
  };
}

/** Only roles granted CONNECT may open `databaseUrl`'s database from now on (superusers always may). */
export function closeToOtherRoles(databaseUrl: string): Promise<void> {
  return asServer((client) => run(client, 'REVOKE CONNECT ON DATABASE %I FROM PUBLIC', new URL(databaseUrl).pathname.slice(1)));
}

/** `databaseUrl`'s server and database, as `role` of `asUrl` (its name and password). */
export function asRoleOf(asUrl: string, databaseUrl: string): string {
  const [role, target] = [new URL(asUrl), new URL(databaseUrl)];
  target.username = role.username;
  target.password = role.password;
  return target.toString();
}

async function asServer(work: (client: Client) => Promise<void>): Promise<void> {
  const client = new Client({ connectionString: testServerUrl() });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

async function run(client: Client, template: string, ...values: string[]): Promise<void> {
  const placeholders = values.map((_, index) => `$${index + 1}::text`).join(', ');
  const { rows } = await client.query<{ statement: string }>(`SELECT format($${values.length + 1}::text, ${placeholders}) AS statement`, [
    ...values,
    template,
  ]);
  await client.query(rows[0].statement);
}
