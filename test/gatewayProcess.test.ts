import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kind, parse } from 'graphql';
import { loadOrCreateSigningKey } from '@govhub/shared';
import { postGraphQL } from '@govhub/shared/dist/testing';
import { mintToken } from '@govhub/gateway';
import { startForeignSubgraphs, type ForeignSubgraphs } from './support/foreignSubgraphs';
import { startGatewayChild, type GatewayChild } from './support/gatewayChild';
import { until } from './support/until';

/**
 * `govhub gateway --supergraph FILE`: the gateway as its own process on another organisation's supergraph (no
 * `@classified` anywhere), without a database, following the file as it changes.
 */
let dir: string;
let subgraphs: ForeignSubgraphs;
let supergraphFile: string;
const children: GatewayChild[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'govhub-gateway-'));
  await chmod(dir, 0o755);
  subgraphs = await startForeignSubgraphs();
  supergraphFile = join(dir, 'supergraph.graphql');
  await writeFile(supergraphFile, subgraphs.supergraphOf());
});
afterEach(async () => {
  await Promise.all(children.splice(0).map((child) => child.kill()));
});
afterAll(async () => {
  await subgraphs?.stop();
  await rm(dir, { recursive: true, force: true });
});

const gatewayOn = (...args: string[]): GatewayChild => {
  const child = startGatewayChild(['--supergraph', supergraphFile, '--port', '0', ...args], { GOVHUB_DATA_DIR: join(dir, 'data') });
  children.push(child);
  return child;
};

/** A token the running gateway accepts: signed with the development key it keeps in its data directory. */
const bearer = async (scope: string[] = []) => {
  const key = await loadOrCreateSigningKey(join(dir, 'data', 'keys', 'dev-signing.jwk.json'));
  return { authorization: `Bearer ${await mintToken(key, { sub: 'partner-user-1', scope })}` };
};

const readiness = async (graphqlUrl: string) => (await fetch(graphqlUrl.replace(/\/graphql$/, '/readyz'))).json() as Promise<Record<string, any>>;

it('refuses a supergraph with unclassified fields, naming the first, without --default-classification', async () => {
  const firstObject = parse(subgraphs.supergraphOf()).definitions.find((definition) => definition.kind === Kind.OBJECT_TYPE_DEFINITION);
  const first = firstObject?.kind === Kind.OBJECT_TYPE_DEFINITION ? `${firstObject.name.value}.${firstObject.fields?.[0].name.value}` : '';
  const child = gatewayOn();
  let timer: NodeJS.Timeout | undefined;
  const code = await Promise.race([child.exited, new Promise((resolve) => (timer = setTimeout(() => resolve('still running'), 20_000)))]);
  clearTimeout(timer);
  expect(code).not.toBe(0);
  expect(code).not.toBe('still running');
  expect(child.output()).toContain(`${first} has no @classified`);
  expect(child.output()).toContain('--default-classification');
}, 30_000);

it('with --default-classification PUBLIC, answers across subgraphs and enforces @authenticated and @requiresScopes, with no database', async () => {
  const url = await gatewayOn('--default-classification', 'PUBLIC').listening;

  const crossSubgraph = await postGraphQL(url, '{ topReviews { body author { name } } }');
  expect(crossSubgraph.errors).toBeUndefined();
  expect(crossSubgraph.data).toEqual({ topReviews: [{ body: 'Quick and clear', author: { name: 'Somchai' } }] });

  const anonymousEmail = await postGraphQL(url, '{ users { name email } }');
  expect(anonymousEmail.data).toEqual({ users: [{ name: 'Somchai', email: null }] });
  expect(anonymousEmail.errors?.[0].extensions?.code).toBe('UNAUTHORIZED_FIELD_OR_TYPE');
  const signedInEmail = await postGraphQL(url, '{ users { email } }', undefined, await bearer());
  expect(signedInEmail.errors).toBeUndefined();
  expect(signedInEmail.data).toEqual({ users: [{ email: 'somchai@example.org' }] });

  const withoutScope = await postGraphQL(url, '{ topReviews { body stars } }', undefined, await bearer(['reviews:read']));
  expect(withoutScope.data).toEqual({ topReviews: [{ body: 'Quick and clear', stars: null }] });
  expect(withoutScope.errors?.[0].extensions?.code).toBe('UNAUTHORIZED_FIELD_OR_TYPE');
  const withScope = await postGraphQL(url, '{ topReviews { stars } }', undefined, await bearer(['reviews:stars']));
  expect(withScope.errors).toBeUndefined();
  expect(withScope.data).toEqual({ topReviews: [{ stars: 5 }] });

  const ready = await readiness(url);
  expect(ready.status).toBe('ready');
  expect(ready.checks).toEqual({ supergraph: true });
  expect(ready.database).toMatch(/^none: no sharing agreements/);
  expect(ready.supergraph).toMatchObject({ file: supergraphFile, lastError: null });
}, 60_000);

it('with --default-classification PERSONAL and no database, releases no personal field, even to a signed-in caller', async () => {
  const url = await gatewayOn('--default-classification', 'PERSONAL').listening;
  const answer = await postGraphQL(url, '{ topReviews { body author { name } } }', undefined, await bearer(['personal:read']));
  expect(answer.data).toBeNull();
  expect(answer.errors?.map((error) => error.extensions?.code)).toContain('UNAUTHORIZED_FIELD_OR_TYPE');
}, 60_000);

it('serves a rewritten supergraph without a restart, and keeps the last good one when a rewrite is broken', async () => {
  await writeFile(supergraphFile, subgraphs.supergraphOf());
  const url = await gatewayOn('--default-classification', 'PUBLIC').listening;
  const nickname = () => postGraphQL(url, '{ users { nickname } }');
  expect((await nickname()).errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

  const rewritten = Date.now();
  await writeFile(supergraphFile, subgraphs.supergraphOf({ withNickname: true }));
  await until(async () => ((await nickname()).data?.users?.[0]?.nickname === 'Chai' ? true : undefined), 3_000);
  expect(Date.now() - rewritten).toBeLessThan(3_000);

  await writeFile(supergraphFile, 'this is not a supergraph {');
  const report = await until(async () => (await readiness(url)).supergraph?.lastError ?? undefined, 3_000);
  expect(report).toMatch(/Syntax Error/);
  const ready = await readiness(url);
  expect(ready.status).toBe('ready');
  expect((await nickname()).data).toEqual({ users: [{ nickname: 'Chai' }] });
}, 60_000);
