// `npm run db:check`: fails when the schema and the committed migrations disagree, or when a
// committed migration was edited. `--update-lock` (run by db:generate) records new migrations only.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { defaultMigrationsDir, loadMigrations } from './migrations-source';

const lockPath = join(defaultMigrationsDir, 'hashes.json');

function readLock(): Record<string, string> {
  return existsSync(lockPath) ? (JSON.parse(readFileSync(lockPath, 'utf8')) as Record<string, string>) : {};
}

function checkLock(update: boolean): string[] {
  const lock = readLock();
  const problems: string[] = [];
  for (const m of loadMigrations()) {
    const locked = lock[m.tag];
    if (locked === undefined) {
      if (update) lock[m.tag] = m.hash;
      else problems.push(`migration ${m.tag} is not in db/migrations/hashes.json: run npm run db:generate`);
    } else if (locked !== m.hash) {
      problems.push(`migration ${m.tag} was edited after it was committed: add a new migration instead`);
    }
  }
  if (update) writeFileSync(lockPath, JSON.stringify(lock, null, 2) + '\n');
  return problems;
}

function checkSchemaMatches(): string[] {
  const work = mkdtempSync(join(tmpdir(), 'dockside-dbcheck-'));
  try {
    const out = join(work, 'migrations');
    cpSync(defaultMigrationsDir, out, { recursive: true });
    const config = join(work, 'drizzle.config.json');
    writeFileSync(config, JSON.stringify({ dialect: 'sqlite', schema: resolve('db/schema.ts'), out: relative(process.cwd(), out) }));
    const before = new Set(readdirSync(out));
    execFileSync(process.execPath, [resolve('node_modules/drizzle-kit/bin.cjs'), 'generate', `--config=${config}`], {
      stdio: 'pipe',
    });
    const added = readdirSync(out).filter((f) => !before.has(f));
    return added.length > 0
      ? [`db/schema.ts has changes with no migration (drizzle-kit would write ${added.join(', ')}): run npm run db:generate`]
      : [];
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const update = process.argv.includes('--update-lock');
const problems = [...checkLock(update), ...(update ? [] : checkSchemaMatches())];
if (problems.length > 0) {
  for (const p of problems) console.error(`db:check: ${p}`);
  process.exit(1);
}
console.log(update ? 'db:check: lock updated' : 'db:check: schema, migrations and hashes agree');
