/**
 * Hive Gateway's config file. Hive Gateway imports it with its own loader, as an ES module; the
 * product's code is CommonJS TypeScript run by tsx everywhere else, so this hands over to tsx
 * (the project's own copy) for hive-config.ts and everything it imports.
 */
/* global require, exports, __dirname, __filename -- CommonJS */
const { join } = require('node:path');

const tsx = require(require.resolve('tsx/cjs/api', { paths: [join(__dirname, '..', '..')] }));

// Named, so that the ES module import sees it.
exports.gatewayConfig = tsx.require('./hive-config.ts', __filename).gatewayConfig;
