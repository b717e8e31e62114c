# One image for every role of the hub; the command picks the role (docs/operations.md, "Running in containers"):
#   govhub gateway | govhub subgraph serve NAME --no-migrate | govhub migrate [NAME...]
# BASE is any Node.js 20 image with a shell; build from a local one with --build-arg BASE=...
ARG BASE=node:20-bookworm-slim

FROM ${BASE} AS build
ENV APOLLO_TELEMETRY_DISABLED=1 TURBO_TELEMETRY_DISABLED=1
WORKDIR /src
COPY . .
RUN npm ci --no-audit --no-fund && npm run build
# The runtime file set: every workspace's manifest (npm checks them against the lockfile), the compiled code and
# what it reads at run time (schemas, migrations, seed and reference data, the web apps); no sources, tests or tools.
RUN set -e; subgraphs=$(dirname subgraphs/*/package.json); mkdir -p /app; cp package.json package-lock.json /app/; \
    for dir in shared gateway codegen web test $subgraphs; do mkdir -p "/app/$dir"; cp "$dir/package.json" "/app/$dir/"; done; \
    cp -r shared/dist shared/data /app/shared/; \
    cp -r gateway/bin gateway/dist gateway/persisted-documents.json /app/gateway/; \
    cp -r codegen/dist /app/codegen/; \
    cp -r web/dist /app/web/; \
    for dir in $subgraphs; do \
      cp -r "$dir/dist" "$dir/schema.graphql" "$dir/migrations" "/app/$dir/"; \
      if [ -d "$dir/seed/data" ]; then mkdir -p "/app/$dir/seed"; cp -r "$dir/seed/data" "/app/$dir/seed/"; fi; \
    done
WORKDIR /app
# Production dependencies of the workspaces that run; the test and web workspaces' (browsers, Vite) stay out.
RUN npm ci --omit=dev --no-audit --no-fund -w shared -w gateway -w codegen $(dirname subgraphs/*/package.json | sed 's/^/-w /') \
 && npm cache clean --force

FROM ${BASE} AS runtime
# HOST: listen on every address of the container; no PORT, so that a subgraph keeps its domain's port.
ENV APOLLO_TELEMETRY_DISABLED=1 NODE_ENV=production HUB_ENV=production HOST=0.0.0.0
# `govhub` is a command too (npm links the gateway's bin), for a pod that names it instead of the entrypoint.
ENV PATH=/app/node_modules/.bin:$PATH
WORKDIR /app
# Owned by root and read-only to the hub's user: a production process writes nothing into its code.
COPY --from=build /app /app
USER 10001:10001
# The gateway's port, then the built-in domains' (governance 4001 ... business 4008).
EXPOSE 4000 4001 4002 4003 4004 4005 4006 4007 4008
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 CMD ["node", "gateway/dist/cli/healthcheck.js"]
ENTRYPOINT ["node", "gateway/dist/cli/govhub.js"]
CMD ["gateway"]
