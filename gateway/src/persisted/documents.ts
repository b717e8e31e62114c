import type { PersistedOperation, PersistedQueryManifest } from '@govhub/shared';

/** The prefix the GraphQL-over-HTTP persisted documents proposal gives ids that are a body's SHA-256. */
const SHA256_PREFIX = 'sha256:';

/** A manifest's operations, by id and by body. */
export class TrustedDocuments {
  private readonly byId: ReadonlyMap<string, PersistedOperation>;
  private readonly bodies: ReadonlySet<string>;

  constructor(manifest: PersistedQueryManifest | null) {
    const operations = manifest?.operations ?? [];
    this.byId = new Map(operations.map((operation) => [operation.id, operation]));
    this.bodies = new Set(operations.map((operation) => operation.body));
  }

  /** The operation with this id, given bare or as `sha256:<hex>`. */
  find(id: string): PersistedOperation | undefined {
    return this.byId.get(id) ?? (id.startsWith(SHA256_PREFIX) ? this.byId.get(id.slice(SHA256_PREFIX.length)) : undefined);
  }

  /** Whether this exact text is one of the trusted operations' bodies. */
  includesBody(query: string): boolean {
    return this.bodies.has(query);
  }
}
