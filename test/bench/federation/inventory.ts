import type { BenchSubgraph } from './benchSubgraph';
import { federationLink } from './benchSubgraph';
import { INVENTORY, type InventoryRecord } from './data';

/** Stock and shipping estimates; the estimate `@requires` the products subgraph's price and weight. */
export const INVENTORY_SUBGRAPH: BenchSubgraph = {
  name: 'inventory',
  sdl: `${federationLink('@key', '@external', '@requires')}

type Product @key(fields: "upc") {
  upc: String!
  weight: Int @external
  price: Int @external
  inStock: Boolean
  shippingEstimate: Int @requires(fields: "price weight")
}
`,
  resolvers: {
    Product: {
      // The stored row, not the representation: the public benchmark ignores the required price and weight (see
      // InventoryRecord), which is why its answers carry a null shipping estimate.
      __resolveReference: ({ upc }: Pick<InventoryRecord, 'upc'>) => INVENTORY.find((row) => row.upc === upc) ?? null,
      shippingEstimate: ({ price, weight }: InventoryRecord) => {
        if (price === null) return null;
        if (price > 1000) return 0;
        return weight === null ? null : Math.trunc(weight / 2);
      },
    },
  },
};
