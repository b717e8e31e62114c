import DataLoader from 'dataloader';
import { defaultFieldResolver, GraphQLError, isObjectType, Kind, type GraphQLFieldResolver, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { Scope } from '../auth/identity';
import type { ForwardedIdentity } from '../auth/forwarded';
import type { Queryable } from '../db/database';
import { fieldClassification, type Classification } from '../federation/classification';

/**
 * Row-level rules, checked again in the subgraph that holds the row (DOMAIN.md section 5: "the router checks it,
 * and the subgraph checks it again"). The gateway decided what the caller may see and why (its grants); only
 * here is the row known: a citizen reads only their own record, and consent covers only the citizens who gave it.
 */
export class SubjectAccess {
  private readonly consents: DataLoader<string, boolean>;

  constructor(
    readonly identity: ForwardedIdentity,
    db: Queryable,
  ) {
    // One statement per batch of subjects: consents of this consumer and purpose, not revoked.
    this.consents = new DataLoader(async (keys) => {
      const rows = await db.query<{ key: string }>(
        `SELECT subject || '|' || dataset_id AS key FROM governance.consent
          WHERE consumer_code = $1 AND purpose_code = $2 AND revoked_at IS NULL AND subject || '|' || dataset_id = ANY($3)`,
        [identity.agency, identity.purpose, keys],
      );
      const granted = new Set(rows.map((row) => row.key));
      return keys.map((key) => granted.has(key));
    });
  }

  /** Whether this caller may read a field of this level and dataset about this subject (a national ID, or unknown). */
  allows(level: Classification, dataset: string | null, subject: string | null): boolean | Promise<boolean> {
    const { identity } = this;
    switch (level) {
      case 'PUBLIC':
        return true;
      case 'INTERNAL':
        return identity.kind === 'agency' && identity.scopes.has(Scope.AGENCY);
      case 'SECRET':
        return dataset !== null && identity.grants[dataset]?.basis === 'clearance';
      case 'PERSONAL':
      case 'SENSITIVE': {
        const grant = dataset ? identity.grants[dataset] : undefined;
        if (!grant) return false;
        if (grant.basis === 'agreement') return true;
        if (grant.basis === 'self') return subject !== null && subject === identity.sub;
        if (grant.basis === 'consent') return subject !== null && this.consents.load(`${subject}|${dataset}`);
        return false;
      }
    }
  }
}

/** What a subgraph's context must provide for row-level checks. */
export interface AccessContext {
  access: SubjectAccess;
}

const subjects = new WeakMap<object, string>();

/**
 * Wraps the resolver of every classified field above PUBLIC with the row-level check. The subject of a field is
 * the national ID of its parent (a Person), of the `nationalId` argument, or inherited from the Person above it;
 * a mutation without one acts on the caller.
 */
export function enforceRowLevelAccess(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('_')) continue;
    const keys = keyFields(type);
    for (const field of Object.values(type.getFields())) {
      const classification = field.astNode ? fieldClassification(field.astNode) : null;
      // Key fields join entities across subgraphs; whether a client may see one is decided at the gateway.
      if (!classification || classification.level === 'PUBLIC' || keys.has(field.name)) continue;
      const resolve: GraphQLFieldResolver<unknown, AccessContext> = field.resolve ?? defaultFieldResolver;
      const mutation = type === schema.getMutationType();
      field.resolve = async (parent, args, context, info) => {
        // A mutation without a national ID argument acts on the caller's own data (grantConsent).
        const subject = mutation && typeof args.nationalId !== 'string' ? context.access.identity.sub : subjectOf(parent, args);
        if (!(await context.access.allows(classification.level, classification.dataset, subject))) {
          throw new GraphQLError('Unauthorized field or type', { extensions: { code: 'UNAUTHORIZED_FIELD_OR_TYPE' } });
        }
        return inheritSubject(await resolve(parent, args, context, info), subject);
      };
    }
  }
  return schema;
}

/** The top-level fields of a type's `@key` directives. */
function keyFields(type: GraphQLObjectType): Set<string> {
  const keys = new Set<string>();
  for (const node of [type.astNode, ...type.extensionASTNodes]) {
    for (const directive of node?.directives ?? []) {
      const fields = directive.name.value === 'key' ? directive.arguments?.find((arg) => arg.name.value === 'fields')?.value : undefined;
      if (fields?.kind === Kind.STRING) for (const name of fields.value.replace(/\{[^}]*\}/g, ' ').split(/[\s,]+/)) if (name) keys.add(name);
    }
  }
  return keys;
}

function subjectOf(parent: unknown, args: Record<string, unknown>): string | null {
  if (parent && typeof parent === 'object') {
    const own = (parent as { nationalId?: unknown }).nationalId;
    if (typeof own === 'string') return own;
    const inherited = subjects.get(parent);
    if (inherited) return inherited;
  }
  return typeof args.nationalId === 'string' ? args.nationalId : null;
}

function inheritSubject<T>(value: T, subject: string | null): T {
  if (!subject || !value || typeof value !== 'object') return value;
  for (const item of Array.isArray(value) ? value : [value]) {
    if (item && typeof item === 'object' && !subjects.has(item)) subjects.set(item, subject);
  }
  return value;
}
