/**
 * The data of the public "standard federation benchmark" (https://github.com/graphql-hive/graphql-gateways-benchmark,
 * its `subgraphs/`): six users, nine products, nine inventory rows and eleven reviews. The values must stay as
 * they are: the TestQuery's answer is checked byte for byte (benchFederation.test.ts).
 */
export interface UserRecord {
  id: string;
  name: string;
  username: string;
  birthday: number;
}

export interface ProductRecord {
  upc: string;
  name: string;
  price: number;
  weight: number;
}

/**
 * The inventory subgraph's own rows. Its price and weight are always null, and its entity lookup reads this row
 * rather than the price and weight the gateway sends for `@requires`: so `shippingEstimate` is null everywhere, as
 * the public benchmark answers.
 */
export interface InventoryRecord {
  upc: string;
  inStock: boolean;
  price: number | null;
  weight: number | null;
}

export interface ReviewRecord {
  id: string;
  body: string;
  productUpc: string;
}

const BIRTHDAY = 1234567890;

export const USERS: readonly UserRecord[] = [
  { id: '1', name: 'Uri Goldshtein', username: 'urigo', birthday: BIRTHDAY },
  { id: '2', name: 'Dotan Simha', username: 'dotansimha', birthday: BIRTHDAY },
  { id: '3', name: 'Kamil Kisiela', username: 'kamilkisiela', birthday: BIRTHDAY },
  { id: '4', name: 'Arda Tanrikulu', username: 'ardatan', birthday: BIRTHDAY },
  { id: '5', name: 'Gil Gardosh', username: 'gilgardosh', birthday: BIRTHDAY },
  { id: '6', name: 'Laurin Quast', username: 'laurin', birthday: BIRTHDAY },
];

export const PRODUCTS: readonly ProductRecord[] = [
  { upc: '1', name: 'Table', price: 899, weight: 100 },
  { upc: '2', name: 'Couch', price: 1299, weight: 1000 },
  { upc: '3', name: 'Glass', price: 15, weight: 20 },
  { upc: '4', name: 'Chair', price: 499, weight: 100 },
  { upc: '5', name: 'TV', price: 1299, weight: 1000 },
  { upc: '6', name: 'Lamp', price: 6999, weight: 300 },
  { upc: '7', name: 'Grill', price: 3999, weight: 2000 },
  { upc: '8', name: 'Fridge', price: 100000, weight: 6000 },
  { upc: '9', name: 'Sofa', price: 9999, weight: 800 },
];

const IN_STOCK = ['1', '5', '6', '7', '9'];

export const INVENTORY: readonly InventoryRecord[] = PRODUCTS.map(({ upc }) => ({
  upc,
  inStock: IN_STOCK.includes(upc),
  price: null,
  weight: null,
}));

/** The review texts: several reviews share a text, as in the public benchmark. */
const LOREM =
  'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat. Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur. Excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia deserunt mollit anim id est laborum.';
const SED_UT =
  'Sed ut perspiciatis unde omnis iste natus error sit voluptatem accusantium doloremque laudantium, totam rem aperiam, eaque ipsa quae ab illo inventore veritatis et quasi architecto beatae vitae dicta sunt explicabo. Nemo enim ipsam voluptatem quia voluptas sit aspernatur aut odit aut fugi';
const SED_QUIA =
  'sed quia consequuntur magni dolores eos qui ratione voluptatem sequi nesciunt. Neque porro quisquam est, qui dolorem ipsum quia dolor sit amet, consectetur, adipisci velit, sed quia non numquam eius modi tempora incidunt ut labore et dolore magnam aliquam quaerat voluptatem.';
const UT_ENIM =
  'Ut enim ad minima veniam, quis nostrum exercitationem ullam corporis suscipit laboriosam, nisi ut aliquid ex ea commodi consequatur? Quis autem';
const AT_VERO =
  'At vero eos et accusamus et iusto odio dignissimos ducimus qui blanditiis praesentium voluptatum deleniti atque corrupti quos dolores et quas molestias excepturi sint occaecati cupiditate non provident, similique sunt in culpa qui officia deserunt mollitia animi, id est laborum et dolorum fuga. Et harum quidem rerum facilis est et expedita distinctio. Nam libero tempore, cum soluta nobis est eligendi optio cumque nihil impedit quo minus id quod maxime placeat facere possimus, omnis voluptas assumenda est, omnis dolor repellendus. Temporibus autem quibusdam et aut officiis debitis aut rerum necessitatibus saepe eveniet ut et voluptates repudiandae sint et molestiae non recusandae. Itaque earum rerum hic tenetur a sapiente delectus, ut aut reiciendis voluptatibus maiores alias consequatur aut perferendis doloribus asperiores repellat.';

export const REVIEWS: readonly ReviewRecord[] = [
  { id: '1', body: LOREM, productUpc: '1' },
  { id: '2', body: SED_UT, productUpc: '1' },
  { id: '3', body: SED_QUIA, productUpc: '1' },
  { id: '4', body: UT_ENIM, productUpc: '1' },
  { id: '5', body: LOREM, productUpc: '2' },
  { id: '6', body: SED_UT, productUpc: '2' },
  { id: '7', body: SED_QUIA, productUpc: '2' },
  { id: '8', body: UT_ENIM, productUpc: '2' },
  { id: '9', body: UT_ENIM, productUpc: '3' },
  { id: '10', body: UT_ENIM, productUpc: '4' },
  { id: '11', body: AT_VERO, productUpc: '4' },
];

/** Every author the reviews subgraph returns is user 1 with the first two reviews, whoever wrote the review. */
export const AUTHOR_ID = '1';
export const AUTHOR_USERNAME = 'urigo';
/** The username the reviews subgraph gives a user it is asked for by key (never selected by the TestQuery). */
export const REFERENCED_USERNAME = 'user';
export const AUTHOR_REVIEWS = REVIEWS.slice(0, 2);
