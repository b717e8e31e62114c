// Shared jest settings: TypeScript through SWC, one PostgreSQL server per run (embedded unless DATABASE_URL is set).
const { join } = require('node:path');

process.env.APOLLO_TELEMETRY_DISABLED = '1';

module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
  },
  globalSetup: join(__dirname, 'shared/dist/testing/globalSetup.js'),
  globalTeardown: join(__dirname, 'shared/dist/testing/globalTeardown.js'),
  testTimeout: 60_000,
  maxWorkers: 2,
};
