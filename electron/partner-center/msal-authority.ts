// Where MSAL signs in: each cloud's Entra ID host and Partner Center scopes, the authority URL for a
// tenant, and the one kind of URL a front door may open on MSAL's behalf.
import type { MsalTokenProviderOptions, PartnerCloud, PartnerCloudSettings } from './msal-types';

export const PARTNER_CLOUDS: Readonly<Record<PartnerCloud, PartnerCloudSettings>> = {
  global: {
    authorityHost: 'https://login.microsoftonline.com',
    scopes: ['https://api.partnercenter.microsoft.com/user_impersonation'],
  },
  // Partner Center operated by 21Vianet. UNVERIFIED: the scope follows Partner-Center-PowerShell
  // (`{PartnerCenterEndpoint}/user_impersonation` with ChinaPartnerCenterEndpoint); nobody here has
  // signed in against it. Pass `scopes` to override once confirmed.
  china: {
    authorityHost: 'https://login.chinacloudapi.cn',
    scopes: ['https://partner.partnercenterapi.microsoftonline.cn/user_impersonation'],
  },
};

/** Tenant ids are GUIDs, verified domains, or 'organizations' / 'common'. */
const TENANT = /^[A-Za-z0-9][A-Za-z0-9.-]{0,253}$/;

export function resolveAuthority(options: Pick<MsalTokenProviderOptions, 'tenant' | 'cloud' | 'authorityOverride'>): string {
  if (options.authorityOverride) return options.authorityOverride.authority;
  const tenant = options.tenant ?? 'organizations';
  if (!TENANT.test(tenant)) throw new Error(`Not a tenant id or domain: ${JSON.stringify(tenant)}`);
  return `${PARTNER_CLOUDS[options.cloud ?? 'global'].authorityHost}/${tenant}`;
}

/**
 * True when `url` is an authorization request to `authority`'s own host (https, /oauth2/v2.0/authorize).
 * The only URLs a front door should ever open on MSAL's behalf.
 */
export function isAuthorizeUrl(url: string, authority: string): boolean {
  let target: URL;
  let expected: URL;
  try {
    target = new URL(url);
    expected = new URL(authority);
  } catch {
    return false;
  }
  return (
    target.protocol === 'https:' &&
    target.origin === expected.origin &&
    target.username === '' &&
    target.password === '' &&
    target.pathname.endsWith('/oauth2/v2.0/authorize')
  );
}
