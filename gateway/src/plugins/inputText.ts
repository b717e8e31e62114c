import type { ApolloServerPlugin } from '@apollo/server';
import { visit } from 'graphql';
import { badUserInput } from '@govhub/shared';
import type { HubContext } from '../context';

const NUL = '\u0000';

function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes(NUL);
  if (Array.isArray(value)) return value.some(containsNul);
  if (value && typeof value === 'object') return Object.values(value).some(containsNul);
  return false;
}

/**
 * No text input may hold a NUL character: PostgreSQL cannot store or compare it, so a subgraph would fail on it
 * with an internal error. It is the client's mistake, refused at the door (400 BAD_USER_INPUT) in variables and
 * in string literals alike.
 */
export function inputTextPlugin(): ApolloServerPlugin<HubContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          let found = containsNul(request.variables ?? {});
          if (!found)
            visit(document, {
              StringValue: (node) => {
                found ||= node.value.includes(NUL);
              },
            });
          if (found)
            throw badUserInput('text arguments may not contain a NUL character (U+0000)', { reason: 'NUL_CHARACTER', http: { status: 400 } });
        },
      };
    },
  };
}
