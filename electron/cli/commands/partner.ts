// `dockside partner configure|sign-in|status|sign-out`: the Microsoft (MSAL) sign-in for the CLI and the
// browser host, for stations run headless or over SSH. The sign-in goes through the partner:signIn
// channel like the desktop app's button (lead or admin, audited, wakes the upload engine); with
// --device-code the provider's signIn() is the device-code flow (see partnerSetupFrom). Where the OS
// keychain is usable the token cache is written encrypted to the data folder, so a later
// `dockside customers refresh` or `dockside sync` on the same folder uses it without asking.
import type { Station } from '../../core/station';
import { credentialsFrom, dataDirFrom, parse, UsageError, type Credentials } from '../args';
import { openPartnerStation, partnerOptions, tokenCacheWords, type PartnerSetup } from '../partner-options';
import { systemBrowserOpener } from '../../partner-center/msal-open-browser';
import { asOperator, CommandFailed, openStation, type Io } from '../run';

export const partnerHelp = [
  'dockside partner configure --client-id ID [--tenant T] [--cloud global|china]   the Entra app registration for sign-in (admin)',
  'dockside partner sign-in [--device-code]                 sign the station in to Partner Center (lead, admin): system browser,',
  '                                                         or a code to enter on another device',
  'dockside partner status [--json]                         set up? who is signed in? where the token cache is kept',
  'dockside partner sign-out                                forget the Partner Center account (lead, admin)',
].join('\n');

function when(at: number | null): string {
  return at === null ? 'never' : new Date(at).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
}

/** The system browser, and the address to open by hand on this machine if none shows up. */
function cliBrowser(io: Io): (url: string) => Promise<void> {
  const open = systemBrowserOpener();
  return async (url) => {
    io.out('Opening the Microsoft sign-in page in the browser on this computer…');
    try {
      await open(url);
      io.out('If no browser opens, open this address in a browser on this computer (the answer comes back to it on 127.0.0.1):');
    } catch (err) {
      io.out(`No browser could be started (${err instanceof Error ? err.message : String(err)}). Open this address in a browser on this computer,`);
      io.out('or stop (Ctrl+C) and use `dockside partner sign-in --device-code`:');
    }
    // MSAL's authorize request (PKCE challenge and state; the verifier never leaves this process).
    io.out(url);
  };
}

async function configure(station: Station, values: Record<string, string | boolean | undefined>, io: Io, who: Credentials): Promise<void> {
  const changes: { key: 'partnerCenter.clientId' | 'partnerCenter.tenant' | 'partnerCenter.cloud'; value: string }[] = [];
  if (typeof values['client-id'] === 'string') changes.push({ key: 'partnerCenter.clientId', value: values['client-id'] });
  if (typeof values.tenant === 'string') changes.push({ key: 'partnerCenter.tenant', value: values.tenant });
  if (typeof values.cloud === 'string') {
    if (values.cloud !== 'global' && values.cloud !== 'china') throw new UsageError('--cloud is global or china.');
    changes.push({ key: 'partnerCenter.cloud', value: values.cloud });
  }
  if (changes.length === 0) throw new UsageError(`Nothing to configure.\n${partnerHelp}`);
  await asOperator(station, who, async (call) => {
    let settings;
    for (const change of changes) settings = await call('settings:update', change);
    if (!settings) return;
    const id = settings['partnerCenter.clientId'];
    io.out(
      id
        ? `Partner Center sign-in: app ${id}, tenant ${settings['partnerCenter.tenant']}, cloud ${settings['partnerCenter.cloud']}. Next, a lead runs dockside partner sign-in [--device-code].`
        : 'Partner Center sign-in is off (no client id): commands need --token.',
    );
  });
}

function statusJson(partner: PartnerSetup) {
  return {
    signInKind: partner.source === 'token' ? 'static-token' : partner.msal ? 'microsoft' : null,
    tokenCache: partner.msal ? partner.msal.persistence : null,
    keychain: partner.keychain ? partner.keychain.store : null,
    keychainReason: partner.keychain && !partner.keychain.box ? partner.keychain.reason : null,
  };
}

export async function partner(argv: string[], io: Io): Promise<void> {
  const { values, positionals } = parse(argv, {
    ...partnerOptions,
    'device-code': { type: 'boolean', default: false },
    'client-id': { type: 'string' },
    tenant: { type: 'string' },
    cloud: { type: 'string' },
  });
  const [verb] = positionals;
  if (verb !== 'configure' && verb !== 'sign-in' && verb !== 'status' && verb !== 'sign-out') throw new UsageError(`Unknown partner command "${verb ?? ''}".\n${partnerHelp}`);
  const who = await credentialsFrom(values);
  const dataDir = dataDirFrom(values['data-dir']);

  if (verb === 'configure') {
    const station = await openStation(dataDir);
    try {
      return await configure(station, values, io, who);
    } finally {
      station.close();
    }
  }

  const { station, partner: setup } = await openPartnerStation(dataDir, values, {
    required: verb === 'status' ? undefined : 'failure',
    openBrowser: cliBrowser(io),
    deviceCode: values['device-code'] ? (m) => io.out(m.message) : undefined,
  });
  try {
    await asOperator(station, who, async (call) => {
      if (verb === 'status') {
        const status = await call('partner:status', {});
        if (values.json) return io.out(JSON.stringify({ ...status, ...statusJson(setup) }));
        if (!status.configured) return io.out(`Partner Center is not set up for this station.\n${setup.notConfiguredMessage()}`);
        io.out(`Partner Center: ${status.baseUrl ?? ''}${status.practiceMode ? ' (practice mode: the emulator)' : ''}`);
        io.out(`Sign-in: ${setup.source === 'token' ? 'a static --token' : `Microsoft, ${status.signedIn ? `signed in as ${status.account ?? ''}` : 'no one signed in'}`}`);
        if (setup.source === 'settings') io.out(`Token cache: ${tokenCacheWords(setup)}`);
        io.out(`Last customer refresh: ${when(status.lastCustomerRefreshAt)}`);
        return;
      }
      if (setup.source === 'token') throw new UsageError('A static --token needs no sign-in or sign-out.');
      if (verb === 'sign-out') {
        const before = (await call('partner:status', {})).account;
        await call('partner:signOut', {});
        io.out(before ? `Signed out of Partner Center (${before}).` : 'No one was signed in to Partner Center.');
        return;
      }
      if (setup.keychain && !setup.keychain.box) {
        io.err(`Warning: this machine has no usable OS keychain (${setup.keychain.reason}): the sign-in is kept in memory and ends with this command.`);
        io.err('Use `--device-code` on the command that needs Partner Center (dockside customers refresh), or run dockside serve and sign in from its page.');
      }
      const signedIn = await call('partner:signIn', {});
      io.out(`Signed in to Partner Center as ${signedIn.account}; the token cache is ${tokenCacheWords(setup)}.`);
    });
  } catch (err) {
    if (err instanceof CommandFailed && /sign-in did not complete/.test(err.message) && !values['device-code']) {
      throw new CommandFailed(`${err.message}\nWithout a browser on this machine, use dockside partner sign-in --device-code.`, err.exitCode);
    }
    throw err;
  } finally {
    station.close();
  }
}
