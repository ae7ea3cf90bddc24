import { configDefaults, defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// One runner, four projects: pure/node units, jsdom components, integration over real SQLite and
// loopback HTTP, and the slower fault loops (run on their own with `npm run test:fault`).
export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts'],
          exclude: ['test/unit/renderer/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['test/unit/renderer/**/*.test.{ts,tsx}'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          environment: 'node',
          include: ['test/integration/**/*.test.ts'],
          // The CLI tests spawn `dockside` hundreds of times: bundled once here (test/helpers/cli-bundle.ts).
          globalSetup: ['test/helpers/cli-bundle-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'fault',
          environment: 'node',
          include: ['test/fault/**/*.test.ts'],
          globalSetup: ['test/helpers/cli-bundle-setup.ts'],
          // The real-tmpfs disk-full test needs mount rights (root or `unshare -rm`): only the full
          // `npm run test:fault` run sets DOCKSIDE_FAULT_TMPFS=1; the short run inside `npm test` leaves it out.
          exclude: [...configDefaults.exclude, ...(process.env.DOCKSIDE_FAULT_TMPFS === '1' ? [] : ['test/fault/disk-tmpfs.test.ts'])],
          testTimeout: 600_000,
        },
      },
    ],
  },
});
