// What a bearer token says about itself, read without verifying it (the service verifies; the station
// only wants hints to explain a refusal): App-only (idtyp=app, or no scp), and whether MFA is in amr.
// An opaque (non-JWT) token tells nothing: every fact is then null.
export interface TokenFacts {
  /** true: an App-only token; false: App+User; null: cannot be told. */
  appOnly: boolean | null;
  /** true: amr lists mfa; false: an App+User token without it; null: cannot be told (or App-only). */
  mfa: boolean | null;
}

export const UNKNOWN_TOKEN: TokenFacts = { appOnly: null, mfa: null };

function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? value.split(' ') : [];
}

export function tokenFacts(token: string): TokenFacts {
  const payload = token.split('.')[1];
  if (token.split('.').length !== 3 || !payload) return UNKNOWN_TOKEN;
  let claims: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return UNKNOWN_TOKEN;
    claims = parsed as Record<string, unknown>;
  } catch {
    return UNKNOWN_TOKEN;
  }
  const appOnly = claims.idtyp === 'app' || (claims.scp === undefined && claims.roles !== undefined && claims.upn === undefined);
  if (appOnly) return { appOnly: true, mfa: null };
  return { appOnly: false, mfa: list(claims.amr).includes('mfa') };
}
