import { postGraphQL } from '@govhub/shared/dist/testing';
import { startFixtureHub, type FixtureHub } from './fixtures/authz';

/** Apollo Router's switches: reject the whole operation, dry run, errors in extensions, require authentication. */
const hubs: FixtureHub[] = [];
afterAll(() => Promise.all(hubs.map((hub) => hub.stop())));
async function hubWith(auth: Parameters<typeof startFixtureHub>[0] extends infer O ? (O extends { auth?: infer A } ? A : never) : never) {
  const hub = await startFixtureHub({ auth: { keys: null, mode: 'filter', reporting: 'errors', requireAuthentication: false, ...auth } });
  hubs.push(hub);
  return hub;
}

it('reject: refuses the whole operation and lists the denied paths; no subgraph is called', async () => {
  const hub = await hubWith({ mode: 'reject' });
  const response = await postGraphQL(hub.url, '{ users { name email } }');
  expect(response.status).toBe(403);
  expect(response.data).toBeUndefined();
  expect(response.errors).toEqual([
    expect.objectContaining({
      extensions: expect.objectContaining({ code: 'UNAUTHORIZED_FIELD_OR_TYPE', paths: [['users', '@', 'email']] }),
    }),
  ]);
  expect(hub.fetches.accounts).toBe(0);
  const allowed = await postGraphQL(hub.url, '{ users { name } }');
  expect(allowed.errors).toBeUndefined();
});

it('dry run: filters nothing and reports what it would have denied', async () => {
  const hub = await hubWith({ mode: 'dry-run' });
  const response = await postGraphQL(hub.url, '{ users { email } }');
  expect(response.errors).toBeUndefined();
  expect(response.data).toEqual({ users: [{ email: 'somchai@example.test' }, { email: 'malee@example.test' }] });
  expect(response.extensions?.authorization).toEqual({ dryRun: true, denied: [['users', '@', 'email']] });
});

it('extensions: denials go to extensions, so clients that throw on errors do not', async () => {
  const hub = await hubWith({ reporting: 'extensions' });
  const response = await postGraphQL(hub.url, '{ users { name email } }');
  expect(response.errors).toBeUndefined();
  expect(response.data).toEqual({
    users: [
      { name: 'Somchai', email: null },
      { name: 'Malee', email: null },
    ],
  });
  expect(response.extensions?.authorizationErrors).toEqual([
    { message: 'Unauthorized field or type', path: ['users', '@', 'email'], extensions: { code: 'UNAUTHORIZED_FIELD_OR_TYPE' } },
  ]);
});

it('require authentication: an anonymous request is refused outright', async () => {
  const hub = await hubWith({ requireAuthentication: true });
  const anonymous = await postGraphQL(hub.url, '{ users { name } }');
  expect(anonymous.status).toBe(401);
  expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  const signedIn = await postGraphQL(hub.url, '{ users { name } }', {}, { authorization: `Bearer ${await hub.token({ scope: [] })}` });
  expect(signedIn.errors).toBeUndefined();
});
