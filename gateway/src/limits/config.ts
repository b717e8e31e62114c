import { MAX_PAGE_SIZE } from '@govhub/shared';

/** What every operation on `/graphql` must stay within (README, "Limits"). */
export interface OperationLimits {
  /** HTTP request body, in bytes. */
  bodyBytes: number;
  /** The GraphQL document, in characters. */
  documentCharacters: number;
  /** Nesting of fields, through fragments. */
  depth: number;
  /** Aliases, `__typename`'s included, each fragment counted where it is spread. */
  aliases: number;
  /** Fields selected at the root, after expanding fragments. */
  rootFields: number;
  /** Directives on one field, fragment spread or inline fragment. */
  directivesPerField: number;
  /** Fields selected in the operation, after expanding fragments. */
  fields: number;
  /** Validation errors in one answer (validation stops there). */
  validationErrors: number;
  /** Operations in one batched HTTP request; 0 turns batching off. */
  batch: number;
  /** Largest `first`, `last` or `limit` argument. */
  pageSize: number;
  /** Cost points (`@cost`/`@listSize`, or the defaults) of one operation. */
  cost: number;
  /** Assumed length of a list with no size argument and no `@listSize`. */
  assumedListSize: number;
}

export const DEFAULT_LIMITS: OperationLimits = {
  bodyBytes: 1024 * 1024,
  documentCharacters: 15_000,
  depth: 12,
  aliases: 30,
  rootFields: 20,
  directivesPerField: 5,
  fields: 500,
  validationErrors: 10,
  batch: 0,
  pageSize: MAX_PAGE_SIZE,
  // The whole catalogue (261 agencies and their 2,812 datasets) costs about 3,100 points: it fits, ten times it does not.
  cost: 5_000,
  assumedListSize: 10,
};

/** Batches of this many operations when `GOVHUB_LIMIT_BATCH=on`. */
const BATCH_WHEN_ON = 10;

export function limitsFromEnv(env: NodeJS.ProcessEnv = process.env): OperationLimits {
  const limits: OperationLimits = {
    bodyBytes: positiveInteger(env, 'GOVHUB_LIMIT_BODY_BYTES', DEFAULT_LIMITS.bodyBytes),
    documentCharacters: positiveInteger(env, 'GOVHUB_LIMIT_DOCUMENT_CHARACTERS', DEFAULT_LIMITS.documentCharacters),
    depth: positiveInteger(env, 'GOVHUB_LIMIT_DEPTH', DEFAULT_LIMITS.depth),
    aliases: positiveInteger(env, 'GOVHUB_LIMIT_ALIASES', DEFAULT_LIMITS.aliases),
    rootFields: positiveInteger(env, 'GOVHUB_LIMIT_ROOT_FIELDS', DEFAULT_LIMITS.rootFields),
    directivesPerField: positiveInteger(env, 'GOVHUB_LIMIT_DIRECTIVES', DEFAULT_LIMITS.directivesPerField),
    fields: positiveInteger(env, 'GOVHUB_LIMIT_FIELDS', DEFAULT_LIMITS.fields),
    validationErrors: positiveInteger(env, 'GOVHUB_LIMIT_VALIDATION_ERRORS', DEFAULT_LIMITS.validationErrors),
    batch: batchLimit(env.GOVHUB_LIMIT_BATCH),
    pageSize: positiveInteger(env, 'GOVHUB_LIMIT_PAGE_SIZE', DEFAULT_LIMITS.pageSize),
    cost: positiveInteger(env, 'GOVHUB_LIMIT_COST', DEFAULT_LIMITS.cost),
    assumedListSize: positiveInteger(env, 'GOVHUB_LIMIT_LIST_SIZE', DEFAULT_LIMITS.assumedListSize),
  };
  checkLimits(limits);
  return limits;
}

/** Settings that cannot work, refused at start rather than answered oddly later. */
export function checkLimits(limits: OperationLimits): void {
  // graphql-js appends its own "validation aborted" error after the others: it takes one of the places.
  if (limits.validationErrors < 2) throw new Error('GOVHUB_LIMIT_VALIDATION_ERRORS must be 2 or more');
  // Every subgraph refuses larger pages itself (requirePage): a larger limit here would only move the refusal.
  if (limits.pageSize > MAX_PAGE_SIZE) throw new Error(`GOVHUB_LIMIT_PAGE_SIZE must be at most ${MAX_PAGE_SIZE}`);
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new Error(`${name} must be a whole number of 1 or more`);
  return Number(value);
}

function batchLimit(value: string | undefined): number {
  if (value === undefined || value === '' || value === 'off') return 0;
  if (value === 'on') return BATCH_WHEN_ON;
  if (!/^\d+$/.test(value)) throw new Error('GOVHUB_LIMIT_BATCH must be off, on or the largest batch (a whole number)');
  return Number(value);
}
