import { createHash } from 'node:crypto';

/**
 * The public benchmark's one operation (https://github.com/graphql-hive/graphql-gateways-benchmark, `k6.js`):
 * users and top products, each four levels deep through all four subgraphs.
 */
export const TEST_QUERY = `fragment User on User {
  id
  username
  name
}

fragment Review on Review {
  id
  body
}

fragment Product on Product {
  inStock
  name
  price
  shippingEstimate
  upc
  weight
}

query TestQuery {
  users {
    ...User
    reviews {
      ...Review
      product {
        ...Product
        reviews {
          ...Review
          author {
            ...User
            reviews {
              ...Review
              product {
                ...Product
              }
            }
          }
        }
      }
    }
  }
  topProducts {
    ...Product
    reviews {
      ...Review
      author {
        ...User
        reviews {
          ...Review
          product {
            ...Product
          }
        }
      }
    }
  }
}`;

/** The request body every load request sends. */
export const TEST_QUERY_BODY = JSON.stringify({ query: TEST_QUERY });

/**
 * The answer's size and SHA-256, as stock `@apollo/gateway` serializes it (compact JSON, fields in query order),
 * without the newline `@apollo/server` ends it with. The public benchmark's expected structure (in its `k6.js`),
 * serialized the same way, is these same 87,599 bytes. Every gateway must answer exactly these bytes.
 */
export const EXPECTED_RESPONSE_BYTES = 87_599;
export const EXPECTED_RESPONSE_SHA256 = '0e2e4499acbc2256c73d29376bfbeb54084e9b22a2414d87d8990a6408c1c90e';

export function sha256(body: string | Buffer): string {
  return createHash('sha256').update(body).digest('hex');
}

const EXTENSIONS = Buffer.from(',"extensions":');

/**
 * The bytes of an answer to compare with the expected ones: less one trailing newline (some servers end JSON with
 * one, some do not), and less a top-level `extensions` entry after `data` (govhub's gateway reports the operation's
 * cost there). `data` itself must still be byte for byte the same, and any `errors` entry makes it differ.
 */
export function answerBytes(body: Buffer): Buffer {
  const trimmed = body.length > 0 && body[body.length - 1] === 0x0a ? body.subarray(0, body.length - 1) : body;
  const dataEnd = EXPECTED_RESPONSE_BYTES - 1;
  if (trimmed.length > EXPECTED_RESPONSE_BYTES && trimmed.subarray(dataEnd, dataEnd + EXTENSIONS.length).equals(EXTENSIONS)) {
    return Buffer.concat([trimmed.subarray(0, dataEnd), Buffer.from('}')]);
  }
  return trimmed;
}
