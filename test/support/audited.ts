import type { TestHub } from './hub';

export interface AuditedAnswer {
  status: number;
  data?: Record<string, any> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  /** The request id the gateway used (echoed in `x-request-id`): its exchange-log entries carry it. */
  requestId: string;
}

export interface LoggedRelease {
  subject: string | null;
  subjectRef: string | null;
  dataset: string;
  basis: string;
  agreementId: string | null;
  fields: string[];
}

/** POSTs to the hub over real HTTP and keeps the request id, to read back exactly this request's log entries. */
export async function askAudited(
  hub: TestHub,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<AuditedAnswer> {
  const response = await fetch(hub.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const requestId = response.headers.get('x-request-id');
  if (!requestId) throw new Error('the gateway echoed no x-request-id');
  return { status: response.status, ...((await response.json()) as object), requestId };
}

/** The exchange-log entries one request wrote. */
export function entriesOf(hub: TestHub, requestId: string): Promise<LoggedRelease[]> {
  return hub.subgraphs.governance.db.query<LoggedRelease>(
    `SELECT subject, subject_ref AS "subjectRef", dataset_id AS dataset, basis, agreement_id AS "agreementId", fields
       FROM governance.exchange_log WHERE request_id = $1 ORDER BY seq`,
    [requestId],
  );
}

export const deniedPaths = (answer: Pick<AuditedAnswer, 'errors'>): (string | number)[][] =>
  (answer.errors ?? []).filter((error) => error.extensions?.code === 'UNAUTHORIZED_FIELD_OR_TYPE').map((error) => error.path ?? []);
