import { createLogger, Database, personAt } from '@govhub/shared';
import type { BenchHubReady } from './hub';

/**
 * The hub's own workloads, a third of the requests each: an agency reading personal records (released under its
 * agreements and written to the exchange log), a province dashboard across six domains (public, no token), and a
 * citizen reading their own record (`me`, released to themself and logged too).
 */
export type Workload = 'agency' | 'dashboard' | 'citizen';
export const WORKLOADS: readonly Workload[] = ['agency', 'dashboard', 'citizen'];

const PERSON = `query Welfare($id: ID!) { person(nationalId: $id) { firstNameTh lastNameTh
  address { province { code nameTh } } lowIncomeRegistration { status } healthCoverage { scheme } } }`;
const DASHBOARD = `query Dashboard($code: ID!) { province(code: $code) { nameTh population
  waterSituation { floodStatus } activeWarnings { hazard severity } businessCount
  tourismStatistics { period arrivals } } }`;
const ME = '{ me { nationalId firstNameTh lastNameTh lowIncomeRegistration { status } } }';

export interface HubRequest {
  workload: Workload;
  body: string;
  authorization: string | null;
}

/** The n-th request of the mix. */
export function hubRequest(n: number, ready: BenchHubReady): HubRequest {
  const person = personAt(n % ready.people);
  const workload = WORKLOADS[n % WORKLOADS.length];
  if (workload === 'agency') {
    return { workload, body: JSON.stringify({ query: PERSON, variables: { id: person.nationalId } }), authorization: `Bearer ${ready.token}` };
  }
  if (workload === 'dashboard')
    return { workload, body: JSON.stringify({ query: DASHBOARD, variables: { code: person.provinceCode } }), authorization: null };
  return { workload, body: JSON.stringify({ query: ME }), authorization: `Bearer ${ready.citizenTokens[n % ready.citizenTokens.length]}` };
}

/** Rows in the exchange log so far (both gateways share the database; only the enforced one writes). */
export class ExchangeLogCounter {
  private readonly db: Database;

  constructor(databaseUrl: string) {
    this.db = new Database({ url: databaseUrl, schema: 'governance', logger: createLogger('bench', {}), maxConnections: 1 });
  }

  async count(): Promise<number> {
    const [row] = await this.db.query<{ entries: number }>('SELECT count(*)::int AS entries FROM governance.exchange_log');
    return row.entries;
  }

  close(): Promise<void> {
    return this.db.close();
  }
}

interface Answer {
  data?: { person?: Record<string, unknown> | null } | null;
  errors?: { extensions?: { code?: string } }[];
}

async function post(url: string, body: string, authorization: string): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body });
  return (await response.json()) as Answer;
}

/**
 * What enforcement must have done, checked on the enforced gateway before anything is measured: an agency
 * without an agreement gets nulls and UNAUTHORIZED_FIELD_OR_TYPE for the personal fields and nothing is logged
 * for it; the agency with one gets the record and at least one exchange-log entry. Returns what failed.
 */
export async function enforcementFailures(ready: BenchHubReady, log: ExchangeLogCounter): Promise<string[]> {
  const failures: string[] = [];
  const request = hubRequest(0, ready);
  const before = await log.count();
  const denied = await post(ready.enforced, request.body, `Bearer ${ready.noAgreementToken}`);
  if (denied.data?.person?.firstNameTh !== null && denied.data?.person !== null) failures.push('an agency without agreement was given firstNameTh');
  if (!denied.errors?.some((error) => error.extensions?.code === 'UNAUTHORIZED_FIELD_OR_TYPE')) {
    failures.push('an agency without agreement got no UNAUTHORIZED_FIELD_OR_TYPE error');
  }
  const afterDenied = await log.count();
  if (afterDenied !== before) failures.push(`${afterDenied - before} exchange-log entries written for a denied request`);
  const released = await post(ready.enforced, request.body, request.authorization as string);
  if (typeof released.data?.person?.firstNameTh !== 'string') failures.push('the agency with an agreement was not given firstNameTh');
  if ((await log.count()) <= afterDenied) failures.push('a release of personal data wrote no exchange-log entry');
  return failures;
}
