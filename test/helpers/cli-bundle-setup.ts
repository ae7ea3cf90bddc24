// Global setup for the test runners: one CLI bundle per run, named to every test process through the
// environment (see cli-bundle.ts for why).
import { buildCliBundle } from './cli-bundle';
import { CLI_BUNDLE_ENV } from './dockside-entry';

export default async function setup(): Promise<void> {
  process.env[CLI_BUNDLE_ENV] = await buildCliBundle();
}
