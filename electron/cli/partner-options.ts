// --partner-center-url and --token: how the CLI (and the browser host it starts) reaches Partner
// Center with a static bearer token, e.g. the emulator's. Interactive sign-in belongs to the desktop app.
import { PUBLIC_BASE_URL } from '../partner-center/client';
import { staticTokenProvider } from '../partner-center/token-provider';
import type { PartnerCenterConfig } from '../core/handlers/partner';
import { UsageError } from './args';

export const partnerOptions = {
  'partner-center-url': { type: 'string' },
  token: { type: 'string' },
} as const;

export const partnerOptionsHelp =
  '--partner-center-url URL --token TOKEN (or DOCKSIDE_PARTNER_CENTER_URL / DOCKSIDE_PARTNER_CENTER_TOKEN); a loopback URL means practice mode';

export const HOW_TO_CONNECT = [
  'Partner Center is not set up for this command: pass --partner-center-url URL and --token TOKEN.',
  'To practise against the emulator: npm run emulator (it prints its URL), then',
  '  --partner-center-url http://127.0.0.1:PORT --token emulator-app-user-token',
  'For a real tenant, --token takes a Partner Center access token (App+User); sign-in with a browser is done in the desktop app.',
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

export interface PartnerSetup {
  config: PartnerCenterConfig;
  practiceMode: boolean;
}

/** The Partner Center set-up the flags (or environment) ask for; undefined when neither URL nor token is given. */
export function partnerFrom(
  values: { 'partner-center-url'?: string | boolean; token?: string | boolean },
  env: NodeJS.ProcessEnv = process.env,
): PartnerSetup | undefined {
  const url = typeof values['partner-center-url'] === 'string' ? values['partner-center-url'] : env.DOCKSIDE_PARTNER_CENTER_URL || undefined;
  const token = typeof values.token === 'string' ? values.token : env.DOCKSIDE_PARTNER_CENTER_TOKEN || undefined;
  if (url === undefined && token === undefined) return undefined;
  if (token === undefined) throw new UsageError(`--partner-center-url needs --token TOKEN too.\n${HOW_TO_CONNECT}`);
  const baseUrl = url ?? PUBLIC_BASE_URL;
  let parsed: URL;
  try {
    parsed = new URL(baseUrl);
  } catch {
    throw new UsageError(`--partner-center-url is not a URL: ${baseUrl}`);
  }
  const practiceMode = isLoopbackUrl(baseUrl);
  if (parsed.protocol !== 'https:' && !practiceMode) throw new UsageError('--partner-center-url must be https (plain http is allowed only on this machine, for the emulator).');
  const username = practiceMode ? 'practice@emulator.local' : 'static token';
  return { config: { baseUrl, tokenProvider: staticTokenProvider(token, username) }, practiceMode };
}
