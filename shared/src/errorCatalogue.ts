import { GraphQLError } from 'graphql';

/** One client-facing error code: its HTTP status, what it means, and whether production shows its message. */
export interface CatalogueEntry {
  status: number;
  meaning: string;
  /** Client errors keep their message in production; others become "internal error" naming only the domain. */
  shownInProduction: boolean;
  /** A mistake or refusal the client can act on: never carries a stack trace, in any mode. */
  client: boolean;
}

const client = (status: number, meaning: string): CatalogueEntry => ({ status, meaning, shownInProduction: true, client: true });

/**
 * Every code the hub puts in `extensions.code`, in one place: masking, stack traces and `docs/errors.md` are derived
 * from it, so a new code is either here or treated as internal.
 */
export const ERROR_CATALOGUE = {
  GRAPHQL_PARSE_FAILED: client(400, 'The document is not valid GraphQL syntax.'),
  GRAPHQL_VALIDATION_FAILED: client(400, 'The operation does not validate against the schema (unknown field, wrong argument type, ...).'),
  BAD_USER_INPUT: client(
    400,
    'An argument or variable is invalid; `reason` names the rule (NATIONAL_ID_CHECK_DIGIT, NUL_CHARACTER, PAGE_SIZE, ...).',
  ),
  BAD_REQUEST: client(400, 'The HTTP request is not a GraphQL request (no query, a body that is not an object, bad Content-Length).'),
  OPERATION_RESOLUTION_FAILURE: client(400, 'The operation to run cannot be chosen: unknown `operationName`, or several operations and none named.'),
  MALFORMED_JSON: client(400, 'The request body is not valid JSON, or is empty.'),
  UNSUPPORTED_MEDIA_TYPE: client(415, 'The request body is not `application/json`.'),
  BAD_REQUEST_TARGET: client(400, 'The request target is not in canonical form (percent-encoded path, `//`, `.` segments, absolute form, ...).'),
  REPEATED_PARAMETER: client(400, 'A GET request repeats `query`, `operationName`, `variables`, `extensions` or `documentId`.'),
  NOT_FOUND: client(404, 'No route answers this path.'),
  PERSISTED_QUERY_NOT_FOUND: client(200, 'Automatic persisted query: the hash is not registered yet; send the query with it once.'),
  PERSISTED_QUERY_NOT_SUPPORTED: client(400, 'Automatic persisted queries are off.'),
  PERSISTED_DOCUMENT_NOT_FOUND: client(400, 'No trusted document has this `documentId`.'),
  OPERATION_NOT_IN_SAFELIST: client(403, 'This client may only send trusted documents, and this one is not.'),
  UNAUTHENTICATED: client(401, 'The token is missing where one is required, or it is invalid (signature, `alg`, expiry, issuer, audience, key).'),
  FORBIDDEN: client(403, "The caller may not perform this action (publishing another agency's subgraph, a development route off loopback, ...)."),
  LOOPBACK_ONLY: client(403, 'A development route answers only a loopback peer addressing the hub as localhost.'),
  UNAUTHORIZED_FIELD_OR_TYPE: client(
    200,
    'This field or type is not released to this caller; it is null and the rest of the data comes back (403 when the hub rejects whole operations).',
  ),
  RATE_LIMITED: client(429, "The caller's rate limit is spent; retry after `Retry-After` seconds."),
  PAYLOAD_TOO_LARGE: client(413, 'The request body is over the limit.'),
  DOCUMENT_TOO_LARGE: client(400, 'The document has more characters, or deeper brackets, than the limit.'),
  OPERATION_TOO_DEEP: client(400, 'The operation nests deeper than the limit (through fragments too).'),
  TOO_MANY_ALIASES: client(400, 'The operation has more aliases than the limit.'),
  TOO_MANY_ROOT_FIELDS: client(400, 'The operation has more root fields than the limit.'),
  TOO_MANY_DIRECTIVES: client(400, 'A field carries more directives than the limit.'),
  TOO_MANY_FIELDS: client(400, 'The operation selects more fields than the limit.'),
  OPERATION_TOO_COSTLY: client(400, "The operation's estimated cost is over the limit (`extensions.cost` on every answer shows it)."),
  BATCH_TOO_LARGE: client(400, 'A batch has more operations than the limit, or batching is off.'),
  SUBGRAPH_UNAVAILABLE: client(200, "A domain's subgraph could not be reached (or its circuit is open): its part is null, `domain` names it."),
  SUBGRAPH_TIMEOUT: client(200, "A domain's subgraph did not answer in time: its part is null, `domain` names it."),
  SUBGRAPH_BAD_RESPONSE: client(200, "A domain's subgraph answered something that is not GraphQL (or a redirect): its part is null."),
  EXCHANGE_LOG_UNAVAILABLE: client(503, 'The exchange log could not be written, so no personal data was released.'),
  NOT_READY: client(503, 'The hub is starting or cannot reach its supergraph or database (`/readyz`).'),
  INTERNAL_SERVER_ERROR: {
    status: 500,
    meaning: 'Anything else: a fault of the hub or of a subgraph; production shows only the domain.',
    shownInProduction: false,
    client: false,
  },
} as const satisfies Record<string, CatalogueEntry>;

export type CatalogueCode = keyof typeof ERROR_CATALOGUE;

export function catalogueEntry(code: unknown): CatalogueEntry | undefined {
  return typeof code === 'string' && Object.hasOwn(ERROR_CATALOGUE, code) ? ERROR_CATALOGUE[code as CatalogueCode] : undefined;
}

/** An error about one field, from a resolver: GraphQL answers it beside the other fields (HTTP 200). */
export function fieldError(code: CatalogueCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extensions } });
}

/** An error that refuses the whole request, with the code's HTTP status from the catalogue unless `http` says otherwise. */
export function requestError(code: CatalogueCode, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: ERROR_CATALOGUE[code].status }, ...extensions } });
}
