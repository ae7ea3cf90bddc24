// dockside deregister: remove registered devices from Autopilot (Partner Center), by a lead, with a reason.
import { credentialsFrom, dataDirFrom, parse, UsageError } from '../args';
import { openPartnerStation, partnerOptions } from '../partner-options';
import { asOperator, CommandFailed, type Io } from '../run';

export const deregisterHelp = 'dockside deregister (PKID|SERIAL|--batch NAME) --reason TEXT [--move-to NEW_BATCH] [--partner-center-url URL --token T]   remove registered devices from Autopilot; --move-to continues the boxes in a new open batch (another customer)';

export async function deregister(argv: string[], io: Io): Promise<void> {
  const { values, positionals } = parse(argv, { batch: { type: 'string' }, reason: { type: 'string' }, 'move-to': { type: 'string' }, ...partnerOptions });
  const identifier = positionals.join(' ').trim();
  const batchName = typeof values.batch === 'string' ? values.batch : undefined;
  if ((identifier === '') === (batchName === undefined)) throw new UsageError(`deregister needs one PKID or serial, or --batch NAME (not both).\n${deregisterHelp}`);
  if (typeof values.reason !== 'string' || values.reason.trim() === '') throw new UsageError(`deregister needs --reason TEXT (a return, the wrong customer, a motherboard swap).\n${deregisterHelp}`);
  const { station } = await openPartnerStation(dataDirFrom(values['data-dir']), values, { required: 'failure' });
  try {
    await asOperator(station, await credentialsFrom(values), async (call) => {
      let batchId: number | undefined;
      if (batchName !== undefined) {
        const wanted = batchName.trim().replace(/\s+/g, ' ').toLowerCase();
        batchId = (await call('batches:list', {})).find((b) => b.name.toLowerCase() === wanted)?.id;
        if (batchId === undefined) throw new CommandFailed(`There is no batch called "${batchName}".`);
      }
      const moveTo = typeof values['move-to'] === 'string' ? values['move-to'] : undefined;
      const done = await call('devices:deregister', { ...(batchId !== undefined ? { batchId } : { identifier }), reason: values.reason as string, ...(moveTo ? { moveToBatchName: moveTo } : {}) });
      if (values.json) return io.out(JSON.stringify(done));
      io.out(`Removed from Autopilot: ${done.deregistered} of ${done.requested} devices.${done.pending > 0 ? ` ${done.pending} wait for Partner Center; the station finishes them by itself (dockside sync).` : ''}${moveTo && done.movedToBatchId !== null ? ` The boxes continue in the new open batch "${moveTo}".` : ''}`);
      for (const f of done.failed) io.err(`  device ${f.deviceId}: ${f.message}`);
      if (done.failed.length > 0) throw new CommandFailed(`${done.failed.length} devices could not be removed.`, 1);
    });
  } finally {
    station.close();
  }
}
