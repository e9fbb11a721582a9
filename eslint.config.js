// Lint keeps the dependency direction (README, "How the pieces fit"): schemas <- rules <- server, schemas <- seed, schemas <- editor.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

const noIo = ['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'http', 'node:http', 'better-sqlite3', 'mongoose', '@apollo/server', 'react'];

module.exports = tseslint.config(
  // generated/: GraphQL Code Generator's output (`npm run codegen`), checked by its own test instead.
  { ignores: ['**/dist/**', '**/dist-types/**', '**/node_modules/**', 'coverage/**', '.baton/**', 'editor/test-output/**', '**/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', __dirname: 'readonly', process: 'readonly', console: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['schemas/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [...noIo, '@baton/rules', '@baton/server', '@baton/seed'] }],
    },
  },
  {
    files: ['rules/src/**/*.ts'],
    // Tests, and the one test fixture that reads the seed's reference policy from disk.
    ignores: ['rules/src/**/*.test.ts', 'rules/src/testing/reference-files.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [...noIo, '@baton/server', '@baton/seed'] }],
    },
  },
  {
    // The editor runs in the browser and talks to the server over GraphQL only.
    files: ['editor/src/**/*.{ts,tsx}'],
    languageOptions: { globals: require('globals').browser },
    rules: { 'no-restricted-imports': ['error', { paths: ['@baton/rules', '@baton/server', '@baton/seed', 'fs', 'node:fs', 'http', 'node:http'] }] },
  },
  {
    files: ['editor/e2e/**/*.ts', 'editor/vite.config.mts'],
    languageOptions: { globals: require('globals').node },
  },
  {
    files: ['seed/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: ['@baton/server'] }] },
  },
);
