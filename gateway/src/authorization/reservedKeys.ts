import { GraphQLError, type ValidationRule } from 'graphql';

/**
 * The prefix of every response key the hub adds to an operation for itself (a record's subject, an object's type
 * under a removal, a field planned apart from a `@requires`), read back from the answer and stripped from it.
 */
export const HUB_KEY_PREFIX = '__govhub_';

/** A client alias that could stand in for one of the hub's own keys is refused, in any letter case. */
export const reservedAliasRule: ValidationRule = (context) => ({
  Field(field) {
    const alias = field.alias?.value;
    if (alias?.toLowerCase().startsWith(HUB_KEY_PREFIX)) {
      context.reportError(
        new GraphQLError(`The alias ${alias} is reserved: aliases beginning with ${HUB_KEY_PREFIX} are the hub's own`, { nodes: field.alias }),
      );
    }
  },
});
