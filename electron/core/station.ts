// createStation() composes the core: open the database, load the station's identity, wire the
// dispatcher to the handlers. Every front door (Electron main, browser host, CLI, tests) starts here.
import { Fleet } from './fleet/fleet';
import { FleetUploadGate } from './fleet/upload-gate';
import { prepareDataDir } from './files/private-files';
import { UnknownNameGuard } from './pin-guard';
import { randomUUID } from 'node:crypto';
import type { Channel, ChannelInput, ChannelOutput, Result } from '../../shared/contract';
import { openDatabase, type OpenedDatabase } from '../../db/open';
import { appendAudit } from './audit';
import { openAuditSeal, type AuditSeal } from './audit-seal/seal';
import { defaultAuditKeyStores, type AuditKeyStore } from './audit-seal/key-stores';
import type { CoreDeps, StationIdentity } from './context';
import { databasePath } from './data-dir';
import { createDispatcher, type CallContext, type Dispatch } from './dispatcher';
import { BoxAssembly } from './box-assembly';
import { EventBus } from './event-bus';
import { composeHandlers } from './handlers/compose';
import { createPartnerLink, type PartnerCenterConfig } from './partner/partner-link';
import { SyncEngine } from './sync/engine';
import type { SyncOptions } from './sync/sync-context';
import { BackupService } from './backup/backup-service';
import { createLogger, type Logger } from './log';
import { SessionStore } from './sessions';
import { readSetting, writeSetting } from './settings';
import { stationVersion } from './version';
import { stationChecks } from './verify';
import type { SettingKey, SettingValue } from '../../shared/domain/settings';
import { canonicalLanguageTags } from '../../shared/domain/language-pick';
import { languageTag } from '../../shared/contract/session';

export interface StationConfig {
  dataDir: string;
  /** Pointed at the Partner Center emulator: the UI shows a practice-mode banner. */
  practiceMode?: boolean;
  /**
   * The OS's preferred languages, most preferred first, where the front door can tell (Electron's
   * app.getPreferredSystemLanguages()); station:info hands them to the sign-in screen.
   */
  systemLanguages?: readonly string[];
  /** log2 of scrypt's N for new PIN hashes; tests that create many operators may lower it. */
  pinCost?: number;
  now?: () => number;
  logger?: Logger;
  migrationsDir?: string;
  /**
   * Partner Center address and token provider (MSAL, or a static token for the emulator); absent = not
   * set up. A function is given the station's settings (the desktop app builds MSAL from them).
   */
  partnerCenter?: PartnerCenterConfig | ((setting: <K extends SettingKey>(key: K) => SettingValue<K> | undefined) => PartnerCenterConfig | undefined);
  /** Upload engine timings (tests shorten them). */
  syncOptions?: Partial<SyncOptions>;
  /** Runs the backup schedule from the settings (long-lived front doors); off so tests and one-shot CLI commands start no timer. */
  backupSchedule?: boolean;
  /** Pushes to and pulls from the fleet hub every few seconds while the station is in a fleet (long-lived front doors). */
  fleetSync?: boolean;
  /** The hub password for this run (DOCKSIDE_HUB_PASSWORD); else the one kept encrypted at join. */
  hubPassword?: string;
  /** Least time between two `backup:progress` events while a backup copies (default 200 ms; tests may set 0). */
  backupProgressEveryMs?: number;
  /**
   * Where the audit chain's key is looked for, in order (default: the OS keychain, then
   * <dataDir>/audit.key). The desktop app adds its safeStorage store.
   */
  auditKeyStores?: (dataDir: string) => Promise<AuditKeyStore[]>;
}

export interface Station {
  readonly dispatch: Dispatch;
  call<C extends Channel>(channel: C, input: ChannelInput<C>, call?: CallContext): Promise<Result<ChannelOutput<C>>>;
  readonly events: EventBus;
  readonly database: OpenedDatabase;
  readonly identity: StationIdentity;
  readonly dataDir: string;
  readonly logger: Logger;
  /** The upload engine; front doors that stay up call sync.start(). */
  readonly sync: SyncEngine;
  /** Database backups: on demand, and on the settings' schedule when config.backupSchedule is set. */
  readonly backups: BackupService;
  /** The station's side of the fleet hub (a station on its own answers "not in a fleet"). */
  readonly fleet: Fleet;
  /** Stops the engine's timer and closes the database; await sync.stop() first to let a step finish. */
  close(): void;
}

/** The station's identity and audit seal; a new station gets its id (and first audit row) here. */
async function loadIdentity(database: OpenedDatabase, config: StationConfig, now: () => number): Promise<StationIdentity> {
  const existing = readSetting(database.db, 'station.id');
  const name = readSetting(database.db, 'station.name') ?? 'Dockside station';
  const id = existing ?? randomUUID();
  const seal: AuditSeal = await openAuditSeal({
    sqlite: database.sqlite,
    dataDir: config.dataDir,
    stores: await (config.auditKeyStores ?? defaultAuditKeyStores)(config.dataDir),
    now,
    markKeyed: (s, unkeyedRows) =>
      database.db.transaction(
        (tx) =>
          appendAudit(tx, { id, seal: s }, now(), {
            action: 'audit:keyed',
            objectType: 'station',
            objectId: id,
            detail: { unkeyedRows, note: 'From this row on the audit trail is sealed with the station key; earlier rows were written unkeyed.' },
          }),
        { behavior: 'immediate' },
      ),
  });
  if (!existing) {
    database.db.transaction(
      (tx) => {
        writeSetting(tx, 'station.id', id, now(), null);
        appendAudit(tx, { id, seal }, now(), { action: 'station:created', objectType: 'station', objectId: id });
      },
      { behavior: 'immediate' },
    );
  }
  return { id, name, seal };
}

export async function createStation(config: StationConfig): Promise<Station> {
  const now = config.now ?? Date.now;
  const logger = config.logger ?? createLogger();
  prepareDataDir(config.dataDir);
  const database = await openDatabase({ path: databasePath(config.dataDir), migrationsDir: config.migrationsDir, now });
  let identity: StationIdentity;
  try {
    identity = await loadIdentity(database, config, now);
  } catch (err) {
    database.close();
    throw err;
  }
  // The first line of every run in the log: which build opened which station, for support bundles.
  logger.info('station opened', { version: stationVersion, station: identity.id, practiceMode: config.practiceMode ?? false, backupSchedule: config.backupSchedule ?? false });
  const events = new EventBus();
  const sessions = new SessionStore(now, () => (readSetting(database.db, 'session.idleMinutes') ?? 60) * 60_000);
  // Operators another dock changed or locked sign in again here, as after a change made here.
  const endSessions = (ids: readonly number[]) => {
    for (const id of ids) for (const s of sessions.closeOperator(id)) events.emit('session:changed', { sessionId: s.sessionId, state: 'signedOut', operator: null });
  };
  const fleet = new Fleet({ db: database.db, dataDir: config.dataDir, station: identity, now, logger, events, password: config.hubPassword, onOperatorsChanged: endSessions });
  const deps: CoreDeps = {
    db: database.db,
    checks: stationChecks(database.sqlite, () => identity.seal.chainKeys()),
    now,
    station: identity,
    events,
    sessions,
    boxes: new BoxAssembly(),
    pinCost: config.pinCost ?? 15,
    unknownNames: new UnknownNameGuard(now),
    fleetPins: fleet.pins,
    practiceMode: config.practiceMode ?? false,
    version: stationVersion,
    // Canonical here too, so station:info's output holds whatever a front door hands over.
    systemLanguages: canonicalLanguageTags(config.systemLanguages).filter((tag) => languageTag.safeParse(tag).success),
    logger,
  };
  const partner = createPartnerLink(typeof config.partnerCenter === 'function' ? config.partnerCenter((key) => readSetting(database.db, key)) : config.partnerCenter, { db: database.db, now, station: identity });
  // In a fleet, one dock uploads for a customer at a time: the engine asks the customer's lease first.
  const sync = new SyncEngine({ db: database.db, now, events, logger, station: identity, client: () => partner?.client ?? null, options: config.syncOptions, gate: new FleetUploadGate(fleet, database.db) });
  const backups = new BackupService({ sqlite: database.sqlite, db: database.db, dataDir: config.dataDir, now, station: identity, events, logger, progressEveryMs: config.backupProgressEveryMs });
  if (config.backupSchedule) backups.start();
  if (config.fleetSync) fleet.start();
  const handlers = composeHandlers({ partner, sync, backups, fleet, support: { dataDir: config.dataDir, logger, sqlite: database.sqlite } });
  const dispatch = createDispatcher(deps, handlers, (msg, err) => logger.error(msg, err));
  return {
    dispatch,
    call: (channel, input, call) => dispatch(channel, input, call) as Promise<Result<ChannelOutput<typeof channel>>>,
    events,
    database,
    identity,
    dataDir: config.dataDir,
    logger,
    sync,
    backups,
    fleet,
    close: () => {
      void sync.stop();
      backups.stop();
      fleet.stop();
      // The head catches up with the last commit before the database goes away.
      if (database.sqlite.open) identity.seal.flush();
      database.close();
    },
  };
}
