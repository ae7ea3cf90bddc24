// The browser benchmarks need the built renderer (the host serves out/renderer). On a fresh clone
// it is missing, and after a change to the sources it is stale: either way build it here
// (electron-vite build) instead of measuring nothing, or measuring yesterday's code.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What electron-vite build reads: a newer file here means out/ no longer matches the sources. */
const SOURCES = ['renderer', 'shared', 'electron', 'electron.vite.config.ts', 'package.json', 'package-lock.json', 'tsconfig.web.json'];
const BUILT = join('out', 'renderer', 'index.html');

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file shows as a newer directory
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** Why the renderer must be (re)built, or undefined when out/ is up to date. */
export function rendererBuildReason(root = process.cwd()): string | undefined {
  const built = join(root, BUILT);
  if (!existsSync(built)) return `${BUILT} is missing`;
  const builtAt = statSync(built).mtimeMs;
  const stale = SOURCES.find((source) => newestMtime(join(root, source)) > builtAt);
  return stale === undefined ? undefined : `${stale} changed after the last build`;
}

export function ensureRendererBuilt(group: string, root = process.cwd()): void {
  const reason = rendererBuildReason(root);
  if (reason === undefined) return;
  console.log(`bench ${group}: ${reason}; building it (npx electron-vite build) …`);
  const built = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) throw new Error(`bench ${group}: \`npx electron-vite build\` failed (exit ${built.status ?? built.signal}); the host needs ${BUILT}`);
  const still = rendererBuildReason(root);
  if (still !== undefined) throw new Error(`bench ${group}: built, but ${still}`);
}
