import { credentialsFrom, dataDirFrom, parse, UsageError } from '../args';
import { openPartnerStation, partnerOptions, signInFirst } from '../partner-options';
import { asOperator, CommandFailed, openStation, type Io } from '../run';

export const customersHelp = [
  'dockside customers refresh [--partner-center-url URL --token TOKEN] [--device-code]',
  '                                                         fetch the customer list from Partner Center (lead, admin); without',
  '                                                         --token, the Microsoft sign-in (--device-code signs in first if needed)',
  'dockside customers list [--search TEXT] [--json]         the cached customer list (works offline)',
].join('\n');

function when(at: number | null): string {
  return at === null ? 'never' : new Date(at).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
}

export async function customers(argv: string[], io: Io): Promise<void> {
  const { values, positionals } = parse(argv, { ...partnerOptions, search: { type: 'string' }, 'device-code': { type: 'boolean', default: false } });
  const [verb] = positionals;
  if (verb !== 'refresh' && verb !== 'list') throw new UsageError(`Unknown customers command "${verb ?? ''}".\n${customersHelp}`);
  const credentials = await credentialsFrom(values);
  const dataDir = dataDirFrom(values['data-dir']);
  // The cached list needs no Partner Center (and no keychain).
  const { station, partner } =
    verb === 'refresh'
      ? await openPartnerStation(dataDir, values, { required: 'usage', deviceCode: values['device-code'] ? (m) => io.err(m.message) : undefined })
      : { station: await openStation(dataDir), partner: null };
  try {
    await asOperator(station, credentials, async (call) => {
      if (verb === 'refresh') {
        if (partner?.msal && (await partner.msal.account()) === null) {
          if (!values['device-code']) throw new CommandFailed(signInFirst(partner, true), 3);
          const signedIn = await call('partner:signIn', {});
          io.err(`Signed in to Partner Center as ${signedIn.account}.`);
        }
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
