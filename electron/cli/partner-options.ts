// How the CLI (and the browser host it starts) reaches Partner Center. Two ways:
//   --token TOKEN (or DOCKSIDE_PARTNER_CENTER_TOKEN): a static bearer token, e.g. the emulator's. It wins
//     whenever it is given.
//   otherwise, when the station's settings name an app registration (partnerCenter.clientId, set in
//     Settings or with `dockside partner configure`): MSAL, built from those settings like the desktop
//     app does. Its token cache is encrypted with a key from the OS keychain (openKeychainSecretBox) and
//     written to <dataDir>/partner-center-token-cache.bin, or, where no keychain is usable, kept in this
//     process's memory only. Never in plain text on disk.
// A lead signs in with `dockside partner sign-in [--device-code]`, from the browser host's station page
// (partner:signIn opens the system browser on this machine), or inline with `customers refresh --device-code`.
import type { INetworkModule } from '@azure/msal-node';
import type { PartnerCenterConfig } from '../core/partner/partner-link';
import type { Station, StationConfig } from '../core/station';
import type { SettingKey, SettingValue } from '../../shared/domain/settings';
import { PUBLIC_BASE_URL } from '../partner-center/client';
import { partnerCenterBaseUrl } from '../partner-center/clouds';
import { openKeychainSecretBox, type KeychainSecretBox, type OpenKeychainSecretBoxOptions } from '../partner-center/keychain-secret-box';
import { systemBrowserOpener } from '../partner-center/msal-open-browser';
import { createMsalTokenProvider } from '../partner-center/msal-provider';
import type { AuthorityOverride, DeviceCodeMessage, MsalTokenProvider } from '../partner-center/msal-types';
import { staticTokenProvider, type TokenProvider } from '../partner-center/token-provider';
import { UsageError } from './args';
import { PARTNER_TOKEN, secretFrom } from './secrets';
import { CommandFailed, openStation } from './run';

export const partnerOptions = {
  'partner-center-url': { type: 'string' },
  token: { type: 'string' },
} as const;

export const partnerOptionsHelp =
  '--partner-center-url URL --token - (the token typed without echo or piped; or DOCKSIDE_PARTNER_CENTER_URL / DOCKSIDE_PARTNER_CENTER_TOKEN); a loopback URL means practice mode; without a token, the sign-in of `dockside partner sign-in`';

export const HOW_TO_CONNECT = [
  'Partner Center is not set up for this command: pass --partner-center-url URL and --token TOKEN,',
  'or sign in with Microsoft: an admin runs `dockside partner configure --client-id ID` once, then a lead runs',
  '`dockside partner sign-in` (or `--device-code` on a machine without a browser).',
  'To practise against the emulator: npm run emulator (it prints its URL), then',
  '  --partner-center-url http://127.0.0.1:PORT --token emulator-app-user-token',
].join('\n');

/** True for http(s) URLs on 127.0.0.0/8, ::1 or localhost: the emulator, never Microsoft. */
export function isLoopbackUrl(value: string): boolean {
  try {
    const host = new URL(value).hostname.replace(/^\[|\]$/g, '');
    return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
  } catch {
    return false;
  }
}

type SettingReader = <K extends SettingKey>(key: K) => SettingValue<K> | undefined;

export interface PartnerSetup {
  /** For StationConfig.partnerCenter: the static config, or the factory that reads the station's settings. */
  config: NonNullable<StationConfig['partnerCenter']>;
  practiceMode: boolean;
  /** 'token': --token was given. 'settings': MSAL if the station's settings have a client id. */
  source: 'token' | 'settings';
  /** A URL or token was given (flag or environment): the command was asked to reach Partner Center. */
  requested: boolean;
  /** Once the station is open: the MSAL provider built from its settings, or null (static token, no client id). */
  readonly msal: MsalTokenProvider | null;
  /** Where the MSAL token cache is kept (keychain kind, or memory and why); null with --token. */
  readonly keychain: KeychainSecretBox | null;
  /** Once the station is open: whether Partner Center is set up at all. */
  configured(): boolean;
  /** Why it is not set up, in words for this command's user. */
  notConfiguredMessage(): string;
}

export interface PartnerSetupOptions {
  dataDir: string;
  env?: NodeJS.ProcessEnv;
  /** Opens MSAL's authorize page for partner:signIn; default the system browser of this machine. */
  openBrowser?: (url: string) => Promise<void>;
  /**
   * Headless: partner:signIn runs the device-code flow instead of the browser, and Microsoft's
   * "open … and enter the code …" message goes here.
   */
  deviceCode?: (message: DeviceCodeMessage) => void;
  /** MSAL's own warnings and the token cache's problems. */
  log?: (level: 'error' | 'warning' | 'info', message: string) => void;
  /**
   * In-process only (tests, air-gapped labs driving the CLI as a library): another Entra authority, the
   * HTTP client MSAL uses, and how the keychain is found. Not reachable from flags or the environment.
   */
  msal?: {
    authorityOverride?: AuthorityOverride;
    networkClient?: INetworkModule;
    keychain?: Omit<OpenKeychainSecretBoxOptions, 'dataDir'>;
  };
}

/** MSAL's warnings and the token cache's problems (never tokens or PII) on stderr. */
function stderrLog(level: 'error' | 'warning' | 'info', message: string): void {
  if (level !== 'info') process.stderr.write(`Partner Center sign-in (${level}): ${message}\n`);
}

function checkedBaseUrl(baseUrl: string): { baseUrl: string; practiceMode: boolean } {
  let parsed: URL;
  try {
    parsed = new URL(baseUrl);
  } catch {
    throw new UsageError(`--partner-center-url is not a URL: ${baseUrl}`);
  }
  const practiceMode = isLoopbackUrl(baseUrl);
  if (parsed.protocol !== 'https:' && !practiceMode) throw new UsageError('--partner-center-url must be https (plain http is allowed only on this machine, for the emulator).');
  return { baseUrl, practiceMode };
}

/** A signed-in user's token goes only to Microsoft's own API for the cloud, or to this machine (the emulator). */
function sameOrigin(a: string, b: string): boolean {
  return new URL(a).origin === new URL(b).origin;
}

/**
 * The Partner Center set-up for a command, from its flags (or environment) and, without a token, the
 * station's settings. Opens the keychain first (async) so the factory handed to the station can use it.
 */
export async function partnerSetupFrom(
  values: { 'partner-center-url'?: string | boolean; token?: string | boolean },
  options: PartnerSetupOptions,
): Promise<PartnerSetup> {
  const env = options.env ?? process.env;
  const url = typeof values['partner-center-url'] === 'string' ? values['partner-center-url'] : env.DOCKSIDE_PARTNER_CENTER_URL || undefined;
  const token = await secretFrom(PARTNER_TOKEN, values.token, env);

  if (token !== undefined) {
    const { baseUrl, practiceMode } = checkedBaseUrl(url ?? PUBLIC_BASE_URL);
    const username = practiceMode ? 'practice@emulator.local' : 'static token';
    const config: PartnerCenterConfig = { baseUrl, tokenProvider: staticTokenProvider(token, username) };
    return { config, practiceMode, source: 'token', requested: true, msal: null, keychain: null, configured: () => true, notConfiguredMessage: () => '' };
  }

  const override = url === undefined ? undefined : checkedBaseUrl(url);
  const keychain = await openKeychainSecretBox({ ...options.msal?.keychain, dataDir: options.dataDir });
  let msal: MsalTokenProvider | null = null;
  let read = false;
  let refusal: string | null = null;

  const config = (setting: SettingReader): PartnerCenterConfig | undefined => {
    read = true;
    const clientId = setting('partnerCenter.clientId');
    if (!clientId) return undefined;
    const cloud = setting('partnerCenter.cloud') ?? 'global';
    const official = partnerCenterBaseUrl(cloud);
    if (override && !override.practiceMode && !sameOrigin(override.baseUrl, official)) {
      refusal = `With a Microsoft sign-in, --partner-center-url may only be ${official} (cloud ${cloud}) or the emulator on this machine; a static --token may go elsewhere.`;
      return undefined;
    }
    const provider = createMsalTokenProvider({
      clientId,
      tenant: setting('partnerCenter.tenant') ?? 'organizations',
      cloud,
      dataDir: options.dataDir,
      secretBox: keychain.box,
      openBrowser: options.openBrowser ?? systemBrowserOpener(),
      ...(options.msal?.authorityOverride ? { authorityOverride: options.msal.authorityOverride } : {}),
      ...(options.msal?.networkClient ? { networkClient: options.msal.networkClient } : {}),
      log: options.log ?? stderrLog,
    });
    msal = provider;
    const onDeviceCode = options.deviceCode;
    // partner:signIn calls tokenProvider.signIn(): headless, that is the device-code flow, so the sign-in
    // still goes through the channel (lead/admin permission, audit, the upload engine woken up).
    const tokenProvider: TokenProvider = onDeviceCode ? { ...provider, signIn: () => provider.signInWithDeviceCode(onDeviceCode) } : provider;
    return { baseUrl: override?.baseUrl ?? official, tokenProvider };
  };

  return {
    config,
    practiceMode: override?.practiceMode ?? false,
    source: 'settings',
    requested: url !== undefined,
    get msal() {
      return msal;
    },
    keychain,
    configured: () => msal !== null,
    notConfiguredMessage: () => {
      if (refusal) return refusal;
      if (!read) return 'The station has not been opened yet.';
      if (url !== undefined) return `--partner-center-url needs --token TOKEN too (or a Microsoft sign-in: \`dockside partner configure --client-id ID\`).\n${HOW_TO_CONNECT}`;
      return HOW_TO_CONNECT;
    },
  };
}

/** "kept encrypted (libsecret)" or "kept in memory only: <why>". */
export function tokenCacheWords(setup: PartnerSetup): string {
  const keychain = setup.keychain;
  if (!keychain) return 'a static token (nothing is cached)';
  if (keychain.box) return `encrypted on disk with a key from the OS keychain (${keychain.store})`;
  return `kept in memory only, so a sign-in lasts for this command only (${keychain.reason})`;
}

export interface PartnerStation {
  station: Station;
  partner: PartnerSetup;
}

/**
 * Opens the station with Partner Center set up from the flags and settings. With `required` (or when a
 * URL was given), a station that ends up without Partner Center is closed again and the command stops
 * with what to pass: a usage error (exit 2), or with `required: 'failure'` a CommandFailed with exit 2.
 */
export async function openPartnerStation(
  dataDir: string,
  values: { 'partner-center-url'?: string | boolean; token?: string | boolean },
  options: Omit<PartnerSetupOptions, 'dataDir'> & { required?: 'usage' | 'failure'; practiceMode?: boolean; syncOptions?: StationConfig['syncOptions']; longLived?: boolean } = {},
): Promise<PartnerStation> {
  const partner = await partnerSetupFrom(values, { ...options, dataDir });
  const station = await openStation(dataDir, { practiceMode: options.practiceMode || partner.practiceMode, partnerCenter: partner.config, syncOptions: options.syncOptions, longLived: options.longLived });
  if ((options.required || partner.requested) && !partner.configured()) {
    station.close();
    const message = partner.notConfiguredMessage();
    throw options.required === 'failure' ? new CommandFailed(message, 2) : new UsageError(message);
  }
  return { station, partner };
}

/** What a CLI user does when MSAL has no signed-in account. */
export function signInFirst(partner: PartnerSetup, inline: boolean): string {
  const lines = ['No one is signed in to Partner Center on this station: a lead runs `dockside partner sign-in` (or `--device-code` without a browser).'];
  if (partner.keychain && !partner.keychain.box) {
    lines.push(`This machine has no usable OS keychain (${partner.keychain.reason}), so a sign-in is not kept between commands${inline ? ': pass --device-code to sign in as part of this command' : ''}.`);
  }
  return lines.join('\n');
}
