// What a handler gets: the database for the repositories, the caller's session, the clock, and one way
// to write, which commits durably, then tells every front door which tables changed. The raw SQLite
// handle is not in it: backup and support, which need the file itself, are given theirs (station.ts).
import type { StationDb } from '../../db/open';
import type { StationTx } from '../../db/types';
import type { TableName } from '../../shared/contract';
import { appendAudit, type AuditEntry } from './audit';
import type { AuditSeal } from './audit-seal/seal';
import type { BoxAssembly } from './box-assembly';
import type { EventBus } from './event-bus';
import type { UnknownNameGuard } from './pin-guard';
import type { FleetPinCounter } from './fleet/fleet-pins';
import type { Session, SessionStore } from './sessions';
import type { Logger } from './log';
import type { StationChecks } from './verify';
import { auditLogFields } from './logging/audit-line';


export interface StationIdentity {
  readonly id: string;
  readonly name: string;
  /** The key and head its audit rows are sealed with (audit-seal/). */
  readonly seal: AuditSeal;
}

export interface CoreDeps {
  /** What repositories (db/repos) take; handlers ask them, never write SQL themselves. */
  readonly db: StationDb;
  /** The database's own checks and the audit chain's (station:verify, the audit viewer). */
  readonly checks: StationChecks;
  readonly now: () => number;
  readonly station: StationIdentity;
  readonly events: EventBus;
  readonly sessions: SessionStore;
  readonly boxes: BoxAssembly;
  readonly pinCost: number;
  /** The lock-out for names that match no active operator (in memory, nothing about them stored). */
  readonly unknownNames: UnknownNameGuard;
  /** In a fleet: the lock-out's count on the hub, beside the station's own (absent: the station's own only). */
  readonly fleetPins?: FleetPinCounter;
  readonly practiceMode: boolean;
  readonly version: string;
  /** The OS's preferred languages as the front door read them (canonical tags), or none when it cannot tell. */
  readonly systemLanguages: readonly string[];
  /** Where audited events are also written, for support (the support bundle's log). */
  readonly logger?: Logger;
}

export interface HandlerContext extends CoreDeps {
  readonly session: Session | null;
  /** Runs fn in an IMMEDIATE transaction (so concurrent writers queue instead of failing), then emits db:changed. */
  write<T>(tables: readonly TableName[], fn: (tx: StationTx) => T): T;
  /** Appends an audit row on behalf of the caller (or nobody, for public channels). */
  audit(tx: StationTx, entry: AuditEntry): void;
}

export function write<T>(deps: CoreDeps, tables: readonly TableName[], fn: (tx: StationTx) => T): T {
  const result = deps.db.transaction(fn, { behavior: 'immediate' });
  deps.events.emit('db:changed', { tables: [...new Set<TableName>([...tables, 'audit'])] });
  return result;
}

export function makeContext(deps: CoreDeps, session: Session | null): HandlerContext {
  return {
    ...deps,
    session,
    write: (tables, fn) => write(deps, tables, fn),
    audit: (tx, entry) => {
      const full = { operatorId: session?.operatorId ?? null, operatorName: session?.name ?? null, ...entry };
      appendAudit(tx, deps.station, deps.now(), full);
      // The same event in the log, so a support bundle tells the shift's story (scalars only, redacted).
      deps.logger?.info(`audit ${full.action}`, auditLogFields(full));
    },
  };
}
