// Every channel's handler, composed in one place and one way: a group that needs one of the station's
// services is given it here, and the result is checked against the whole contract (a channel left out
// is a type error). station.ts builds the services; this file says which handlers use which.
import type Database from 'better-sqlite3';
import type { Handlers } from '../dispatcher';
import type { BackupService } from '../backup/backup-service';
import type { Fleet } from '../fleet/fleet';
import type { Logger } from '../log';
import type { SyncEngine } from '../sync/engine';
import { approvalHandlers } from './approval';
import { backupHandlers } from './backup';
import { batchHandlers } from './batches';
import { customerHandlers } from './customers';
import { deregisterHandlers } from './deregister';
import { expectedHandlers } from './expected';
import { exportHandlers } from './export';
import { fleetHandlers } from './fleet';
import { fleetDeskHandlers } from './fleet-desk';
import { importHandlers } from './import';
import { inventoryHandlers } from './inventory';
import { operatorHandlers } from './operators';
import { partnerHandlers } from './partner';
import type { PartnerLink } from '../partner/partner-link';
import { profileHandlers } from './profiles';
import { reportHandlers } from './reports';
import { reviewHandlers } from './review';
import { scanHandlers } from './scans';
import { sessionHandlers } from './session';
import { settingsHandlers } from './settings';
import { stationHandlers } from './station';
import { supportHandlers } from './support';
import { syncHandlers } from './sync';

export interface HandlerServices {
  /** Partner Center, when set up (null: its channels answer "not configured"). */
  readonly partner: PartnerLink | null;
  readonly sync: SyncEngine;
  readonly backups: BackupService;
  readonly fleet: Fleet;
  /** The support bundle reads the database file itself, so it gets the raw handle (and nothing else does). */
  readonly support: { readonly dataDir: string; readonly logger: Logger; readonly sqlite: Database.Database };
}

/** A fresh sign-in is what a paused ("sign-in needed") engine waits for. */
function partnerKickingSync(partner: PartnerLink | null, sync: SyncEngine): ReturnType<typeof partnerHandlers> {
  const handlers = partnerHandlers(partner);
  const signIn = handlers['partner:signIn'];
  handlers['partner:signIn'] = async (input, ctx) => {
    const result = await signIn(input, ctx);
    if (result.ok) sync.kick();
    return result;
  };
  return handlers;
}

export function composeHandlers(s: HandlerServices): Handlers {
  return {
    ...stationHandlers,
    ...sessionHandlers,
    ...operatorHandlers,
    ...settingsHandlers,
    ...batchHandlers,
    ...scanHandlers,
    ...reviewHandlers,
    ...expectedHandlers,
    ...importHandlers,
    ...exportHandlers,
    ...approvalHandlers,
    ...reportHandlers,
    ...partnerKickingSync(s.partner, s.sync),
    ...customerHandlers(s.partner),
    ...syncHandlers(s.sync),
    ...profileHandlers(s.partner),
    ...deregisterHandlers(s.partner),
    ...inventoryHandlers(s.partner),
    ...backupHandlers(s.backups),
    ...supportHandlers(s.support),
    ...fleetHandlers(s.fleet),
    ...fleetDeskHandlers(s.fleet),
  };
}
