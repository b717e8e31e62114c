import type { ApolloServerPlugin } from '@apollo/server';
import type { HubContext } from '../context';

/**
 * Errors name the domain that failed: @apollo/gateway records the subgraph in `extensions.serviceName`;
 * the hub exposes it as `extensions.domain` and says it in the message, so a partial answer tells the
 * client which committee's data is missing.
 */
export function domainErrorsPlugin(): ApolloServerPlugin<HubContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors;
          if (!errors) return;
          response.body.singleResult.errors = errors.map((error) => {
            const domain = error.extensions?.serviceName;
            if (typeof domain !== 'string') return error;
            contextValue.logger.warn({ domain, message: error.message, path: error.path }, 'subgraph error');
            const message =
              error.message.includes(`"${domain}"`) || error.message.startsWith(`[${domain}]`) ? error.message : `[${domain}] ${error.message}`;
            return { ...error, message, extensions: { ...error.extensions, domain } };
          });
        },
      };
    },
  };
}
