// `dockside <command>`: the station's command-line front door, for IT and scripts.
import { UsageError } from './args';
import { backup, backupHelp, restore, restoreHelp } from './commands/backup';
import { batches, batchesHelp } from './commands/batches';
import { customers, customersHelp } from './commands/customers';
import { demo, demoHelp } from './commands/demo';
import { fleet, fleetHelp } from './commands/fleet';
import { deregister, deregisterHelp } from './commands/deregister';
import { init, initHelp } from './commands/init';
import { operators, operatorsHelp } from './commands/operators';
import { partner, partnerHelp } from './commands/partner';
import { approve, exportBatch, importFile, reviewHelp, status } from './commands/review';
import { serve, serveHelp } from './commands/serve';
import { settings, settingsHelp } from './commands/settings';
import { supportBundle, supportHelp } from './commands/support';
import { sync, syncHelp } from './commands/sync';
import { verify, verifyHelp } from './commands/verify';
import { CommandFailed, processIo, type Io } from './run';
import { OutputRefused, writeProblem } from '../core/files/output-target';

const commands: Record<string, (argv: string[], io: Io) => Promise<void>> = { init, operators, batches, customers, partner, serve, demo, sync, verify, import: importFile, export: exportBatch, approve, status, backup, restore, 'support-bundle': supportBundle, settings, deregister, fleet };

const commonHelp = [
  'Common options: --data-dir DIR (default: the platform app-data folder, or DOCKSIDE_DATA_DIR), --json, --help.',
  'Commands that act as an operator take --as NAME and the PIN as --pin - (typed without echo, or one line piped',
  'on standard input) or DOCKSIDE_AS / DOCKSIDE_PIN. --pin PIN works too, but other users of this computer can',
  'see it (ps) and it stays in shell history. Tokens likewise: --token - or DOCKSIDE_PARTNER_CENTER_TOKEN,',
  '--host-token - or DOCKSIDE_HOST_TOKEN.',
].join('\n');

export const usage = ['Usage: dockside <command> [options]', '', initHelp, operatorsHelp, batchesHelp, reviewHelp, deregisterHelp, customersHelp, settingsHelp, partnerHelp, serveHelp, demoHelp, syncHelp, fleetHelp, verifyHelp, backupHelp, restoreHelp, supportHelp, '', commonHelp].join('\n');

/** The lines of a help block about one command (`dockside NAME …` and the indented lines that continue it). */
function linesFor(name: string, block: string): string {
  const out: string[] = [];
  let taking = false;
  for (const line of block.split('\n')) {
    if (line.startsWith('dockside ')) taking = line.startsWith(`dockside ${name} `) || line === `dockside ${name}`;
    if (taking) out.push(line);
  }
  return out.join('\n');
}

const helpBlocks: Record<string, string> = {
  init: initHelp,
  operators: operatorsHelp,
  batches: batchesHelp,
  customers: customersHelp,
  settings: settingsHelp,
  partner: partnerHelp,
  serve: serveHelp,
  demo: demoHelp,
  sync: syncHelp,
  verify: verifyHelp,
  import: linesFor('import', reviewHelp),
  export: linesFor('export', reviewHelp),
  approve: linesFor('approve', reviewHelp),
  status: linesFor('status', reviewHelp),
  backup: backupHelp,
  restore: restoreHelp,
  'support-bundle': supportHelp,
  deregister: deregisterHelp,
  fleet: fleetHelp,
};

export function helpFor(name: string): string {
  return `Usage:\n${helpBlocks[name] ?? ''}\n\n${commonHelp}`;
}

const commandList = () => Object.keys(commands).join(', ');

const isHelp = (arg: string | undefined) => arg === '--help' || arg === '-h' || arg === 'help';

/** A file-system error that names its cause (permission, read-only disk, full disk …) as a sentence. */
function fileSystemProblem(err: unknown): string | null {
  const e = err as NodeJS.ErrnoException | null;
  if (typeof e?.code !== 'string' || typeof e.path !== 'string') return null;
  if (e.syscall === 'mkdir' && (e.code === 'EEXIST' || e.code === 'ENOTDIR')) return `${e.path} should be a folder, but a file of that name is in the way: move the file elsewhere and try again.`;
  return writeProblem(e, e.path)?.replace(/^Cannot write /, 'Cannot use ') ?? null;
}

export async function runCli(argv: string[], io: Io = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || isHelp(name)) {
    const topic = rest[0];
    if (name === 'help' && topic !== undefined && commands[topic]) io.out(helpFor(topic));
    else io.out(usage);
    return 0;
  }
  const command = commands[name];
  if (!command) {
    io.err(
      name.startsWith('-')
        ? `dockside: ${name} is an option, and a command comes first: dockside <command> [options]. Commands: ${commandList()}. dockside --help says what each does.`
        : `dockside: there is no command "${name}". Commands: ${commandList()}. dockside --help says what each does.`,
    );
    return 2;
  }
  if (rest.some((arg) => arg === '--help' || arg === '-h')) {
    io.out(helpFor(name));
    return 0;
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
    if (err instanceof OutputRefused) {
      io.err(`dockside ${name}: ${err.message}`);
      return 1;
    }
    const named = fileSystemProblem(err);
    if (named) {
      io.err(`dockside ${name}: ${named}`);
      return 1;
    }
    io.err(`dockside ${name}: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return 1;
  }
}

// Run when executed as the bin (bin/dockside.js imports this file; the tests' bundle is dockside.mjs),
// not when imported by tests.
if (process.argv[1] && /dockside(\.m?js)?$/.test(process.argv[1])) {
  process.exitCode = await runCli(process.argv.slice(2));
}
