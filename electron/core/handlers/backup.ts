import { failSaying, ok } from '../../../shared/contract';
import type { backupChannels } from '../../../shared/contract/backup';
import { sqliteCode } from '../../../db/sqlite-errors';
import { BackupBusy, type BackupService } from '../backup/backup-service';
import { BackupCheckFailed } from '../backup/take-backup';
import type { Handlers } from '../dispatcher';
import { readSetting } from '../settings';

export function backupHandlers(backups: BackupService): Pick<Handlers, keyof typeof backupChannels> {
  return {
    'backup:run': async (_input, ctx) => {
      try {
        return ok(await backups.run('on-demand', { operatorId: ctx.session?.operatorId ?? null, operatorName: ctx.session?.name ?? null }));
      } catch (err) {
        if (err instanceof BackupBusy) return failSaying('INVALID_STATE', 'backup.busy', {}, err.message);
        if (err instanceof BackupCheckFailed) return failSaying('INTERNAL', 'backup.checkFailed', { detail: err.message }, err.message);
        if (sqliteCode(err) === 'SQLITE_FULL' || (err instanceof Error && 'code' in err && err.code === 'ENOSPC')) {
          return failSaying('DISK_FULL', 'backup.diskFull', { dir: backups.dir }, `The disk is full, so no backup could be written to ${backups.dir}. Free some space and try again; the station's data is safe.`);
        }
        throw err;
      }
    },

    'backup:list': (_input, ctx) =>
      ok({
        dir: backups.dir,
        backups: backups.list(),
        intervalHours: readSetting(ctx.db, 'backup.intervalHours') ?? 24,
        keep: readSetting(ctx.db, 'backup.keep') ?? 14,
        running: backups.isRunning,
      }),
  };
}
