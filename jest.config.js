/** Jest runs TypeScript through @swc/jest (no type checking: `npm run typecheck` does that). */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/schemas/src', '<rootDir>/rules/src', '<rootDir>/seed/src', '<rootDir>/server/src'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  moduleNameMapper: { '^@baton/(schemas|rules|seed|server)$': '<rootDir>/$1/src/index.ts' },
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  testTimeout: 30000,
};
