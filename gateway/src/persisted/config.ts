import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { packageDir, projectRoot } from '@govhub/shared';

/** Trusted operations and the clients held to them (README, "Persisted documents"). */
export interface PersistedDocumentsConfig {
  /** Apollo persisted query manifests, trusted together; none: no trusted documents. */
  manifestPaths: readonly string[];
  /** Clients (by `apollographql-client-name`) that may run only the manifest's operations; `*`: every client. */
  safelist: readonly string[] | '*';
}

/** The manifest the hub ships, used when `GOVHUB_PERSISTED_DOCUMENTS` is unset. */
export const SHIPPED_MANIFEST = join(packageDir(__dirname), 'persisted-documents.json');
/** The citizen app's operations, written by `npm run codegen` next to its typed documents. */
export const CITIZEN_APP_MANIFEST = join(projectRoot(), 'web', 'app', 'persisted-documents.json');

/**
 * `GOVHUB_PERSISTED_DOCUMENTS`: manifest paths, comma separated (`off` for none; unset: the hub's and the citizen
 * app's, where they exist);
 * `GOVHUB_SAFELIST_CLIENTS`: client names, comma separated, or `*` (unset: none, anyone may send any operation).
 */
export function persistedDocumentsConfigFromEnv(env: NodeJS.ProcessEnv = process.env): PersistedDocumentsConfig {
  const path = env.GOVHUB_PERSISTED_DOCUMENTS?.trim();
  const safelist = env.GOVHUB_SAFELIST_CLIENTS?.trim() ?? '';
  return {
    manifestPaths:
      path === 'off'
        ? []
        : path
          ? path
              .split(',')
              .map((entry) => entry.trim())
              .filter(Boolean)
          : [SHIPPED_MANIFEST, CITIZEN_APP_MANIFEST].filter((shipped) => existsSync(shipped)),
    safelist:
      safelist === '*'
        ? '*'
        : safelist
            .split(',')
            .map((name) => name.trim())
            .filter(Boolean),
  };
}
