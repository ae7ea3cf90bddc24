// `npm run db:check`: fails when the schema and the committed migrations disagree, or when a
// committed migration was edited. `--update-lock` (run by db:generate) records new migrations only.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { defaultMigrationsDir, loadMigrations } from './migrations-source';
import { hubMigrationsDir } from './hub/migrations-dir';

/** The station's SQLite schema, and the fleet hub's PostgreSQL one: the same discipline for both. */
interface MigrationSet {
  readonly dir: string;
  readonly dialect: 'sqlite' | 'postgresql';
  readonly schema: string;
}

const sets: MigrationSet[] = [
  { dir: defaultMigrationsDir, dialect: 'sqlite', schema: 'db/schema.ts' },
  { dir: hubMigrationsDir, dialect: 'postgresql', schema: 'db/hub/schema.ts' },
];

function readLock(lockPath: string): Record<string, string> {
  return existsSync(lockPath) ? (JSON.parse(readFileSync(lockPath, 'utf8')) as Record<string, string>) : {};
}

function checkLock({ dir }: MigrationSet, update: boolean): string[] {
  const lockPath = join(dir, 'hashes.json');
  const lock = readLock(lockPath);
  const problems: string[] = [];
  for (const m of loadMigrations(dir)) {
    const locked = lock[m.tag];
    if (locked === undefined) {
      if (update) lock[m.tag] = m.hash;
      else problems.push(`migration ${m.tag} is not in ${relative(process.cwd(), lockPath)}: run npm run db:generate`);
    } else if (locked !== m.hash) {
      problems.push(`migration ${m.tag} was edited after it was committed: add a new migration instead`);
    }
  }
  if (update) writeFileSync(lockPath, JSON.stringify(lock, null, 2) + '\n');
  return problems;
}

function checkSchemaMatches({ dir, dialect, schema }: MigrationSet): string[] {
  const work = mkdtempSync(join(tmpdir(), 'dockside-dbcheck-'));
  try {
    const out = join(work, 'migrations');
    cpSync(dir, out, { recursive: true });
    const config = join(work, 'drizzle.config.json');
    writeFileSync(config, JSON.stringify({ dialect, schema: resolve(schema), out: relative(process.cwd(), out) }));
    const before = new Set(readdirSync(out));
    execFileSync(process.execPath, [resolve('node_modules/drizzle-kit/bin.cjs'), 'generate', `--config=${config}`], {
      stdio: 'pipe',
    });
    const added = readdirSync(out).filter((f) => !before.has(f));
    return added.length > 0
      ? [`${schema} has changes with no migration (drizzle-kit would write ${added.join(', ')}): run npm run db:generate${dialect === 'postgresql' ? ' -- --config=db/hub/drizzle.config.ts' : ''}`]
      : [];
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const update = process.argv.includes('--update-lock');
const problems = sets.flatMap((set) => [...checkLock(set, update), ...(update ? [] : checkSchemaMatches(set))]);
if (problems.length > 0) {
  for (const p of problems) console.error(`db:check: ${p}`);
  process.exit(1);
}
console.log(update ? 'db:check: lock updated' : 'db:check: schema, migrations and hashes agree');
