import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Test helpers: test-support/, a folder's own test-support.ts / test-fixtures.ts, *.fixture.ts
// and fixtures/ folders. Only tests (and these helpers themselves) may import them.
const testHelpers = {
  regex: String.raw`(^|/)([\w-]*test-support|test-fixtures)(/|$)|\.fixture$|(^|/)fixtures/`,
  message: 'Test helpers are for tests only: production code must not depend on them.',
};
const testFiles = [
  '**/*.test.{ts,tsx}',
  '**/*test-support.ts',
  '**/test-fixtures.ts',
  '**/*.fixture.ts',
  '**/fixtures/**',
];
const electronOutsideApi = { name: 'electron', message: 'Use renderer/api.ts.' };
const pureShared = { group: ['node:*', 'electron', 'react', 'react-dom'], message: 'shared/ is pure.' };

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Raw IPC belongs only to the contract wrappers.
    files: ['renderer/**/*.{ts,tsx}', 'shared/**/*.ts'],
    ignores: ['renderer/api.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electronOutsideApi] }],
      'no-restricted-globals': ['error', { name: 'ipcRenderer', message: 'Use renderer/api.ts.' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [pureShared] }],
    },
  },
  // Production code never imports test helpers. A later block's options replace an earlier one's
  // for the same rule, so the renderer and shared/ blocks repeat their own restrictions.
  {
    files: ['electron/**/*.ts', 'shared/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    ignores: testFiles,
    rules: { 'no-restricted-imports': ['error', { patterns: [testHelpers] }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/api.ts', ...testFiles],
    rules: { 'no-restricted-imports': ['error', { paths: [electronOutsideApi], patterns: [testHelpers] }] },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: testFiles,
    rules: { 'no-restricted-imports': ['error', { patterns: [pureShared, testHelpers] }] },
  },
);
