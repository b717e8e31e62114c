import { defineConfig } from '@graphql-hive/gateway';

/**
 * Hive Gateway's configuration in the public benchmark (https://github.com/graphql-hive/graphql-gateways-benchmark,
 * `gateways/hive-gateway`): identical in-flight requests answered once. Its key includes every request header, so
 * the harness's new Authorization header per request leaves it nothing to merge, as for the other gateways.
 */
export const gatewayConfig = defineConfig({
  inboundInflightRequestDeduplication: true,
});
