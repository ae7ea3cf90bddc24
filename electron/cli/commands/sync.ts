import { dataDirFrom, parse, UsageError } from '../args';
import { openPartnerStation, partnerOptions, signInFirst } from '../partner-options';
import { CommandFailed, type Io } from '../run';

export const syncHelp = 'dockside sync [--once] [--poll-ms N] [--partner-center-url URL --token T]   upload approved batches (without --token: the Microsoft sign-in); --once stops when all settle';

export async function sync(argv: string[], io: Io): Promise<void> {
  const { values } = parse(argv, { once: { type: 'boolean', default: false }, 'poll-ms': { type: 'string' }, ...partnerOptions });
  const pollMs = values['poll-ms'] === undefined ? undefined : Number(values['poll-ms']);
  if (pollMs !== undefined && (!Number.isInteger(pollMs) || pollMs < 1 || pollMs > 600_000)) throw new UsageError('--poll-ms is the first wait before polling a job, 1 to 600000 ms.');
  const { station, partner } = await openPartnerStation(dataDirFrom(values['data-dir']), values, {
    required: 'failure',
    syncOptions: pollMs === undefined ? undefined : { firstPollMs: pollMs, maxPollMs: Math.min(60_000, pollMs * 30), retryBaseMs: Math.min(5000, pollMs * 2) },
  });
  if (partner.msal && (await partner.msal.account().catch(() => null)) === null) {
    station.close();
    throw new CommandFailed(signInFirst(partner, false), 3);
  }
  let last = '';
  const stopListening = station.events.on('sync:status', (status) => {
    const line = status.active ? `${status.message} (${status.active.batchName}: ${status.active.done}/${status.active.total})` : status.message;
    if (line !== last) io.out(values.json ? JSON.stringify(status) : line);
    last = line;
  });
  try {
    if (values.once) {
      const status = await station.sync.runUntilSettled({ timeoutMs: 24 * 3600_000 });
      if (status.state === 'sign-in-needed' || status.state === 'not-configured') throw new CommandFailed(status.message, 3);
    } else {
      station.sync.start();
      await new Promise<void>((resolve) => {
        process.once('SIGINT', () => resolve());
        process.once('SIGTERM', () => resolve());
      });
      await station.sync.stop();
    }
    const attention = station.database.sqlite.prepare("SELECT count(*) AS n FROM devices WHERE state = 'failed' AND removed_at IS NULL").get() as { n: number };
    if (attention.n > 0) throw new CommandFailed(`${attention.n} devices need attention: see the batch's results (dockside status NAME).`, 1);
  } finally {
    stopListening();
    station.close();
  }
}
