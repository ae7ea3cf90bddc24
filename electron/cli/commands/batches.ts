import { batchStateLabels } from '../../../shared/domain/batch';
import { credentialsFrom, dataDirFrom, parse, UsageError } from '../args';
import { asOperator, CommandFailed, openStation, type Caller, type Io } from '../run';

export const batchesHelp = [
  'dockside batches create NAME                             start a batch (its name becomes the Partner Center batch id)',
  'dockside batches list [--json]                           batches with their device counts',
  'dockside batches close NAME                              close an open batch: ready for review',
].join('\n');

async function batchByName(call: Caller, name: string) {
  const wanted = name.trim().replace(/\s+/g, ' ').toLowerCase();
  const batch = (await call('batches:list', {})).find((b) => b.name.toLowerCase() === wanted);
  if (!batch) throw new CommandFailed(`There is no batch called "${name}".`);
  return batch;
}

export async function batches(argv: string[], io: Io): Promise<void> {
  const { values, positionals } = parse(argv, {});
  const [verb, ...nameParts] = positionals;
  const name = nameParts.join(' ');
  if (verb !== 'list' && name.length === 0) throw new UsageError(`batches ${verb ?? ''} needs a NAME.\n${batchesHelp}`);
  const station = await openStation(dataDirFrom(values['data-dir']));
  try {
    await asOperator(station, await credentialsFrom(values), async (call) => {
      if (verb === 'create') {
        const batch = await call('batches:create', { name });
        return io.out(values.json ? JSON.stringify(batch) : `Batch ${batch.name} is open for scanning.`);
      }
      if (verb === 'list') {
        const list = await call('batches:list', {});
        if (values.json) return io.out(JSON.stringify(list));
        if (list.length === 0) return io.out('No batches yet.');
        for (const b of list) io.out(`${b.name.padEnd(32)} ${String(b.deviceCount).padStart(6)} devices  ${batchStateLabels[b.state]}`);
        return;
      }
      if (verb === 'close') {
        const closed = await call('batches:close', { id: (await batchByName(call, name)).id });
        return io.out(values.json ? JSON.stringify(closed) : `Batch ${closed.name} is closed with ${closed.deviceCount} devices: ready for review.`);
      }
      throw new UsageError(`Unknown batches command "${verb ?? ''}".\n${batchesHelp}`);
    });
  } finally {
    station.close();
  }
}
