import { readFileSync } from 'node:fs';
import { printResult, UsageError, type Format } from '../output';

/** The hub the registry commands talk to (`GOVHUB_URL`), with the token in `GOVHUB_TOKEN`. */
export function hubUrl(): string {
  return (process.env.GOVHUB_URL ?? 'http://localhost:4000').replace(/\/$/, '');
}

interface Issue {
  code?: string;
  message: string;
  extensions?: { code?: string };
}
interface CheckAnswer {
  ok?: boolean;
  errors?: Issue[];
  warnings?: Issue[];
  version?: number;
}
interface Registered {
  name: string;
  owner: string;
  version: number;
  url: string;
  sdl?: string;
  publishedBy?: string;
  publishedAt?: string;
}

/**
 * The registry commands call the gateway's admin API: the same checks and permissions as any other client. A check
 * that fails exits 1 (for scripts and CI), although the request itself succeeded.
 */
async function call<T extends object>(path: string, body?: object): Promise<{ ok: boolean; result: T & { errors?: Issue[] } }> {
  const response = await fetch(`${hubUrl()}/admin/subgraphs${path}`, {
    method: body ? 'POST' : 'GET',
    headers: { 'content-type': 'application/json', ...(process.env.GOVHUB_TOKEN ? { authorization: `Bearer ${process.env.GOVHUB_TOKEN}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  }).catch((error: Error) => {
    throw new Error(`cannot reach the hub at ${hubUrl()} (${error.message}): is it running? (GOVHUB_URL)`);
  });
  const result = (await response.json()) as T & { ok?: boolean; errors?: Issue[] };
  return { ok: response.ok && result.ok !== false, result };
}

const codeOf = (issue: Issue) => issue.code ?? issue.extensions?.code ?? '';
const issues = (list: Issue[] | undefined, label: string) => (list ?? []).map((issue) => `  ${label} ${codeOf(issue)}: ${issue.message}`);

export async function listCommand(format: Format): Promise<number> {
  const { ok, result } = await call<{ subgraphs?: Registered[] }>('');
  printResult(format, result, () =>
    ok
      ? (result.subgraphs ?? []).map((s) => `${s.name.padEnd(16)} v${String(s.version).padEnd(4)} ${s.owner.padEnd(10)} ${s.url}`).join('\n')
      : failure(result),
  );
  return ok ? 0 : 1;
}

export async function historyCommand(name: string, format: Format): Promise<number> {
  const { ok, result } = await call<{ versions?: Registered[] }>(`/${encodeURIComponent(name)}/history`);
  printResult(format, result, () =>
    ok ? (result.versions ?? []).map((v) => `v${v.version}  ${v.publishedAt ?? ''}  ${v.publishedBy ?? ''}  ${v.url}`).join('\n') : failure(result),
  );
  return ok ? 0 : 1;
}

/** The SDL an agency publishes: a file, or standard input with `--schema -` (Rover's convention). */
export function readSchema(schema: string): string {
  if (schema !== '-') return readFileSync(schema, 'utf8');
  return readFileSync(0, 'utf8');
}

export async function checkOrPublishCommand(
  action: 'check' | 'publish',
  options: { name: string; schema: string; routingUrl?: string },
  format: Format,
): Promise<number> {
  if (!options.routingUrl) throw new UsageError(`subgraph ${action} needs --routing-url URL`);
  const { ok, result } = await call<CheckAnswer>(`/${encodeURIComponent(options.name)}/${action}`, {
    url: options.routingUrl,
    sdl: readSchema(options.schema),
  });
  printResult(format, result, () =>
    [
      ok
        ? `${options.name}: ${action === 'publish' ? `published${result.version ? ` as v${result.version}` : ''}` : 'passes every check'}`
        : `${options.name}: ${action} failed`,
      ...issues(result.errors, 'error'),
      ...issues(result.warnings, 'warning'),
    ].join('\n'),
  );
  return ok ? 0 : 1;
}

export async function rollbackCommand(name: string, to: string, format: Format): Promise<number> {
  const version = Number(to);
  if (!Number.isInteger(version) || version < 1) throw new UsageError('--to needs a version number');
  const { ok, result } = await call<CheckAnswer>(`/${encodeURIComponent(name)}/rollback`, { to: version });
  printResult(format, result, () => (ok ? `${name}: rolled back to v${version}` : failure(result)));
  return ok ? 0 : 1;
}

/** The SDL the registry serves for a subgraph now (Rover's `subgraph fetch`). */
export async function fetchCommand(name: string, format: Format): Promise<number> {
  const { ok, result } = await call<{ subgraph?: Registered }>(`/${encodeURIComponent(name)}`);
  printResult(format, result, () => (ok ? (result.subgraph?.sdl ?? '') : failure(result)));
  return ok ? 0 : 1;
}

function failure(result: { errors?: Issue[] }): string {
  return (result.errors ?? []).map((error) => `error ${codeOf(error)}: ${error.message}`).join('\n') || 'failed';
}
