// `npm run bench [group…]`: runs bench/<group>.ts (each exports run(): figures), merges the figures
// under the group's key in bench/results.json with the machine they came from, and prints a table.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

type Figures = Record<string, unknown>;
const here = fileURLToPath(new URL('.', import.meta.url));
const resultsPath = join(here, 'results.json');

const available = readdirSync(here)
  .filter((f) => f.endsWith('.ts') && !['run.ts', 'stats.ts'].includes(f) && !f.startsWith('_'))
  .map((f) => f.slice(0, -3))
  .sort();

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = wanted.filter((g) => !available.includes(g));
if (unknown.length > 0) {
  console.error(`bench: no group ${unknown.join(', ')}; groups are ${available.join(', ')}`);
  process.exit(2);
}

const results: Record<string, Figures> = existsSync(resultsPath) ? JSON.parse(readFileSync(resultsPath, 'utf8')) : {};
const lines: string[] = [];
for (const group of wanted.length > 0 ? wanted : available) {
  // A file may file its figures under another group's key (scan-ui.ts under "scan", as the issues name them).
  const mod = (await import(pathToFileURL(join(here, `${group}.ts`)).href)) as { run: () => Promise<Figures>; resultKey?: string };
  const key = mod.resultKey ?? group;
  console.log(`bench: ${group} …`);
  const started = Date.now();
  const figures = await mod.run();
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
