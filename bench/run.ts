// `npm run bench [group…]`: runs bench/<group>.ts (each exports run(): figures), merges the figures
// under the group's key in bench/results.json with the machine they came from, and prints a table.
// Each group runs in a process of its own, so no group's memory or GC debt lands on another's figures.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

type Figures = Record<string, unknown>;
const here = fileURLToPath(new URL('.', import.meta.url));
const resultsPath = join(here, 'results.json');

const available = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !['run.ts', 'stats.ts'].includes(f) && !f.startsWith('_'))
  .map((f) => f.slice(0, -3))
  .sort();

type GroupModule = { run: () => Promise<Figures>; resultKey?: string };
const importGroup = async (group: string) => (await import(pathToFileURL(join(here, `${group}.ts`)).href)) as GroupModule;

// The child side: `run.ts --only GROUP --figures-to FILE` runs one group and writes its figures.
const only = process.argv.indexOf('--only');
if (only !== -1) {
  const group = process.argv[only + 1] ?? '';
  const out = process.argv[process.argv.indexOf('--figures-to') + 1] ?? '';
  writeFileSync(out, JSON.stringify(await (await importGroup(group)).run()));
  process.exit(0);
}

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = wanted.filter((g) => !available.includes(g));
if (unknown.length > 0) {
  console.error(`bench: no group ${unknown.join(', ')}; groups are ${available.join(', ')}`);
  process.exit(2);
}

function runAlone(group: string): Figures {
  const dir = mkdtempSync(join(tmpdir(), 'dockside-bench-'));
  try {
    const out = join(dir, 'figures.json');
    const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--only', group, '--figures-to', out], { stdio: 'inherit' });
    if (child.status !== 0 || !existsSync(out)) throw new Error(`bench: group ${group} failed (exit ${child.status ?? child.signal})`);
    return JSON.parse(readFileSync(out, 'utf8')) as Figures;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const results: Record<string, Figures> = existsSync(resultsPath) ? JSON.parse(readFileSync(resultsPath, 'utf8')) : {};
const lines: string[] = [];
for (const group of wanted.length > 0 ? wanted : available) {
  // A file may file its figures under another group's key (scan-ui.ts under "scan", as the issues name them).
  const key = (await importGroup(group)).resultKey ?? group;
  console.log(`bench: ${group} …`);
  const started = Date.now();
  const figures = runAlone(group);
  results[key] = { ...results[key], ...figures };
  console.log(`bench: ${group} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  for (const [name, value] of Object.entries(figures)) lines.push(`| ${key}.${name} | ${JSON.stringify(value)} |`);
}
results.machine = {
  cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
  memory_gb: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  platform: process.platform,
  measured_at: new Date().toISOString(),
};
writeFileSync(resultsPath, JSON.stringify(results, null, 2) + '\n');
const table = ['| figure | value |', '|---|---|', ...lines].join('\n');
writeFileSync(join(here, 'results.md'), `# Benchmark figures\n\nMachine: ${JSON.stringify(results.machine)}\n\n${table}\n`);
console.log(table);
