const base = require('../jest.base.js');

// graphql-codegen requires auto-bind, an ES module: plain Node 20 loads it (require of ESM), jest's runtime does not.
module.exports = {
  ...base,
  transform: { ...base.transform, '/auto-bind/.+\\.js$': ['@swc/jest', { module: { type: 'commonjs' } }] },
  transformIgnorePatterns: ['/node_modules/(?!auto-bind/)'],
};
