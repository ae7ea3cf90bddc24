import { failSaying, ok } from '../../../shared/contract';
import type { supportChannels } from '../../../shared/contract/support';
import { sqliteCode } from '../../../db/sqlite-errors';
import type { Handlers } from '../dispatcher';
import type Database from 'better-sqlite3';
import type { Logger } from '../log';
import { createSupportBundle } from '../support/create-bundle';
import { supportDirFor } from '../support/bundle-name';

/** The bundle reads the file itself (versions, table sizes, integrity), so it gets the raw handle. */
export function supportHandlers(deps: { dataDir: string; logger: Logger; sqlite: Database.Database }): Pick<Handlers, keyof typeof supportChannels> {
  return {
    'support:createBundle': async (_input, ctx) => {
      try {
        return ok(await createSupportBundle({ ...ctx, sqlite: deps.sqlite, dataDir: deps.dataDir, logger: deps.logger }, { operatorId: ctx.session?.operatorId ?? null, operatorName: ctx.session?.name ?? null }));
      } catch (err) {
        if (sqliteCode(err) === 'SQLITE_FULL' || (err instanceof Error && 'code' in err && err.code === 'ENOSPC')) {
          return failSaying('DISK_FULL', 'support.diskFull', { dir: supportDirFor(deps.dataDir) }, `The disk is full, so no support bundle could be written to ${supportDirFor(deps.dataDir)}. Free some space and try again; the station's data is safe.`);
        }
        throw err;
      }
    },
  };
}
