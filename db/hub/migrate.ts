// Creates or upgrades the hub's schema from the committed, hash-locked migrations. Like the station's
// migrator (db/open.ts) it refuses a hub whose applied migrations were edited or are newer than this
// code; an advisory lock makes two `fleet init`s at once take turns instead of racing.
import type pg from 'pg';
import { loadMigrations, type Migration } from '../migrations-source';
import { HubError } from './errors';
import { hubMigrationsDir } from './migrations-dir';

const MIGRATIONS_TABLE = '__dockside_hub_migrations';
const MIGRATE_LOCK = 0x646f636b; // 'dock'

export interface HubMigrationResult {
  readonly applied: readonly string[];
  readonly current: string | null;
}

interface AppliedRow {
  tag: string;
  hash: string;
}

function pending(applied: AppliedRow[], known: Migration[], where: string): Migration[] {
  const byTag = new Map(known.map((m) => [m.tag, m]));
  const unknown = applied.filter((a) => !byTag.has(a.tag)).map((a) => a.tag);
  if (unknown.length > 0) throw new HubError('newer-than-code', `The fleet hub (${where}) was set up by a newer Dockside (${unknown.join(', ')}): update this station first.`);
  const edited = applied.find((a) => byTag.get(a.tag)?.hash !== a.hash);
  if (edited) throw new HubError('migration-edited', `The fleet hub (${where}) ran a different version of migration ${edited.tag} than this Dockside ships: nothing was changed.`);
  const done = new Set(applied.map((a) => a.tag));
  return known.filter((m) => !done.has(m.tag));
}

export async function migrateHub(pool: pg.Pool, where: string, dir: string = hubMigrationsDir): Promise<HubMigrationResult> {
  const known = loadMigrations(dir);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATE_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (idx integer PRIMARY KEY, tag text NOT NULL, hash text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const applied = (await client.query<AppliedRow>(`SELECT tag, hash FROM ${MIGRATIONS_TABLE} ORDER BY idx`)).rows;
    const todo = pending(applied, known, where);
    for (const m of todo) {
      for (const statement of m.statements) await client.query(statement);
      await client.query(`INSERT INTO ${MIGRATIONS_TABLE} (idx, tag, hash) VALUES ($1, $2, $3)`, [m.idx, m.tag, m.hash]);
    }
    await client.query('COMMIT');
    return { applied: todo.map((m) => m.tag), current: known.at(-1)?.tag ?? null };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

/** Whether the hub's schema is the one this code ships (stations check before they push). */
export async function hubSchemaProblem(pool: pg.Pool, where: string, dir: string = hubMigrationsDir): Promise<HubError | null> {
  const exists = await pool.query<{ ok: boolean }>(`SELECT to_regclass('${MIGRATIONS_TABLE}') IS NOT NULL AS ok`);
  if (!exists.rows[0]?.ok) return new HubError('not-initialised', `The fleet hub (${where}) has no fleet tables yet: run dockside fleet init --hub URL with the hub owner's role first.`);
  const applied = (await pool.query<AppliedRow>(`SELECT tag, hash FROM ${MIGRATIONS_TABLE} ORDER BY idx`)).rows;
  try {
    const todo = pending(applied, loadMigrations(dir), where);
    return todo.length === 0 ? null : new HubError('not-initialised', `The fleet hub (${where}) needs an upgrade (${todo.map((m) => m.tag).join(', ')}): run dockside fleet init --hub URL with the hub owner's role.`);
  } catch (err) {
    return err instanceof HubError ? err : null;
  }
}
