import type { DatasetGrant, ForwardedIdentity } from '@govhub/shared';
import { asGateway, createTestDatabase, postGraphQL, startTestSubgraph, type TestDatabase, type TestSubgraph } from '@govhub/shared/dist/testing';
import { DEFINITIONS } from './support/hub';

/**
 * The subgraphs' own re-check, called directly with restricted identities signed as the gateway would: each branch
 * of the rule (INTERNAL, agreement with and without the field named, SENSITIVE without `sensitive:read`, consent,
 * self, SECRET clearance) refuses what the grant does not cover, even when the gateway would have let it through.
 */
let database: TestDatabase;
const subgraphs: Partial<Record<'citizen' | 'disaster' | 'security', TestSubgraph>> = {};
beforeAll(async () => {
  database = await createTestDatabase('rechecks');
  for (const name of ['citizen', 'disaster', 'security'] as const) subgraphs[name] = await startTestSubgraph(DEFINITIONS[name], database.url);
}, 120_000);
afterAll(async () => {
  await Promise.all(Object.values(subgraphs).map((subgraph) => subgraph?.stop()));
  await database?.drop();
});

const SOMCHAI = '1101700203450';
const BUAKHAM = '5601200333441';

function officer(grants: Record<string, DatasetGrant>, scopes = ['agency', 'personal:read', 'sensitive:read']): ForwardedIdentity {
  return { kind: 'agency', sub: 'officer', agency: 'TESTAGENCY', purpose: 'TESTING', scopes: new Set(scopes), grants };
}

async function ask(name: 'citizen' | 'disaster' | 'security', identity: ForwardedIdentity, query: string, variables: Record<string, unknown> = {}) {
  const subgraph = subgraphs[name] as TestSubgraph;
  return postGraphQL(subgraph.url, query, variables, await asGateway(name, { query, variables }, identity));
}

const denied = (answer: { errors?: { path?: (string | number)[]; extensions?: Record<string, unknown> }[] }) =>
  (answer.errors ?? []).filter((error) => error.extensions?.code === 'UNAUTHORIZED_FIELD_OR_TYPE').map((error) => error.path);

const PERSON = 'query ($id: ID!) { person(nationalId: $id) { firstNameTh lowIncomeRegistration { status } } }';

describe('the subgraph checks each field again', () => {
  it('INTERNAL needs an agency officer', async () => {
    const [{ id }] = await subgraphs.disaster!.db.query<{ id: string }>('SELECT id FROM disaster_event ORDER BY id LIMIT 1');
    const query = 'query ($id: ID!) { disasterEvent(id: $id) { id deployments { id } } }';
    expect(denied(await ask('disaster', officer({}, ['agency']), query, { id }))).toEqual([]);
    const user: ForwardedIdentity = { kind: 'user', sub: 'someone', agency: null, purpose: null, scopes: new Set(['agency']), grants: {} };
    expect(denied(await ask('disaster', user, query, { id }))).toEqual([['disasterEvent', 'deployments']]);
  });

  it('an agreement releases its dataset, not another one, and a SENSITIVE field only when it names it', async () => {
    const registryOnly = officer({ 'dopa.civil-registry': { sensitive: true, agreement: { id: 'A', fields: null } } });
    const answer = await ask('citizen', registryOnly, PERSON, { id: SOMCHAI });
    expect(answer.data?.person.firstNameTh).toBe('สมชาย');
    expect(denied(answer)).toEqual([['person', 'lowIncomeRegistration']]);

    const parentOnly = officer({
      'dopa.civil-registry': { sensitive: true, agreement: { id: 'A', fields: null } },
      'cgd.low-income-register': { sensitive: true, agreement: { id: 'B', fields: ['Person.lowIncomeRegistration'] } },
    });
    expect(denied(await ask('citizen', parentOnly, PERSON, { id: SOMCHAI }))).toEqual([['person', 'lowIncomeRegistration', 'status']]);

    const named = { sensitive: true as const, agreement: { id: 'B', fields: ['Person.lowIncomeRegistration', 'LowIncomeRegistration.*'] } };
    const full = await ask(
      'citizen',
      officer({ 'dopa.civil-registry': { agreement: { id: 'A', fields: null } }, 'cgd.low-income-register': named }),
      PERSON,
      { id: SOMCHAI },
    );
    expect(denied(full)).toEqual([]);
    expect(full.data?.person.lowIncomeRegistration).toEqual({ status: expect.any(String) });
  });

  it('SENSITIVE needs sensitive:read even when the agreement names the field', async () => {
    const { sensitive: _dropped, ...withoutSensitive } = {
      sensitive: true,
      agreement: { id: 'B', fields: ['Person.lowIncomeRegistration', 'LowIncomeRegistration.*'] },
    };
    const answer = await ask(
      'citizen',
      officer({ 'dopa.civil-registry': { agreement: { id: 'A', fields: null } }, 'cgd.low-income-register': withoutSensitive }),
      PERSON,
      { id: SOMCHAI },
    );
    expect(denied(answer)).toEqual([['person', 'lowIncomeRegistration']]);
  });

  it('consent releases the citizens it names, nobody else', async () => {
    const consented = officer({ 'dopa.civil-registry': { consent: { subjects: new Set([BUAKHAM]) } } });
    const query = 'query ($id: ID!) { person(nationalId: $id) { firstNameTh } }';
    expect((await ask('citizen', consented, query, { id: BUAKHAM })).data?.person).toEqual({ firstNameTh: 'บัวคำ' });
    const other = await ask('citizen', consented, query, { id: SOMCHAI });
    expect(other.data?.person ?? null).toBeNull();
    expect(denied(other).length).toBeGreaterThan(0);
  });

  it("self releases the caller's own record only", async () => {
    const self: ForwardedIdentity = {
      kind: 'citizen',
      sub: SOMCHAI,
      agency: null,
      purpose: null,
      scopes: new Set(['citizen:self']),
      grants: { 'dopa.civil-registry': { sensitive: true, self: { subject: SOMCHAI } } },
    };
    const query = 'query ($id: ID!) { person(nationalId: $id) { firstNameTh } }';
    expect((await ask('citizen', self, query, { id: SOMCHAI })).data?.person).toEqual({ firstNameTh: 'สมชาย' });
    expect((await ask('citizen', self, query, { id: BUAKHAM })).data?.person ?? null).toBeNull();
  });

  it('a list of victims is judged victim by victim', async () => {
    const [{ eventId, ids }] = await subgraphs.disaster!.db.query<{ eventId: string; ids: string[] }>(
      'SELECT event_id AS "eventId", array_agg(national_id ORDER BY id) AS ids FROM victim GROUP BY event_id HAVING count(*) >= 2 ORDER BY event_id LIMIT 1',
    );
    const query = 'query ($id: ID!) { disasterEvent(id: $id) { victims(first: 100) { nationalId registeredOn } } }';
    const oneVictim = officer({ 'ddpm.disaster-victims': { consent: { subjects: new Set([ids[0]]) } } });
    const answer = await ask('disaster', oneVictim, query, { id: eventId });
    // a refused victim is a non-null item: the refusal is at its index and nothing of the list leaves
    expect(denied(answer)[0]).toEqual(['disasterEvent', 'victims', expect.any(Number)]);
    expect(JSON.stringify(answer.data)).not.toContain(ids[1]);
    const all = officer({ 'ddpm.disaster-victims': { agreement: { id: 'A', fields: null } } });
    expect((await ask('disaster', all, query, { id: eventId })).data?.disasterEvent.victims).toHaveLength(ids.length);
  });

  it('SECRET needs clearance; an agreement or scopes alone are not enough', async () => {
    const [{ nationalId }] = await subgraphs.security!.db.query<{ nationalId: string }>(
      'SELECT national_id AS "nationalId" FROM identity_record ORDER BY national_id LIMIT 1',
    );
    const query = 'query ($id: ID!) { identityRecord(nationalId: $id) { enrolledOn } }';
    const scopes = ['agency', 'personal:read', 'sensitive:read', 'security:need-to-know'];
    const cleared = await ask('security', officer({ 'nsc.national-identity': { clearance: { agreementId: 'S' } } }, scopes), query, {
      id: nationalId,
    });
    expect(cleared.data?.identityRecord).toEqual({ enrolledOn: expect.any(String) });
    for (const grant of [{ agreement: { id: 'A', fields: null } }, { sensitive: true as const, self: { subject: nationalId } }, {}]) {
      const refused = await ask('security', officer({ 'nsc.national-identity': grant }, scopes), query, { id: nationalId });
      expect(refused.data?.identityRecord ?? null).toBeNull();
      expect(denied(refused)).toEqual([['identityRecord']]);
    }
  });
});
