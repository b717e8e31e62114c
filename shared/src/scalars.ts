import { GraphQLScalarType, Kind } from 'graphql';
import { badUserInput } from './errors';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !ISO_DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw badUserInput('Date must be YYYY-MM-DD (Common Era)');
  }
  return value;
}

function parseDateTime(value: unknown): string {
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
    throw badUserInput('DateTime must be an ISO 8601 timestamp');
  }
  return new Date(value).toISOString();
}

/** A calendar date in the Common Era (the hub stores CE; apps display BE = CE + 543). */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD, Common Era.',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : parseDate(value)),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An instant, ISO 8601 with time zone.',
  serialize: (value) => (value instanceof Date ? value.toISOString() : parseDateTime(value)),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});

/** Resolvers for the scalars a subgraph's SDL declares. */
export function scalarResolvers(sdl: string): Record<string, GraphQLScalarType> {
  const resolvers: Record<string, GraphQLScalarType> = {};
  if (/\bscalar\s+Date\b/.test(sdl)) resolvers.Date = DateScalar;
  if (/\bscalar\s+DateTime\b/.test(sdl)) resolvers.DateTime = DateTimeScalar;
  return resolvers;
}
