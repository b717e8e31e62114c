import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, createSigningKey, FORWARDED_IDENTITY_ALGORITHM } from '@govhub/shared';
import { startHubGateway, type HubGatewayOptions, type RunningGateway } from '@govhub/gateway';

/** Two hub gateways on the same subgraphs, one per executor: what the differential tests ask side by side. */
export interface GatewayPair {
  stock: RunningGateway;
  lean: RunningGateway;
  /** The supergraph file both follow, when they were started on one. */
  supergraphFile?: string;
  stop(): Promise<void>;
}

export async function startGatewayPair(options: HubGatewayOptions): Promise<GatewayPair> {
  const [stock, lean] = await Promise.all([
    startHubGateway({ ...options, executor: 'stock', port: 0 }),
    startHubGateway({ ...options, executor: 'lean', port: 0 }),
  ]);
  return { stock, lean, stop: async () => void (await Promise.all([stock.stop(), lean.stop()])) };
}

/** A pair on a composed supergraph file, every field PUBLIC, rate limits off, no database: federation fixtures. */
export async function startGatewayPairOnSupergraph(supergraphSdl: string): Promise<GatewayPair> {
  const file = join(mkdtempSync(join(tmpdir(), 'govhub-executor-')), 'supergraph.graphql');
  writeFileSync(file, supergraphSdl);
  const pair = await startGatewayPair({
    supergraphFile: file,
    defaultClassification: 'PUBLIC',
    identityKey: await createSigningKey(FORWARDED_IDENTITY_ALGORITHM),
    logger: createLogger('executor-differential', {}),
    rateLimits: { policies: { agency: null, citizen: null, anonymous: null } },
    limits: { cost: 1_000_000 },
  });
  return { ...pair, supergraphFile: file };
}

/** What two answers are compared on: HTTP status, data, each error's message, path and code, and extensions. */
export interface ComparedAnswer {
  status: number;
  data: unknown;
  errors?: { message: string; path?: readonly (string | number)[]; code?: unknown }[];
  extensions?: unknown;
}

export async function ask(url: string, query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const raw = Buffer.from(await response.arrayBuffer());
  const body = JSON.parse(raw.toString('utf8')) as {
    data?: unknown;
    errors?: { message: string; path?: (string | number)[]; extensions?: { code?: unknown } }[];
    extensions?: unknown;
  };
  const answer: ComparedAnswer = {
    status: response.status,
    data: body.data,
    ...(body.errors ? { errors: body.errors.map(({ message, path, extensions }) => ({ message, path, code: extensions?.code })) } : {}),
    ...(body.extensions ? { extensions: body.extensions } : {}),
  };
  return { answer, raw };
}

/** How many more times both are asked when their answers differ: a subgraph's error order may vary. */
const RETRIES = 6;

/**
 * Asks both gateways the same operation and expects lean's answer to be one that stock gives: the same data, the
 * same bytes, the same errors in the same order. A subgraph that resolves in parallel may order its errors
 * differently from one call to the next (stock against stock differs then too), so when the first answers differ
 * both are asked again, and one of lean's answers must be one of stock's.
 */
export async function expectStockLike(
  pair: Pick<GatewayPair, 'stock' | 'lean'>,
  query: string,
  variables?: Record<string, unknown>,
  headers?: Record<string, string>,
): Promise<ComparedAnswer> {
  const stock = await ask(pair.stock.url, query, variables, headers);
  const lean = await ask(pair.lean.url, query, variables, headers);
  const stockSeen = new Set([JSON.stringify(stock.answer)]);
  const leanSeen = new Map([[JSON.stringify(lean.answer), lean.answer]]);
  const common = () => [...leanSeen.keys()].find((answer) => stockSeen.has(answer));
  for (let retry = 0; !common() && retry < RETRIES; retry++) {
    stockSeen.add(JSON.stringify((await ask(pair.stock.url, query, variables, headers)).answer));
    const again = (await ask(pair.lean.url, query, variables, headers)).answer;
    leanSeen.set(JSON.stringify(again), again);
  }
  const matched = common();
  if (!matched) expect({ query, answer: lean.answer }).toEqual({ query, answer: stock.answer });
  return leanSeen.get(matched as string) as ComparedAnswer;
}
