// `dockside verify` and the station:verify channel: the database's own checks plus the audit chain,
// held to its key and to the head kept outside the database.
import type Database from 'better-sqlite3';
import type { VerifyReport } from '../../shared/contract/station';
import { verifyAuditChain, type ChainCheck } from './audit';
import type { ChainKeys } from './audit-seal/seal';

/** The checks a handler may ask for, bound to the station's file and its audit keys. */
export interface StationChecks {
  station(): VerifyReport;
  auditChain(): ChainCheck;
}

export function stationChecks(sqlite: Database.Database, keys: () => ChainKeys): StationChecks {
  return { station: () => verifyStation(sqlite, keys()), auditChain: () => verifyAuditChain(sqlite, keys()) };
}

export function verifyStation(sqlite: Database.Database, keys: ChainKeys): VerifyReport {
  const integrity = (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
  const integrityProblems = integrity.length === 1 && integrity[0] === 'ok' ? [] : integrity;
  const foreignKeys = (sqlite.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[]).map(
    (r) => `${r.table} row ${r.rowid} points to a missing ${r.parent} row`,
  );
  const audit = verifyAuditChain(sqlite, keys);
  return { ok: integrityProblems.length === 0 && foreignKeys.length === 0 && audit.ok, integrity: integrityProblems, foreignKeys, audit };
}
