// End-to-end tests drive Debian's Chromium against the real browser host (`dockside serve`), one
// fresh station per test (see test/e2e/fixtures.ts). Never `npx playwright install` here: it
// downloads a browser build and fails; /usr/bin/chromium comes from apt.
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './test/helpers/chromium';
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '*.spec.ts',
  // Every test starts its own `dockside serve`: bundled once, not compiled by tsx at each start.
  globalSetup: './test/helpers/cli-bundle-setup.ts',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list']],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1280, height: 800 },
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});
