import type { BenchSubgraph } from './benchSubgraph';
import { federationLink } from './benchSubgraph';
import { USERS, type UserRecord } from './data';

/** Users; the reviews subgraph can also resolve `username` (through `@provides`), so it is shareable. */
export const ACCOUNTS: BenchSubgraph = {
  name: 'accounts',
  sdl: `${federationLink('@key', '@shareable')}

type Query {
  me: User
  user(id: ID!): User
  users: [User]
}

type User @key(fields: "id") {
  id: ID!
  name: String
  username: String @shareable
  birthday: Int
}
`,
  resolvers: {
    Query: {
      me: () => USERS[0],
      user: (_: unknown, { id }: { id: string }) => USERS.find((user) => user.id === id) ?? null,
      users: () => USERS,
    },
    User: {
      __resolveReference: ({ id }: Pick<UserRecord, 'id'>) => USERS.find((user) => user.id === id) ?? null,
    },
  },
};
