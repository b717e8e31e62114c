import type { BenchSubgraph } from './benchSubgraph';
import { federationLink } from './benchSubgraph';
import { PRODUCTS, type ProductRecord } from './data';

/** The catalogue: names, prices and weights, and the top products (the first five by default). */
export const PRODUCTS_SUBGRAPH: BenchSubgraph = {
  name: 'products',
  sdl: `${federationLink('@key')}

type Query {
  topProducts(first: Int = 5): [Product]
}

type Product @key(fields: "upc") {
  upc: String!
  name: String
  price: Int
  weight: Int
}
`,
  resolvers: {
    Query: {
      topProducts: (_: unknown, { first }: { first: number }) => PRODUCTS.slice(0, first),
    },
    Product: {
      __resolveReference: ({ upc }: Pick<ProductRecord, 'upc'>) => PRODUCTS.find((product) => product.upc === upc) ?? null,
    },
  },
};
