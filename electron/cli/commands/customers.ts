import { credentialsFrom, dataDirFrom, parse, UsageError } from '../args';
import { HOW_TO_CONNECT, partnerFrom, partnerOptions } from '../partner-options';
import { asOperator, openStation, type Io } from '../run';

export const customersHelp = [
  'dockside customers refresh --partner-center-url URL --token TOKEN   fetch the customer list from Partner Center (lead, admin)',
  'dockside customers list [--search TEXT] [--json]         the cached customer list (works offline)',
].join('\n');

function when(at: number | null): string {
  return at === null ? 'never' : new Date(at).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
}

export async function customers(argv: string[], io: Io): Promise<void> {
  const { values, positionals } = parse(argv, { ...partnerOptions, search: { type: 'string' } });
  const [verb] = positionals;
  if (verb !== 'refresh' && verb !== 'list') throw new UsageError(`Unknown customers command "${verb ?? ''}".\n${customersHelp}`);
  const partner = partnerFrom(values);
  if (verb === 'refresh' && !partner) throw new UsageError(HOW_TO_CONNECT);
  const credentials = credentialsFrom(values);
  const station = await openStation(dataDirFrom(values['data-dir']), { practiceMode: partner?.practiceMode, partnerCenter: partner?.config });
  try {
    await asOperator(station, credentials, async (call) => {
      if (verb === 'refresh') {
        const r = await call('customers:refresh', {});
        if (values.json) return io.out(JSON.stringify(r));
        const extra = [r.added > 0 ? `${r.added} new` : '', r.removed > 0 ? `${r.removed} no longer listed` : '', r.kept > 0 ? `${r.kept} kept (a batch refers to them)` : '']
          .filter(Boolean)
          .join(', ');
        return io.out(`Fetched ${r.count} customers from Partner Center (${r.pages} page${r.pages === 1 ? '' : 's'})${extra ? `: ${extra}` : ''}.`);
      }
      const list = await call('customers:list', { search: values.search });
      if (values.json) return io.out(JSON.stringify(list));
      if (list.refreshedAt === null) return io.out('No customer list yet: a lead runs dockside customers refresh.');
      if (list.customers.length === 0) io.out(values.search ? `No customer matches "${values.search}".` : 'Partner Center listed no customers.');
      for (const c of list.customers) {
        io.out(`${c.companyName.padEnd(32)} ${(c.domain ?? '').padEnd(36)} ${c.relationship.padEnd(10)} ${c.tenantId}${c.listed ? '' : '  (no longer listed)'}`);
      }
      io.out(`Customer list from ${when(list.refreshedAt)}.`);
    });
  } finally {
    station.close();
  }
}
