// Lint is mostly about the project's boundaries: where 'electron' may be imported, and what the
// platform-free layers (shared/, renderer/) may reach. Style is left to the type checker.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const electronOnly = {
  paths: [{ name: 'electron', message: "Only electron/main and electron/preload may import 'electron': the core must run without it." }],
  patterns: [{ group: ['electron/*'], message: "Only electron/main and electron/preload may import 'electron'." }],
};

const nodeOnly = ['better-sqlite3', 'drizzle-orm', 'drizzle-orm/*', 'node:*', 'fs', 'path', 'crypto', 'child_process', 'http'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'db/migrations/**', 'test-results/**', 'playwright-report/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', electronOnly],
    },
  },
  {
    files: ['electron/main/**', 'electron/preload/**', 'test/unit/electron/main/**', 'test/unit/electron/preload/**', 'test/helpers/electron-mock.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['shared/**', 'renderer/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: electronOnly.paths,
          patterns: [...electronOnly.patterns, { group: nodeOnly, message: 'shared/ and renderer/ run in the browser too: no Node or database imports.' }],
        },
      ],
    },
  },
);
