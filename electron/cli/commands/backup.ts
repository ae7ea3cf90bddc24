// `dockside backup` / `dockside backup list` / `dockside restore FILE`. Like `verify`, these are for
// whoever administers the machine and its data folder, so they take no operator sign-in.
import { dataDirFrom, parse, UsageError } from '../args';
import { CommandFailed, openStation, type Io } from '../run';
import { backupDirFor, listBackups } from '../../core/backup/backup-files';
import { restoreDatabase, RestoreRefused } from '../../core/backup/restore';

export const backupHelp = [
  'dockside backup [--json]                                  back up the station database now (the station may keep running)',
  'dockside backup list [--json]                             list the backups in the data folder, newest first',
].join('\n');
export const restoreHelp = 'dockside restore BACKUP-FILE                              replace the database with a checked backup (close every station first)';

function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}

export async function backup(argv: string[], io: Io): Promise<void> {
  const { values, positionals } = parse(argv, {});
  const dataDir = dataDirFrom(values['data-dir']);
  const [sub, ...extra] = positionals;
  if (extra.length > 0 || (sub !== undefined && sub !== 'list')) throw new UsageError('expected `dockside backup` or `dockside backup list`.');
  if (sub === 'list') {
    const backups = listBackups(backupDirFor(dataDir));
    if (values.json) io.out(JSON.stringify(backups));
    else if (backups.length === 0) io.out(`No backups in ${backupDirFor(dataDir)}.`);
    else for (const b of backups) io.out(`${new Date(b.at).toISOString()}  ${b.kind.padEnd(16)}  ${megabytes(b.bytes).padStart(10)}  ${b.path}`);
    return;
  }
  const station = await openStation(dataDir);
  try {
    const result = await station.backups.run('on-demand', null);
    io.out(values.json ? JSON.stringify(result) : `Backed up the station database to ${result.path} (${megabytes(result.bytes)}, ${result.tookMs} ms); integrity_check: ok.`);
  } finally {
    station.close();
  }
}

export async function restore(argv: string[], io: Io): Promise<void> {
  const { values, positionals } = parse(argv, {});
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0) throw new UsageError('name one backup file: dockside restore BACKUP-FILE [--data-dir DIR].');
  try {
    const report = await restoreDatabase({ dataDir: dataDirFrom(values['data-dir']), backupFile: file });
    if (values.json) io.out(JSON.stringify(report));
    else {
      io.out(`Checked ${report.restoredFrom}: integrity, foreign keys, ${report.migrations} migrations and ${report.auditRows} audit rows ok.`);
      // Said on stderr too, so a script that only keeps errors still sees what could not be checked.
      for (const warning of report.warnings) io.err(`Warning: ${warning}.`);
      io.out(report.safetyBackup ? `Kept the database it replaces as ${report.safetyBackup}.` : 'There was no database to replace.');
      io.out(`Restored it as ${report.databasePath}. Start the station again; run \`dockside verify\` if you want to check it yourself.`);
    }
  } catch (err) {
    if (err instanceof RestoreRefused) throw new CommandFailed(err.message, 1);
    throw err;
  }
}
