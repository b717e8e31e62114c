// The web apps' unit tests need no database: the shared settings without the PostgreSQL global setup.
const { globalSetup, globalTeardown, ...base } = require('../jest.base.js');

module.exports = { ...base };
