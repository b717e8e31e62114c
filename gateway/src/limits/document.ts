import { GraphQLError, Lexer, Source, TokenKind } from 'graphql';
import type { OperationLimits } from './config';
import { LimitCode, LimitExceeded } from './errors';

const OPENING = new Set<TokenKind>([TokenKind.BRACE_L, TokenKind.BRACKET_L, TokenKind.PAREN_L]);
const CLOSING = new Set<TokenKind>([TokenKind.BRACE_R, TokenKind.BRACKET_R, TokenKind.PAREN_R]);

/**
 * Braces, brackets and parentheses a document may nest: room for every field at the depth limit inside an inline
 * fragment, with nested input values. graphql-js's parser recurses once per level and overflows the stack in the
 * low thousands, well inside the document size limit, so this is checked on the tokens, before parsing.
 */
export const nestingLimit = (limits: OperationLimits): number => 4 * limits.depth;

/** Why a document is refused before it is parsed (too many characters, nested deeper than the parser should recurse), or null. */
export function documentRefusal(query: string, limits: OperationLimits): LimitExceeded | null {
  if (query.length > limits.documentCharacters) {
    return new LimitExceeded(LimitCode.DOCUMENT_TOO_LARGE, `The document has ${query.length} characters; at most ${limits.documentCharacters}`, {
      limit: limits.documentCharacters,
      actual: query.length,
    });
  }
  const limit = nestingLimit(limits);
  const actual = deepestNesting(query);
  if (actual > limit) {
    return new LimitExceeded(LimitCode.OPERATION_TOO_DEEP, `The document nests braces, brackets or parentheses ${actual} deep; at most ${limit}`, {
      limit,
      actual,
    });
  }
  return null;
}

/** The deepest nesting in the document's tokens (strings and comments do not count), as far as it lexes. */
function deepestNesting(query: string): number {
  const lexer = new Lexer(new Source(query));
  let depth = 0;
  let deepest = 0;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      if (OPENING.has(token.kind)) deepest = Math.max(deepest, ++depth);
      else if (CLOSING.has(token.kind)) depth--;
    }
  } catch (error) {
    // A syntax error is the parser's to report, with its position.
    if (error instanceof GraphQLError) return deepest;
    throw error;
  }
  return deepest;
}
