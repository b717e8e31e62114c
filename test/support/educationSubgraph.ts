import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';

/** An agency's small subgraph extending Province, with the fields given (each classified). */
export const EDUCATION = (fields: string) => `
extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key", "@composeDirective"])
  @link(url: "https://govhub.go.th/spec/classification/v0.1", import: ["@classified"])
  @composeDirective(name: "@classified")
directive @classified(level: Classification!, dataset: String) on FIELD_DEFINITION
enum Classification { PUBLIC INTERNAL PERSONAL SENSITIVE SECRET }
type Province @key(fields: "code") {
  code: ID! @classified(level: PUBLIC)
  ${fields}
}`;
export const CLASSIFIED = 'schoolCount: Int @classified(level: PUBLIC)';

/** Serves `EDUCATION(CLASSIFIED)` on a free port: a province's school count is ten times its code. */
export async function startEducationSubgraph(): Promise<{ url: string; stop(): Promise<void> }> {
  const server = new ApolloServer({
    schema: buildSubgraphSchema({
      typeDefs: parse(EDUCATION(CLASSIFIED)),
      resolvers: { Province: { __resolveReference: ({ code }: { code: string }) => ({ code, schoolCount: Number(code) * 10 }) } } as never,
    }),
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return { url, stop: () => server.stop() };
}
