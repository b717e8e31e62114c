import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { composeServices } from '@apollo/composition';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';

/**
 * Two plain `@apollo/subgraph` servers of an imaginary other organisation, on loopback: no `@classified` anywhere,
 * `@authenticated` and `@requiresScopes` where it protects something. `accounts` resolves `User.nickname`, which
 * `supergraphOf` leaves out unless asked, so a rewritten supergraph can bring a new field live.
 */
const FEDERATION = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", "@authenticated", "@requiresScopes"])';

const accountsSdl = (withNickname: boolean) => `${FEDERATION}
type Query { users: [User!]! }
type User @key(fields: "id") {
  id: ID!
  name: String!
  email: String @authenticated
  ${withNickname ? 'nickname: String' : ''}
}`;

const reviewsSdl = `${FEDERATION}
type Query { topReviews: [Review!]! }
type Review {
  id: ID!
  body: String!
  stars: Int @requiresScopes(scopes: [["reviews:stars"]])
  author: User!
}
type User @key(fields: "id") { id: ID! }`;

const USERS = [{ id: 'u1', name: 'Somchai', email: 'somchai@example.org', nickname: 'Chai' }];
const REVIEWS = [{ id: 'r1', body: 'Quick and clear', stars: 5, author: { id: 'u1' } }];

export interface ForeignSubgraphs {
  urls: { accounts: string; reviews: string };
  /** The supergraph `@apollo/composition` makes of both (what `rover supergraph compose` would write). */
  supergraphOf(options?: { withNickname?: boolean }): string;
  stop(): Promise<void>;
}

export async function startForeignSubgraphs(): Promise<ForeignSubgraphs> {
  const accounts = new ApolloServer({
    schema: buildSubgraphSchema({
      typeDefs: parse(accountsSdl(true)),
      resolvers: { Query: { users: () => USERS }, User: { __resolveReference: ({ id }: { id: string }) => USERS.find((user) => user.id === id) } },
    }),
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  const reviews = new ApolloServer({
    schema: buildSubgraphSchema({ typeDefs: parse(reviewsSdl), resolvers: { Query: { topReviews: () => REVIEWS } } }),
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  const listen = { listen: { port: 0, host: '127.0.0.1' } };
  const urls = { accounts: (await startStandaloneServer(accounts, listen)).url, reviews: (await startStandaloneServer(reviews, listen)).url };
  return {
    urls,
    supergraphOf: ({ withNickname = false } = {}) => {
      const result = composeServices([
        { name: 'accounts', url: urls.accounts, typeDefs: parse(accountsSdl(withNickname)) },
        { name: 'reviews', url: urls.reviews, typeDefs: parse(reviewsSdl) },
      ]);
      if (result.errors) throw new Error(result.errors.map((error) => error.message).join('\n'));
      return result.supergraphSdl;
    },
    stop: async () => {
      await Promise.all([accounts.stop(), reviews.stop()]);
    },
  };
}
