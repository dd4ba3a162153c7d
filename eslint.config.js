import js from '@eslint/js';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/**
 * Tests and their helpers: a folder's own test-support.ts / test-fixtures.ts, *.fixture.ts and
 * fixtures/ folders. They are linted, but not held to the layer rules.
 */
const TESTS = [
  '**/*.test.{ts,tsx}',
  '**/*test-support.ts',
  '**/test-fixtures.ts',
  '**/*.fixture.ts',
  '**/fixtures/**',
];

/** Only tests (and the helpers themselves) may import test helpers (test-support/ is also a zone). */
const TEST_HELPERS = {
  regex: String.raw`(^|/)([\w-]*test-support|test-fixtures)(/|$)|\.fixture$|(^|/)fixtures/`,
  message: 'Test helpers are for tests only: production code must not depend on them.',
};

const COMPONENTS = ['renderer/features/**/*.{ts,tsx}', 'renderer/components/**/*.{ts,tsx}'];
const NO_CONTRACT_IN_COMPONENTS = {
  group: ['**/api', '**/api.ts'],
  message:
    'Components do not call the contract: read server state and dispatch actions through renderer/store (useLantern).',
};

/**
 * The layers, by where a file is and what it imports, resolved to real paths (not by how the
 * import is spelt): ARCHITECTURE.md's process boundary, enforced.
 */
const LAYER_ZONES = [
  {
    target: './renderer',
    from: ['./electron', './sandbox', './test-support', './e2e', './bench', './scripts'],
    message: 'The renderer reaches the main side only through renderer/api.ts and the contract.',
  },
  {
    target: './shared',
    from: ['./electron', './renderer', './sandbox', './test-support', './e2e', './bench', './scripts'],
    message: 'shared/ is pure: it imports only from shared/.',
  },
  {
    target: './electron',
    from: ['./renderer', './e2e', './bench', './scripts', './test-support'],
    message: 'The main side does not import the renderer, tests or tools.',
  },
];

/** Lantern treats the sandbox as any remote API: only its launcher starts it (and sandbox/, e2e/, bench/). */
const SANDBOX_ZONE = {
  target: ['./electron', './renderer', './shared', './scripts', './test-support'],
  from: './sandbox',
  message:
    'Only electron/services/sample/sandbox-launcher.ts may import the sandbox (and sandbox/, e2e/, bench/).',
};

const resolver = createNodeResolver({ extensions: ['.ts', '.tsx', '.mts', '.js', '.mjs'] });

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '**/*.d.ts',
      '**/*.d.mts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Type-aware rules on all production TypeScript: a promise nobody awaits or catches, a promise
  // where a plain value is expected, a switch that forgets a case, a cast that changes nothing.
  {
    files: ['{shared,electron,renderer,sandbox}/**/*.{ts,tsx}'],
    ignores: TESTS,
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  // Layer boundaries by resolved path. Production code: the layers and the sandbox; tests and
  // test-support: the sandbox only (only the launcher, and its own test, start it).
  {
    files: ['{shared,electron,renderer,scripts,test-support}/**/*.{ts,tsx,mts,mjs}'],
    ignores: [
      'electron/services/sample/sandbox-launcher.ts',
      'electron/services/sample/sandbox-launcher.test.ts',
    ],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [resolver] },
    rules: { 'import-x/no-restricted-paths': ['error', { zones: [SANDBOX_ZONE] }] },
  },
  {
    files: ['{shared,electron,renderer,scripts}/**/*.{ts,tsx,mts,mjs}'],
    ignores: TESTS,
    rules: { 'import-x/no-restricted-paths': ['error', { zones: [...LAYER_ZONES, SANDBOX_ZONE] }] },
  },
  {
    files: ['electron/services/sample/sandbox-launcher.ts'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [resolver] },
    rules: { 'import-x/no-restricted-paths': ['error', { zones: LAYER_ZONES }] },
  },
  // Raw IPC belongs only to the contract wrappers; Node and Electron stay out of the renderer.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/api.ts', ...TESTS],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'Use renderer/api.ts.' }],
          patterns: [
            { group: ['node:*'], message: 'The renderer has no Node: ask the main side.' },
            TEST_HELPERS,
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'ipcRenderer', message: 'Use renderer/api.ts.' }],
    },
  },
  {
    // Components render and dispatch; the store is the only part of the renderer that calls the main side.
    files: COMPONENTS,
    ignores: TESTS,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          // This block replaces the renderer's one for these files, so it repeats its rules.
          paths: [{ name: 'electron', message: 'Use renderer/store.' }],
          patterns: [
            { group: ['node:*'], message: 'The renderer has no Node: ask the main side.' },
            TEST_HELPERS,
            NO_CONTRACT_IN_COMPONENTS,
          ],
        },
      ],
    },
  },
  {
    // Their tests may use the test helpers, never the contract.
    files: COMPONENTS.map((glob) => glob.replace('*.{ts,tsx}', '*.test.{ts,tsx}')),
    rules: { 'no-restricted-imports': ['error', { patterns: [NO_CONTRACT_IN_COMPONENTS] }] },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: TESTS,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'electron', 'react', 'react-dom', 'undici', '@napi-rs/*'],
              message: 'shared/ is pure.',
            },
            TEST_HELPERS,
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: TESTS,
    rules: { 'no-restricted-imports': ['error', { patterns: [TEST_HELPERS] }] },
  },
);
