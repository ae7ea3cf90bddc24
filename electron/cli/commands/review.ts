// dockside import | export | approve | status: the shift lead's desk for IT and scripts.
import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { MAX_IMPORT_BYTES, type RefusedLine } from '../../../shared/contract/import';
import { exportFormats, type ExportFormat } from '../../../shared/contract/export';
import { outputTarget } from '../../core/files/output-target';
import { batchStateLabels } from '../../../shared/domain/batch';
import { credentialsFrom, dataDirFrom, parse, UsageError } from '../args';
import { SECOND_PIN, secretFrom } from '../secrets';
import { asOperator, CommandFailed, openStation, writeOutputFile, type Caller, type Io } from '../run';

function isExportFormat(value: string): value is ExportFormat {
  return (exportFormats as readonly string[]).includes(value);
}

export const reviewHelp = [
  'dockside import FILE --batch NAME [--expected [--append]] [--dry-run]  import devices (PKID, hardware hash or serial + make + model) or the expected list from a CSV/text file',
  'dockside export NAME --format partner-center|report --out FILE|FOLDER [--force]',
  '                                                                     write a batch as CSV (atomically); an existing file is replaced only with --force',
  'dockside approve NAME --customer TENANT_ID                           approve a closed batch for upload',
  '      [--second-as NAME --second-pin -]                                ... confirmed by a second person who changed none of it (two-person rule;',
  '                                                                       or DOCKSIDE_SECOND_AS / DOCKSIDE_SECOND_PIN)',
  'dockside status NAME [--json]                                        every device of a batch with its state',
].join('\n');

async function batchByName(call: Caller, name: string) {
  const wanted = name.trim().replace(/\s+/g, ' ').toLowerCase();
  const batch = (await call('batches:list', {})).find((b) => b.name.toLowerCase() === wanted);
  if (!batch) throw new CommandFailed(`There is no batch called "${name}".`);
  return batch;
}

function printRefused(io: Io, refused: readonly RefusedLine[], count: number): void {
  for (const r of refused) io.err(`  line ${r.line}: ${r.message}`);
  if (count > refused.length) io.err(`  … and ${count - refused.length} more refused lines`);
}

function readInput(file: string): { fileName: string; contentBase64: string } {
  const path = resolve(file);
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new CommandFailed(`Cannot read ${file}: no such file.`);
  }
  if (size > MAX_IMPORT_BYTES) throw new CommandFailed(`${file} is ${(size / 2 ** 20).toFixed(1)} MB; at most ${MAX_IMPORT_BYTES / 2 ** 20} MB can be imported at once. Split it.`);
  return { fileName: basename(path), contentBase64: readFileSync(path).toString('base64') };
}

async function importCommand(argv: string[], io: Io): Promise<void> {
  const { values, positionals } = parse(argv, { batch: { type: 'string' }, expected: { type: 'boolean', default: false }, append: { type: 'boolean', default: false }, 'dry-run': { type: 'boolean', default: false } });
  const [file] = positionals;
  if (!file || typeof values.batch !== 'string') throw new UsageError(`import needs a FILE and --batch NAME.\n${reviewHelp}`);
  const input = readInput(file);
  const station = await openStation(dataDirFrom(values['data-dir']));
  try {
    await asOperator(station, await credentialsFrom(values), async (call) => {
      const batch = await batchByName(call, values.batch as string);
      if (values.expected) {
        const done = await call('expected:import', { batchId: batch.id, ...input, mode: values.append ? 'append' : 'replace' });
        if (values.json) return io.out(JSON.stringify(done));
        io.out(`Expected list of batch ${batch.name}: ${done.imported} lines from ${input.fileName}${done.replaced > 0 ? ` (replacing ${done.replaced})` : ''}; ${done.refusedCount} refused.`);
        return printRefused(io, done.refused, done.refusedCount);
      }
      const preview = await call('import:preview', { batchId: batch.id, ...input });
      if (!values.json) {
        io.out(`${input.fileName}: ${preview.rows} lines (${preview.encoding}, delimiter ${preview.delimiter === '\t' ? 'tab' : `"${preview.delimiter}"`}): ${preview.accepted} to import, ${preview.refusedCount} refused.`);
        printRefused(io, preview.refused, preview.refusedCount);
      }
      if (preview.accepted === 0) throw new CommandFailed(`Nothing in ${input.fileName} can be imported (see the lines above).`);
      if (values['dry-run']) return values.json ? io.out(JSON.stringify(preview)) : io.out('Dry run: nothing imported.');
      const done = await call('import:commit', { batchId: batch.id, ...input, token: preview.token });
      io.out(values.json ? JSON.stringify(done) : `Imported ${done.imported} devices into batch ${batch.name}.`);
    });
  } finally {
    station.close();
  }
}

async function exportCommand(argv: string[], io: Io): Promise<void> {
  const { values, positionals } = parse(argv, { format: { type: 'string' }, out: { type: 'string' }, force: { type: 'boolean', default: false } });
  const name = positionals.join(' ');
  const format = values.format;
  if (format !== undefined && !isExportFormat(format)) throw new UsageError(`--format must be ${exportFormats.join(' or ')}, not "${format}".`);
  if (!name || typeof values.out !== 'string' || !format) throw new UsageError(`export needs NAME, --format ${exportFormats.join('|')} and --out FILE.\n${reviewHelp}`);
  const dataDir = dataDirFrom(values['data-dir']);
  const out = values.out;
  const credentials = await credentialsFrom(values);
  const station = await openStation(dataDir);
  try {
    await asOperator(station, credentials, async (call) => {
      const batch = await batchByName(call, name);
      const file = await call('export:batch', { batchId: batch.id, format });
      const target = outputTarget({ out, dataDir, defaultName: file.fileName, force: values.force });
      await writeOutputFile(target.path, file.csv);
      io.out(values.json ? JSON.stringify({ out: target.path, rows: file.rows, replaced: target.replaces }) : `Wrote ${file.rows} devices of batch ${batch.name} to ${target.path}${target.replaces ? ' (replacing the file that was there)' : ''}.`);
    });
  } finally {
    station.close();
  }
}

async function approveCommand(argv: string[], io: Io): Promise<void> {
  const { values, positionals } = parse(argv, { customer: { type: 'string' }, 'second-as': { type: 'string' }, 'second-pin': { type: 'string' } });
  const name = positionals.join(' ');
  if (!name || typeof values.customer !== 'string') throw new UsageError(`approve needs NAME and --customer TENANT_ID.\n${reviewHelp}`);
  // The approver's PIN first, then the second person's: with both piped in, that is their line order.
  const approver = await credentialsFrom(values);
  const secondName = values['second-as'] ?? process.env.DOCKSIDE_SECOND_AS;
  const secondPin = await secretFrom(SECOND_PIN, values['second-pin']);
  if ((secondName === undefined) !== (secondPin === undefined)) throw new UsageError('A second person needs both --second-as NAME and --second-pin - (typed without echo, or piped; or DOCKSIDE_SECOND_PIN).');
  const secondPerson = secondName !== undefined && secondPin !== undefined ? { name: secondName, pin: secondPin } : undefined;
  const station = await openStation(dataDirFrom(values['data-dir']));
  try {
    await asOperator(station, approver, async (call) => {
      const batch = await batchByName(call, name);
      const done = await call('approval:approve', { batchId: batch.id, customerTenantId: values.customer as string, ...(secondPerson ? { secondPerson } : {}) });
      const confirmed = done.confirmedBy ? `, confirmed by ${done.confirmedBy}` : '';
      io.out(values.json ? JSON.stringify(done) : `Batch ${done.batch.name} (${done.batch.deviceCount} devices) is approved for ${done.customerName} by ${done.approvedBy}${confirmed}.`);
    });
  } finally {
    station.close();
  }
}

async function statusCommand(argv: string[], io: Io): Promise<void> {
  const { values, positionals } = parse(argv, {});
  const name = positionals.join(' ');
  if (!name) throw new UsageError(`status needs a batch NAME.\n${reviewHelp}`);
  const station = await openStation(dataDirFrom(values['data-dir']));
  try {
    await asOperator(station, await credentialsFrom(values), async (call) => {
      const batch = await batchByName(call, name);
      const devices = [];
      let after = 0;
      let totals;
      for (;;) {
        const page = await call('review:devices', { batchId: batch.id, state: 'all', after, limit: 1000 });
        totals = page.totals;
        devices.push(...page.rows);
        if (page.nextAfter === null) break;
        after = page.nextAfter;
      }
      if (values.json) return io.out(JSON.stringify({ batch, totals: totals.byState, devices }));
      io.out(`Batch ${batch.name}: ${batchStateLabels[batch.state]}, ${totals.byState.live} devices (${totals.byState.removed} removed lines).`);
      for (const d of devices) {
        const state = d.removed ? `removed (${d.removedReason ?? ''})` : d.state;
        const error = d.errorCode ? `  ${d.errorCode} ${d.errorText ?? ''}` : '';
        io.out(`${(d.pkid ?? '-').padEnd(14)} ${(d.serial ?? '-').padEnd(16)} ${state.padEnd(12)} ${d.scannedBy}${error}`);
      }
    });
  } finally {
    station.close();
  }
}

export { approveCommand as approve, exportCommand as exportBatch, importCommand as importFile, statusCommand as status };
