#!/usr/bin/env node
// `npx govhub`: a stable entry that exists before the first build (npm links bins at install time).
process.env.APOLLO_TELEMETRY_DISABLED ??= '1';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const cli = join(__dirname, '..', 'dist', 'cli', 'govhub.js');
if (!existsSync(cli)) {
  process.stderr.write('govhub is not built yet: run `npm run build` (or `npm start` / `npm test`) first\n');
  process.exit(2);
}
require(cli);
