// The audit table's own end, as a head would record it.
import type Database from 'better-sqlite3';
import { GENESIS_HASH } from './format';
import type { AuditHead } from './head';

export interface LastRow {
  id: number;
  hash: string;
}

export function lastRow(sqlite: Database.Database): LastRow | undefined {
  return sqlite.prepare('SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1').get() as LastRow | undefined;
}

/** The head that describes the table as it is now (used when a chain is first keyed, and by backups). */
export function currentHead(sqlite: Database.Database, at: number): AuditHead {
  const last = lastRow(sqlite);
  const { n } = sqlite.prepare('SELECT count(*) AS n FROM audit').get() as { n: number };
  const keyed = sqlite.prepare("SELECT id FROM audit WHERE hash LIKE 'k1:%' ORDER BY id LIMIT 1").get() as { id: number } | undefined;
  return { rows: n, lastId: last?.id ?? 0, lastHash: last?.hash ?? GENESIS_HASH, keyedFrom: keyed?.id ?? null, at };
}

