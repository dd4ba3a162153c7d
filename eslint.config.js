import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Use renderer/api.ts.' }] }],
      'no-restricted-globals': ['error', { name: 'ipcRenderer', message: 'Use renderer/api.ts.' }],
    },
  },
  {
    // Components render and dispatch; the store is the only part of the renderer that calls the main side.
    files: ['renderer/features/**/*.{ts,tsx}', 'renderer/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          // This block replaces the one above for these files, so it repeats its rule.
          paths: [{ name: 'electron', message: 'Use renderer/store.' }],
          patterns: [
            {
              group: ['**/api', '**/api.ts'],
              message:
                'Components do not call the contract: read server state and dispatch actions through renderer/store (useLantern).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:*', 'electron', 'react', 'react-dom'], message: 'shared/ is pure.' }] },
      ],
    },
  },
);
