// The `dockside` command as the tests run it. bin/dockside.js compiles the TypeScript sources through
// tsx on every start (~1 s of CPU before the command does anything); the tests start it hundreds of
// times, so the test runners' global setup bundles the same sources once with esbuild and the tests
// spawn that bundle instead. It is built from the working tree at every run, so it cannot go stale;
// test/integration/cli/help.test.ts still runs bin/dockside.js itself, the way a user does.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

const repoRoot = resolve(import.meta.dirname, '..', '..');

// Sources that find files next to themselves (migrations, the demo seed) keep their own address.
const keepOwnUrl: Plugin = {
  name: 'keep-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      return { contents: text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
    });
  },
};

/** Bundles electron/cli/main.ts into node_modules/.cache (so its packages resolve) and returns the file. */
export async function buildCliBundle(): Promise<string> {
  const result = await build({
    entryPoints: [join(repoRoot, 'electron/cli/main.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    write: false,
    metafile: false,
    logLevel: 'silent',
    plugins: [keepOwnUrl],
  });
  const code = result.outputFiles[0]?.contents;
  if (code === undefined) throw new Error('esbuild produced no bundle for electron/cli/main.ts');
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  // One folder per content: runs side by side never overwrite a bundle another one is using.
  const dir = join(repoRoot, 'node_modules', '.cache', 'dockside-cli', hash);
  const file = join(dir, 'dockside.mjs');
  if (existsSync(file)) return file;
  mkdirSync(dir, { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, code);
  renameSync(temp, file);
  return file;
}
