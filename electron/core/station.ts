// createStation() composes the core: open the database, load the station's identity, wire the
// dispatcher to the handlers. Every front door (Electron main, browser host, CLI, tests) starts here.
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { Channel, ChannelInput, ChannelOutput, Result } from '../../shared/contract';
import { openDatabase, type OpenedDatabase } from '../../db/open';
import { appendAudit } from './audit';
import type { CoreDeps, StationIdentity } from './context';
import { databasePath } from './data-dir';
import { createDispatcher, type CallContext, type Dispatch, type Handlers } from './dispatcher';
import { BoxAssembly } from './box-assembly';
import { EventBus } from './event-bus';
import { batchHandlers } from './handlers/batches';
import { operatorHandlers } from './handlers/operators';
import { scanHandlers } from './handlers/scans';
import { sessionHandlers } from './handlers/session';
import { settingsHandlers } from './handlers/settings';
import { stationHandlers } from './handlers/station';
import { createLogger, type Logger } from './log';
import { SessionStore } from './sessions';
import { readSetting, writeSetting } from './settings';
import { stationVersion } from './version';

export interface StationConfig {
  dataDir: string;
  /** Pointed at the Partner Center emulator: the UI shows a practice-mode banner. */
  practiceMode?: boolean;
  /** log2 of scrypt's N for new PIN hashes; tests that create many operators may lower it. */
  pinCost?: number;
  now?: () => number;
  logger?: Logger;
  migrationsDir?: string;
}

export interface Station {
  readonly dispatch: Dispatch;
  call<C extends Channel>(channel: C, input: ChannelInput<C>, call?: CallContext): Promise<Result<ChannelOutput<C>>>;
  readonly events: EventBus;
  readonly database: OpenedDatabase;
  readonly identity: StationIdentity;
  readonly dataDir: string;
  readonly logger: Logger;
  close(): void;
}

const handlers: Handlers = {
  ...stationHandlers,
  ...sessionHandlers,
  ...operatorHandlers,
  ...settingsHandlers,
  ...batchHandlers,
  ...scanHandlers,
};

function loadIdentity(database: OpenedDatabase, now: () => number): StationIdentity {
  const existing = readSetting(database.db, 'station.id');
  const name = readSetting(database.db, 'station.name') ?? 'Dockside station';
  if (existing) return { id: existing, name };
  const id = randomUUID();
  database.db.transaction(
    (tx) => {
      writeSetting(tx, 'station.id', id, now(), null);
      appendAudit(tx, id, now(), { action: 'station:created', objectType: 'station', objectId: id });
    },
    { behavior: 'immediate' },
  );
  return { id, name };
}

export async function createStation(config: StationConfig): Promise<Station> {
  const now = config.now ?? Date.now;
  const logger = config.logger ?? createLogger();
  mkdirSync(config.dataDir, { recursive: true });
  const database = await openDatabase({ path: databasePath(config.dataDir), migrationsDir: config.migrationsDir, now });
  const identity = loadIdentity(database, now);
  const events = new EventBus();
  const sessions = new SessionStore(now, () => (readSetting(database.db, 'session.idleMinutes') ?? 60) * 60_000);
  const deps: CoreDeps = {
    db: database.db,
    sqlite: database.sqlite,
    now,
    station: identity,
    events,
    sessions,
    boxes: new BoxAssembly(),
    pinCost: config.pinCost ?? 15,
    practiceMode: config.practiceMode ?? false,
    version: stationVersion,
  };
  const dispatch = createDispatcher(deps, handlers, (msg, err) => logger.error(msg, err));
  return {
    dispatch,
    call: (channel, input, call) => dispatch(channel, input, call) as Promise<Result<ChannelOutput<typeof channel>>>,
    events,
    database,
    identity,
    dataDir: config.dataDir,
    logger,
    close: () => database.close(),
  };
}
