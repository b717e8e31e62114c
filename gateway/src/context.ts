import type { DatasetGrant, Identity, Logger } from '@govhub/shared';

/** What the gateway knows about one request. */
export interface HubContext {
  requestId: string;
  logger: Logger;
  /** Who is asking, from a verified token (anonymous without one). */
  identity: Identity;
  /** Per dataset, why personal data may be released to this caller (set by the authorization plugin). */
  grants: Record<string, DatasetGrant>;
  /** When this request's subgraph calls must be over (epoch ms; `GOVHUB_REQUEST_DEADLINE_MS` after it started). */
  deadline: number;
}
