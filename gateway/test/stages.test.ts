import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { createLogger } from '@govhub/shared';
import type { HubContext } from '../src/context';
import { stagesPlugin } from '../src/plugins/stages';

/** The request stages run in order, and a refusal stops the stages after it, unlike plugins Apollo runs at once. */
const calls: string[] = [];

function stage(name: string, behaviour: { refuse?: boolean; slow?: boolean; status?: number } = {}): ApolloServerPlugin<HubContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation() {
          if (behaviour.slow) await new Promise((resolve) => setTimeout(resolve, 30));
          calls.push(`${name}.didResolveOperation`);
          if (behaviour.refuse) throw new GraphQLError('refused', { extensions: { code: 'OPERATION_TOO_COSTLY', http: { status: 400 } } });
        },
        async willSendResponse({ response }) {
          if (behaviour.status) response.http.status = behaviour.status;
          calls.push(`${name}.willSendResponse:${response.http.status ?? 200}`);
        },
      };
    },
  };
}

async function run(stages: ApolloServerPlugin<HubContext>[]): Promise<void> {
  calls.length = 0;
  const server = new ApolloServer<HubContext>({
    typeDefs: 'type Query { hello: String }',
    resolvers: { Query: { hello: () => 'hi' } },
    plugins: [stagesPlugin(stages)],
  });
  await server.start();
  const contextValue = {
    requestId: 'r',
    logger: createLogger('stages-test'),
    identity: null,
    grants: {},
    deadline: Date.now() + 1000,
  } as unknown as HubContext;
  await server.executeOperation({ query: '{ hello }' }, { contextValue });
  await server.stop();
}

it('runs each hook stage by stage, even when an earlier stage is slower', async () => {
  await run([stage('limits', { slow: true }), stage('authorization', { status: 503 }), stage('metrics')]);
  expect(calls).toEqual([
    'limits.didResolveOperation',
    'authorization.didResolveOperation',
    'metrics.didResolveOperation',
    'limits.willSendResponse:200',
    'authorization.willSendResponse:503',
    'metrics.willSendResponse:503',
  ]);
});

it('a stage that refuses the operation stops the stages after it; every stage still sees the response', async () => {
  await run([stage('limits', { refuse: true }), stage('authorization'), stage('metrics')]);
  expect(calls).toEqual([
    'limits.didResolveOperation',
    'limits.willSendResponse:400',
    'authorization.willSendResponse:400',
    'metrics.willSendResponse:400',
  ]);
});

it('refuses a stage with a hook it would not run', async () => {
  const server = new ApolloServer<HubContext>({
    typeDefs: 'type Query { hello: String }',
    plugins: [
      stagesPlugin([
        {
          async requestDidStart() {
            return { async parsingDidStart() {} };
          },
        },
      ]),
    ],
  });
  await server.start();
  await expect(server.executeOperation({ query: '{ hello }' }, { contextValue: {} as HubContext })).rejects.toThrow('Internal server error');
  await server.stop();
});
