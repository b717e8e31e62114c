import {
  buildSchema,
  getNamedType,
  Kind,
  parse,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import { DOMAIN_NAMES, fieldClassification, namesField, readSubgraphSdl, type Classification } from '@govhub/shared';
import { CALLERS, DEFINITIONS, startTestHub, type TestHub } from './support/hub';
import { askAudited, entriesOf, type LoggedRelease } from './support/audited';
import { overrideEnv } from './support/env';

/**
 * The release oracle: operations generated over the schema's entry points, asked by every demo caller. Every value
 * of PERSONAL or higher data that comes back must be one the governance rules allow this caller for the person it
 * is about (judged here from the governance tables, independently of the gateway's code), and must have an
 * exchange-log entry of this very request for that person, dataset and field.
 */
let hub: TestHub;
let schema: GraphQLSchema;
const classifications = new Map<string, { level: Classification; dataset: string | null }>();
let restoreEnv: () => void = () => undefined;

beforeAll(async () => {
  restoreEnv = overrideEnv({ GOVHUB_LIMIT_COST: '1000000', GOVHUB_LIMIT_FIELDS: '5000', GOVHUB_LIMIT_ALIASES: '1000' });
  hub = await startTestHub();
  schema = buildSchema(await (await fetch(hub.url.replace(/\/graphql$/, '/schema.graphql'))).text());
  for (const name of DOMAIN_NAMES) {
    for (const definition of parse(readSubgraphSdl(DEFINITIONS[name])).definitions) {
      if ((definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) || !definition.fields) continue;
      for (const field of definition.fields) {
        const classification = fieldClassification(field);
        if (classification) classifications.set(`${definition.name.value}.${field.name.value}`, classification);
      }
    }
  }
}, 120_000);
afterAll(async () => {
  await hub?.stop();
  restoreEnv();
});

const SOMCHAI = '1101700203450';
const BUAKHAM = '5601200333441';
const SURAT = '8410100555669';

interface OracleCaller {
  name: string;
  token: null | { sub: string; agency?: string; purpose?: string; scope: readonly string[] };
}

const CALLER_LIST: OracleCaller[] = [
  { name: 'anonymous', token: null },
  { name: 'citizen Somchai', token: CALLERS.citizen(SOMCHAI) },
  { name: 'citizen Surat', token: CALLERS.citizen(SURAT) },
  { name: 'DOPA welfare', token: CALLERS.dopaWelfare },
  { name: 'TAT, no agreement', token: CALLERS.tatNoAgreement },
  { name: 'NSC security', token: CALLERS.nscSecurity },
  { name: 'ISOC security', token: { agency: 'ISOC', sub: 'isoc-officer', purpose: 'NATIONAL_SECURITY', scope: ['agency', 'security:need-to-know'] } },
];

/** Every field below an entry point, to this depth: leaves, and objects without required arguments. */
function selectionOf(type: GraphQLNamedType, depth: number): string {
  if (!isObjectType(type)) return '__typename';
  const parts: string[] = [];
  for (const field of Object.values(type.getFields())) {
    if (field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined)) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) parts.push(field.name);
    else if (depth > 0) parts.push(`${field.name} { ${selectionOf(named, depth - 1)} }`);
  }
  return parts.join(' ');
}

interface Entry {
  name: string;
  root: string;
  args: string;
  subject: string | null;
}

async function entryPoints(): Promise<Entry[]> {
  const [{ houseId }] = await hub.subgraphs.citizen.db.query<{ houseId: string }>(
    'SELECT house_id AS "houseId" FROM person GROUP BY house_id HAVING count(*) >= 3 ORDER BY house_id LIMIT 1',
  );
  const [{ juristicId }] = await hub.subgraphs.business.db.query<{ juristicId: string }>(
    'SELECT juristic_id AS "juristicId" FROM director WHERE national_id = $1 ORDER BY juristic_id LIMIT 1',
    [SOMCHAI],
  );
  const [{ eventId }] = await hub.subgraphs.disaster.db.query<{ eventId: string }>(
    'SELECT event_id AS "eventId" FROM victim GROUP BY event_id ORDER BY count(*) DESC, event_id LIMIT 1',
  );
  const [{ identity }] = await hub.subgraphs.security.db.query<{ identity: string }>(
    'SELECT national_id AS identity FROM identity_record ORDER BY national_id LIMIT 1',
  );
  return [
    { name: 'me', root: 'me', args: '', subject: null },
    ...[SOMCHAI, BUAKHAM, SURAT].map((id) => ({ name: `person ${id}`, root: 'person', args: `(nationalId: "${id}")`, subject: id })),
    { name: 'house', root: 'house', args: `(houseId: "${houseId}")`, subject: null },
    { name: 'business', root: 'business', args: `(juristicId: "${juristicId}")`, subject: null },
    { name: 'disaster event', root: 'disasterEvent', args: `(id: "${eventId}")`, subject: null },
    { name: 'victim records', root: 'disasterVictimRecords', args: `(nationalId: "${SURAT}")`, subject: SURAT },
    { name: 'identity record', root: 'identityRecord', args: `(nationalId: "${identity}")`, subject: identity },
    { name: 'security incidents', root: 'securityIncidents', args: '(first: 2)', subject: null },
    { name: 'citizen tips', root: 'citizenTips', args: '(first: 2)', subject: null },
  ];
}

/** The rules, read from the governance tables by this test itself. */
interface Governance {
  agreements: { consumer: string; dataset: string; purpose: string; fields: string[] | null; id: string }[];
  consents: Set<string>;
}

async function governance(): Promise<Governance> {
  const db = hub.subgraphs.governance.db;
  const agreements = await db.query<Governance['agreements'][number]>(
    `SELECT a.id, a.consumer_code AS consumer, d.dataset_id AS dataset, p.purpose_code AS purpose, d.fields
       FROM governance.agreement a JOIN governance.agreement_dataset d ON d.agreement_id = a.id
       JOIN governance.agreement_purpose p ON p.agreement_id = a.id
      WHERE coalesce(a.signed_on, a.approved_on) <= (now() AT TIME ZONE 'Asia/Bangkok')::date
        AND (a.valid_until IS NULL OR a.valid_until >= (now() AT TIME ZONE 'Asia/Bangkok')::date)`,
  );
  const consents = await db.query<{ key: string }>(
    `SELECT subject || '|' || consumer_code || '|' || dataset_id || '|' || purpose_code AS key FROM governance.consent WHERE revoked_at IS NULL`,
  );
  return { agreements, consents: new Set(consents.map((row) => row.key)) };
}

function allowed(
  caller: OracleCaller,
  rules: Governance,
  level: Classification,
  dataset: string | null,
  coordinate: string,
  subject: string | null,
): boolean {
  const token = caller.token;
  if (!token || !dataset) return false;
  const scopes = new Set(token.scope);
  if (scopes.has('citizen:self')) return level !== 'SECRET' && subject === token.sub;
  const agreement = (fields?: (fields: string[] | null) => boolean) =>
    rules.agreements.some(
      (row) => row.consumer === token.agency && row.dataset === dataset && row.purpose === token.purpose && (!fields || fields(row.fields)),
    );
  if (level === 'SECRET') return scopes.has('security:need-to-know') && agreement();
  if (!scopes.has('personal:read') || subject === null) return false;
  if (level === 'SENSITIVE' && !scopes.has('sensitive:read')) return false;
  const consented = rules.consents.has(`${subject}|${token.agency}|${dataset}|${token.purpose}`);
  return consented || (level === 'PERSONAL' ? agreement() : agreement((fields) => namesField(fields, coordinate)));
}

interface Seen {
  coordinate: string;
  level: Classification;
  dataset: string | null;
  subject: string | null;
  path: string;
}

/** Every non-null value of PERSONAL or higher data in an answer, with the person it is about. */
function personalValues(
  value: unknown,
  type: GraphQLOutputType,
  subject: string | null,
  path: string,
  seen: Seen[],
  coordinate: string | null,
): void {
  if (value === null || value === undefined) return;
  const nullable = isNonNullType(type) ? type.ofType : type;
  if (isListType(nullable)) {
    (value as unknown[]).forEach((item, index) => personalValues(item, nullable.ofType, subject, `${path}.${index}`, seen, coordinate));
    return;
  }
  const named = getNamedType(type);
  const record = isObjectType(named) ? (value as Record<string, unknown>) : null;
  const about =
    record && 'nationalId' in (named as GraphQLObjectType).getFields() && typeof record.nationalId === 'string' ? record.nationalId : subject;
  const classification = coordinate ? classifications.get(coordinate) : undefined;
  if (coordinate && classification && ['PERSONAL', 'SENSITIVE', 'SECRET'].includes(classification.level)) {
    seen.push({ coordinate, ...classification, subject: about, path });
  }
  if (!record) return;
  for (const [key, child] of Object.entries(record)) {
    const field = (named as GraphQLObjectType).getFields()[key];
    if (field) personalValues(child, field.type, about, `${path}.${key}`, seen, `${named.name}.${key}`);
  }
}

describe('the release oracle', () => {
  it('every personal value released is allowed for its own subject and logged for that subject by this request', async () => {
    const rules = await governance();
    const points = await entryPoints();
    let released = 0;
    let asked = 0;
    const problems: string[] = [];
    for (const caller of CALLER_LIST) {
      const headers = caller.token ? await hub.as(caller.token) : {};
      for (const point of points) {
        const field = schema.getQueryType()?.getFields()[point.root];
        if (!field) throw new Error(`no Query.${point.root}`);
        const query = `{ ${point.root}${point.args} { ${selectionOf(getNamedType(field.type), 2)} } }`;
        const answer = await askAudited(hub, query, {}, headers);
        asked++;
        expect(answer.status).toBeLessThan(500);
        expect(
          (answer.errors ?? []).filter((error) =>
            ['GRAPHQL_VALIDATION_FAILED', 'OPERATION_TOO_COSTLY', 'INTERNAL_SERVER_ERROR'].includes(String(error.extensions?.code)),
          ),
        ).toEqual([]);
        const seen: Seen[] = [];
        const subject = point.root === 'me' && caller.token?.scope.includes('citizen:self') ? caller.token.sub : point.subject;
        personalValues(answer.data?.[point.root], field.type, subject, point.root, seen, `Query.${point.root}`);
        const entries = seen.length > 0 ? await entriesOf(hub, answer.requestId) : [];
        for (const value of seen) {
          released++;
          if (!allowed(caller, rules, value.level, value.dataset, value.coordinate, value.subject)) {
            problems.push(`${caller.name} / ${point.name}: ${value.coordinate} at ${value.path} about ${value.subject} was released`);
          }
          if (!entries.some((entry) => logs(entry, value))) {
            problems.push(`${caller.name} / ${point.name}: ${value.coordinate} at ${value.path} about ${value.subject} has no log entry`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
    expect(asked).toBe(CALLER_LIST.length * points.length);
    // the oracle saw real releases (not a vacuous pass): citizens, DOPA and the security agencies each read something
    expect(released).toBeGreaterThan(100);
  }, 120_000);
});

function logs(entry: LoggedRelease, value: Seen): boolean {
  const subjectMatches = value.subject === null ? entry.subject === null && entry.subjectRef !== null : entry.subject === value.subject;
  return subjectMatches && entry.dataset === (value.dataset ?? value.coordinate) && entry.fields.includes(value.coordinate);
}
