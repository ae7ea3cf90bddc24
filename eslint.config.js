// Lint is mostly about the project's boundaries: where 'electron' may be imported, and what the
// platform-free layers (shared/, renderer/) may reach. Style is left to the type checker.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import i18next from 'eslint-plugin-i18next';
import { readdirSync } from 'node:fs';

const electronOnly = {
  paths: [{ name: 'electron', message: "Only electron/main and electron/preload may import 'electron': the core must run without it." }],
  patterns: [{ group: ['electron/*'], message: "Only electron/main and electron/preload may import 'electron'." }],
};

// The SQL lives in db/ (repositories); the core asks them in domain words (issue 14).
const sqlOutsideDb = ['drizzle-orm', 'drizzle-orm/*', '**/db/schema', '**/db/hub/schema', '**/db/hub/local/schema'];

// Features (or, while a feature is half done, single files) whose every word comes from
// renderer/src/i18n/locales: a literal in their JSX is an error. One joins when its strings are in the catalogs.
const translated = ['sign-in/**/*.tsx', 'first-run/**/*.tsx', 'boot/**/*.tsx', 'scan/**/*.tsx', 'settings/**/*.tsx', 'scanner-test/**/*.tsx', 'reports/**/*.tsx', 'audit/**/*.tsx', 'upload/**/*.tsx', 'partner/**/*.tsx', 'batches/**/*.tsx'];
// The shared components (Message, PinInput, PinRules, IdentityBadge, Dialog, tuple…), the shell and the pages speak the catalogs too.
const translatedComponents = ['renderer/src/components/**/*.tsx', 'renderer/src/shell/**/*.tsx', 'renderer/src/pages/**/*.tsx'];

const nodeOnly = ['better-sqlite3', 'drizzle-orm', 'drizzle-orm/*', 'node:*', 'fs', 'path', 'crypto', 'child_process', 'http'];
const browserSafe = [...electronOnly.patterns, { group: nodeOnly, message: 'shared/ and renderer/ run in the browser too: no Node or database imports.' }];

// No feature imports another feature (issue 14): what two features share lives in renderer/src/lib
// (hooks, helpers) or renderer/src/components; renderer/src/pages and renderer/src/shell compose features.
// One block per feature folder, because the rule has to know which sibling is "itself".
const features = readdirSync(new URL('./renderer/src/features', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const featureBoundary = (self) => ({
  files: [`renderer/src/features/${self}/**`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: electronOnly.paths,
        patterns: [
          ...browserSafe,
          { regex: `^\\.\\./(?!${self}/)[^./][^/]*/`, message: `features/${self} may not import another feature: move what is shared to renderer/src/lib or renderer/src/components.` },
          { regex: '^(\\.\\./)+(features|pages|shell)/', message: 'A feature may not reach into another feature, a page or the shell: share through renderer/src/lib or renderer/src/components.' },
        ],
      },
    ],
  },
});

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
    files: ['electron/core/**', 'electron/host/**', 'electron/cli/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: electronOnly.paths, patterns: [...electronOnly.patterns, { group: sqlOutsideDb, message: 'Queries live in db/repos: add a repository function there and call it.' }] }],
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
          patterns: browserSafe,
        },
      ],
    },
  },
  ...features.map(featureBoundary),
  {
    files: [...translated.map((f) => `renderer/src/features/${f}`), ...translatedComponents],
    plugins: { i18next },
    // jsx-only: text and user-facing attributes (aria-label, title, placeholder, label…) in JSX; class
    // names, test ids and keys passed to t() are not words a person reads.
    rules: { 'i18next/no-literal-string': ['error', { mode: 'jsx-only', 'jsx-attributes': { include: ['aria-label', 'title', 'placeholder', 'alt', 'label', 'enterLabel'] } }] },
  },
);
