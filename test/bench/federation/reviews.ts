import type { BenchSubgraph } from './benchSubgraph';
import { federationLink } from './benchSubgraph';
import { AUTHOR_ID, AUTHOR_REVIEWS, AUTHOR_USERNAME, REFERENCED_USERNAME, REVIEWS, type ReviewRecord } from './data';

/**
 * Reviews, and the reviews of users and products. Like the public benchmark's, every review's author is user 1
 * (whose username it provides) and every user's reviews are the first two.
 */
export const REVIEWS_SUBGRAPH: BenchSubgraph = {
  name: 'reviews',
  sdl: `${federationLink('@key', '@external', '@provides')}

type Review @key(fields: "id") {
  id: ID!
  body: String
  product: Product
  author: User @provides(fields: "username")
}

type User @key(fields: "id") {
  id: ID!
  username: String @external
  reviews: [Review]
}

type Product @key(fields: "upc") {
  upc: String!
  reviews: [Review]
}
`,
  resolvers: {
    Review: {
      __resolveReference: ({ id }: Pick<ReviewRecord, 'id'>) => REVIEWS.find((review) => review.id === id) ?? null,
      product: ({ productUpc }: ReviewRecord) => ({ upc: productUpc }),
      author: () => ({ id: AUTHOR_ID, username: AUTHOR_USERNAME }),
    },
    User: {
      __resolveReference: ({ id }: { id: string }) => ({ id, username: REFERENCED_USERNAME }),
      reviews: () => AUTHOR_REVIEWS,
    },
    Product: {
      __resolveReference: ({ upc }: { upc: string }) => ({ upc }),
      reviews: ({ upc }: { upc: string }) => REVIEWS.filter((review) => review.productUpc === upc),
    },
  },
};
