import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, visit, type ValueNode } from 'graphql';
import { badUserInput, nationalIdProblem } from '@govhub/shared';
import type { HubContext } from '../context';

/** Arguments that carry a national ID, whatever the field. */
const NATIONAL_ID_ARGUMENTS = new Set(['nationalId']);

/**
 * National IDs are checked at the hub's door (13 digits, mod-11 check digit), before authorization and planning:
 * a mistyped ID is the client's mistake (400 BAD_USER_INPUT), for every caller alike.
 */
export function nationalIdArgumentsPlugin(): ApolloServerPlugin<HubContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          visit(document, {
            Argument(node) {
              if (!NATIONAL_ID_ARGUMENTS.has(node.name.value)) return;
              for (const value of argumentValues(node.value, request.variables ?? {})) {
                const problem = typeof value === 'string' ? nationalIdProblem(value) : 'FORMAT';
                if (problem) {
                  throw badUserInput(problem === 'FORMAT' ? 'nationalId must be 13 digits' : 'nationalId has a wrong check digit', {
                    argumentName: node.name.value,
                    reason: problem === 'FORMAT' ? 'NATIONAL_ID_FORMAT' : 'NATIONAL_ID_CHECK_DIGIT',
                    http: { status: 400 },
                  });
                }
              }
            },
          });
        },
      };
    },
  };
}

function argumentValues(node: ValueNode, variables: Record<string, unknown>): unknown[] {
  if (node.kind === Kind.VARIABLE) {
    const value = variables[node.name.value];
    return value === undefined || value === null ? [] : Array.isArray(value) ? value : [value];
  }
  if (node.kind === Kind.LIST) return node.values.flatMap((value) => argumentValues(value, variables));
  if (node.kind === Kind.NULL) return [];
  return [node.kind === Kind.STRING || node.kind === Kind.INT ? node.value : undefined];
}
