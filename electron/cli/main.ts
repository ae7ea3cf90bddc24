// `dockside <command>`: the station's command-line front door, for IT and scripts.
import { UsageError } from './args';
import { backup, backupHelp, restore, restoreHelp } from './commands/backup';
import { batches, batchesHelp } from './commands/batches';
import { customers, customersHelp } from './commands/customers';
import { demo, demoHelp } from './commands/demo';
import { init, initHelp } from './commands/init';
import { operators, operatorsHelp } from './commands/operators';
import { partner, partnerHelp } from './commands/partner';
import { approve, exportBatch, importFile, reviewHelp, status } from './commands/review';
import { serve, serveHelp } from './commands/serve';
import { supportBundle, supportHelp } from './commands/support';
import { sync, syncHelp } from './commands/sync';
import { verify, verifyHelp } from './commands/verify';
import { CommandFailed, processIo, type Io } from './run';

const commands: Record<string, (argv: string[], io: Io) => Promise<void>> = { init, operators, batches, customers, partner, serve, demo, sync, verify, import: importFile, export: exportBatch, approve, status, backup, restore, 'support-bundle': supportBundle };

export const usage = [
  'Usage: dockside <command> [options]',
  '',
  initHelp,
  operatorsHelp,
  batchesHelp,
  reviewHelp,
  customersHelp,
  partnerHelp,
  serveHelp,
  demoHelp,
  syncHelp,
  verifyHelp,
  backupHelp,
  restoreHelp,
  supportHelp,
  '',
  'Common options: --data-dir DIR (default: the platform app-data folder, or DOCKSIDE_DATA_DIR),',
  '--as NAME --pin PIN (or DOCKSIDE_AS / DOCKSIDE_PIN) for commands that act as an operator, --json.',
].join('\n');

export async function runCli(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? commands[name] : undefined;
  if (!command || rest.includes('--help') || rest.includes('-h')) {
    (command || name === 'help' || name === undefined ? io.out : io.err)(usage);
    return command || name === 'help' || name === undefined ? 0 : 2;
  }
  try {
    await command(rest, io);
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`dockside ${name}: ${err.message}`);
      return 2;
    }
    if (err instanceof CommandFailed) {
      io.err(`dockside ${name}: ${err.message}`);
      return err.exitCode;
    }
    io.err(`dockside ${name}: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return 1;
  }
}

// Run when executed as the bin (bin/dockside.js imports this file), not when imported by tests.
if (process.argv[1] && /dockside(\.js)?$/.test(process.argv[1])) {
  process.exitCode = await runCli(process.argv.slice(2));
}
