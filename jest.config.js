/** Jest: TypeScript through SWC, real PostgreSQL started once for the whole run (test/support). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.(t|j)s$': [
      '@swc/jest',
      { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } },
    ],
  },
  // Packages published as ES modules only (jose; auto-bind, used by graphql-codegen): compile them
  // like our own code, since Jest on Node 20 cannot require() them.
  transformIgnorePatterns: ['/node_modules/(?!(jose|auto-bind)/)'],
  setupFiles: ['<rootDir>/test/support/env.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60_000,
  maxWorkers: 2,
};
