// Which file a test hands to `node` to run the dockside command: the bundle the runner's global setup
// built (test/helpers/cli-bundle.ts), or bin/dockside.js when a test file is run without that setup.
/** The environment variable naming the bundle for the test processes the runner starts. */
export const CLI_BUNDLE_ENV = 'DOCKSIDE_TEST_CLI';

export function docksideEntry(): string {
  return process.env[CLI_BUNDLE_ENV] ?? 'bin/dockside.js';
}
