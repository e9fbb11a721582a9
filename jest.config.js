/** Jest runs TypeScript through @swc/jest (no type checking: `npm run typecheck` does that). */
const baton = {
  '^@baton/(schemas|rules|seed|server)$': '<rootDir>/$1/src/index.ts',
  '^@baton/schemas/client$': '<rootDir>/schemas/src/client/index.ts',
  // A dynamic import() keeps its ".js" (Node16 module resolution); under Jest it is the .ts beside it.
  '^(\\.{1,2}/.*)\\.js$': '$1',
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 30000,
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      roots: ['<rootDir>/schemas/src', '<rootDir>/rules/src', '<rootDir>/seed/src', '<rootDir>/server/src', '<rootDir>/editor/e2e'],
      testMatch: ['**/*.test.ts'],
      transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
      moduleNameMapper: baton,
      testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    },
    {
      displayName: 'editor',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/editor/src'],
      testMatch: ['**/*.test.ts', '**/*.test.tsx'],
      transform: {
        '^.+\\.tsx?$': [
          '@swc/jest',
          { jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } } },
        ],
      },
      moduleNameMapper: { ...baton, '\\.css$': '<rootDir>/editor/src/test-support/style-stub.js' },
      setupFilesAfterEnv: ['<rootDir>/editor/src/test-support/setup.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/dist/'],
    },
  ],
};
