import { defaultFieldResolver, getNamedType, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { Scope } from '../auth/identity';
import type { ForwardedIdentity } from '../auth/forwarded';
import { releaseOf } from '../auth/grants';
import { fieldError } from '../errorCatalogue';
import { fieldClassification, type Classification } from '../federation/classification';
import { keyFieldsOf } from '../federation/keyFields';
import { namesOwnSubject, SUBJECT_KEY } from '../federation/subject';

/**
 * Row-level rules, checked again in the subgraph that holds the row (the gateway checks, and the subgraph checks
 * again). The gateway decided what the caller may see and why (its grants, with the consenting subjects and the
 * fields an agreement names); only here is the row known. Nothing is read from the hub's own tables: an agency's
 * subgraph runs on its own database.
 */
export class SubjectAccess {
  constructor(readonly identity: ForwardedIdentity) {}

  /** Whether this caller may read a field (`Type.field`) of this level and dataset about this subject (a national ID, or unknown). */
  allows(level: Classification, dataset: string | null, coordinate: string, subject: string | null): boolean {
    const { identity } = this;
    switch (level) {
      case 'PUBLIC':
        return true;
      case 'INTERNAL':
        return identity.kind === 'agency' && identity.scopes.has(Scope.AGENCY);
      default:
        return dataset !== null && releaseOf(identity.grants[dataset], level, coordinate, subject) !== null;
    }
  }
}

/** What a subgraph's context must provide for row-level checks. */
export interface AccessContext {
  access: SubjectAccess;
}

const subjects = new WeakMap<object, string>();

/**
 * Wraps the resolver of every classified field above PUBLIC with the row-level check, judged as the gateway judges:
 * a field returning records that name their own subject (a `nationalId` field: people, victims, shareholders) is
 * judged record by record for that subject, a denied record becoming an error at its own path; any other field is
 * judged for the subject of its parent (its national ID, the `nationalId` argument, or inherited from the record
 * above it); a mutation without one acts on the caller.
 */
export function enforceRowLevelAccess(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('_')) continue;
    const keys = keyFieldsOf([type.astNode, ...type.extensionASTNodes].flatMap((node) => node?.directives ?? []));
    for (const field of Object.values(type.getFields())) {
      const classification = field.astNode ? fieldClassification(field.astNode) : null;
      // Key fields join entities across subgraphs; whether a client may see one is decided at the gateway.
      if (!classification || classification.level === 'PUBLIC' || keys.has(field.name)) continue;
      const resolve: GraphQLFieldResolver<unknown, AccessContext> = field.resolve ?? defaultFieldResolver;
      const mutation = type === schema.getMutationType();
      const coordinate = `${type.name}.${field.name}`;
      const perRecord = classification.level !== 'INTERNAL' && namesOwnSubject(getNamedType(field.type));
      const allows = (access: SubjectAccess, subject: string | null) =>
        access.allows(classification.level, classification.dataset, coordinate, subject);
      field.resolve = async (parent, args, context, info) => {
        // A mutation without a national ID argument acts on the caller's own data (grantConsent).
        const subject = mutation && typeof args.nationalId !== 'string' ? context.access.identity.sub : subjectOf(parent, args);
        if (perRecord) return judgeRecords(await resolve(parent, args, context, info), (record) => allows(context.access, ownSubject(record)));
        if (!allows(context.access, subject)) throw unauthorized();
        return inheritSubject(await resolve(parent, args, context, info), subject);
      };
    }
  }
  return schema;
}

function unauthorized(): Error {
  return fieldError('UNAUTHORIZED_FIELD_OR_TYPE', 'Unauthorized field or type');
}

function ownSubject(record: unknown): string | null {
  const subject = record && typeof record === 'object' ? (record as Record<string, unknown>)[SUBJECT_KEY] : undefined;
  return typeof subject === 'string' ? subject : null;
}

/** Each record (of a list, nested lists included) is kept or replaced by an error, which graphql-js reports at its path. */
function judgeRecords(value: unknown, allowed: (record: unknown) => boolean): unknown {
  if (Array.isArray(value)) return value.map((item) => judgeRecords(item, allowed));
  if (value === null || value === undefined) return value;
  return allowed(value) ? value : unauthorized();
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
