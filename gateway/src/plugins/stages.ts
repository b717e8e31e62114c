import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import type { HubContext } from '../context';

type Listener = GraphQLRequestListener<HubContext>;
/** The request hooks the hub's stages use; any other hook of a stage would be skipped, so it is refused. */
const HOOKS = ['didResolveOperation', 'responseForOperation', 'executionDidStart', 'didEncounterErrors', 'willSendResponse'] as const;

/**
 * Apollo Server calls each hook of all its plugins at once, so registering a plugin first does not make it run first,
 * and a plugin that refuses an operation does not stop the others. The hub's request stages run through this one
 * plugin instead, each hook stage by stage in the given order: a stage that throws in `didResolveOperation` (limits,
 * bad input) stops the stages after it (authorization, usage recording), the first stage with an answer in
 * `responseForOperation` answers, and `willSendResponse` sees what the stages before it decided (metrics count the
 * outcome after authorization, error presentation sees the final errors).
 */
export function stagesPlugin(stages: readonly ApolloServerPlugin<HubContext>[]): ApolloServerPlugin<HubContext> {
  return {
    async requestDidStart(requestContext) {
      const listeners: Listener[] = [];
      for (const stage of stages) {
        const listener = await stage.requestDidStart?.(requestContext);
        if (!listener) continue;
        const unknown = Object.keys(listener).filter((hook) => !(HOOKS as readonly string[]).includes(hook));
        if (unknown.length > 0) throw new Error(`a request stage uses hooks the stages plugin does not run: ${unknown.join(', ')}`);
        listeners.push(listener);
      }
      return {
        async didResolveOperation(context) {
          for (const listener of listeners) await listener.didResolveOperation?.(context);
        },
        async responseForOperation(context) {
          for (const listener of listeners) {
            const response = await listener.responseForOperation?.(context);
            if (response) return response;
          }
          return null;
        },
        async executionDidStart(context) {
          for (const listener of listeners) await listener.executionDidStart?.(context);
        },
        async didEncounterErrors(context) {
          for (const listener of listeners) await listener.didEncounterErrors?.(context);
        },
        async willSendResponse(context) {
          for (const listener of listeners) await listener.willSendResponse?.(context);
        },
      };
    },
  };
}
