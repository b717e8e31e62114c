import type { Logger } from '@govhub/shared';

/** What the gateway knows about one request. */
export interface HubContext {
  requestId: string;
  logger: Logger;
}
