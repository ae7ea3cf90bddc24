// Bearer tokens are opaque strings seeded with a class, or unsigned JWTs whose claims give the class, so
// a client can be tested with MSAL-shaped tokens too. Signatures are never checked: this is a test double.
import type { IncomingHttpHeaders } from 'node:http';
import { HttpError } from './faults';
import type { Switches } from './switches';
import type { PartnerRole, Principal, TokenClass, TokenGrant } from './types';

/** Routes Partner Center serves only to App+User tokens. */
const APP_USER_ONLY = new Set(['deviceBatches.create', 'customers.relationshipRequests']);
/** Only admin agents create or apply profiles. */
const POLICY_WRITES = new Set(['policies.create', 'policies.update', 'policies.delete', 'devicePolicyUpdates.patch']);
/** A user with neither agent role (e.g. only a billing admin) may not touch devices or profiles. UNVERIFIED wording. */
const AGENT_ROUTES = /^(deviceBatches|devices|batchJobStatus|policies|devicePolicyUpdates)\./;

/**
 * Partner Center's documented answer to an App+User token without an MFA claim since 1 April 2026:
 * 401 with error code 900421 (Partner Center announcements; the fault body's wording is UNVERIFIED).
 */
export const MFA_REQUIRED_CODE = 900421;

function unauthorized(partnerId: string, description: string): HttpError {
  return new HttpError(401, description, 401, { 'WWW-Authenticate': `OAuth realm=urn:cpsvc:cpid:${partnerId}` });
}

function claimList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? value.split(' ') : [];
}

/** Reads an unsigned JWT's claims into a grant; undefined when the token is not a JWT. */
export function grantFromJwt(token: string, nowMs: number): TokenGrant | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[1] === undefined) return undefined;
  let claims: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    if (parsed === null || typeof parsed !== 'object') return undefined;
    claims = parsed as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const roles = claimList(claims.roles);
  const role: PartnerRole = roles.includes('sales_agent') ? 'sales_agent' : roles.includes('no_agent_role') ? 'none' : 'admin_agent';
  let tokenClass: TokenClass;
  if (typeof claims.exp === 'number' && claims.exp * 1000 <= nowMs) tokenClass = 'expired';
  else if (claims.idtyp === 'app') tokenClass = 'app-only';
  else if (!claimList(claims.scp).includes('user_impersonation')) return undefined;
  else tokenClass = claimList(claims.amr).includes('mfa') ? 'app+user' : 'no-mfa';
  return { tokenClass, role };
}

export function authenticate(
  headers: IncomingHttpHeaders,
  tokens: ReadonlyMap<string, TokenGrant>,
  switches: Switches,
  partnerId: string,
  nowMs: number,
): Principal {
  const header = headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) throw unauthorized(partnerId, 'Authorization header with a bearer token is required.');
  const token = match[1];
  const grant = tokens.get(token) ?? grantFromJwt(token, nowMs);
  if (!grant) throw unauthorized(partnerId, 'The access token is invalid.');
  if (grant.tokenClass === 'expired') throw unauthorized(partnerId, 'The access token has expired.');
  if (grant.tokenClass === 'no-mfa' && switches.strictMfa) {
    throw new HttpError(401, 'Multi-factor authentication is required for App+User access: the access token has no MFA claim.', MFA_REQUIRED_CODE, {
      'WWW-Authenticate': `OAuth realm=urn:cpsvc:cpid:${partnerId}`,
    });
  }
  return { token, ...grant };
}

export function authorize(principal: Principal, routeId: string): void {
  if (principal.tokenClass === 'app-only' && APP_USER_ONLY.has(routeId)) {
    throw new HttpError(403, 'This operation requires App+User authentication.');
  }
  if (principal.role === 'none' && AGENT_ROUTES.test(routeId)) {
    throw new HttpError(403, 'The user does not have the Admin agent or Sales agent role required for this operation.');
  }
  if (principal.role === 'sales_agent' && POLICY_WRITES.has(routeId)) {
    throw new HttpError(403, 'Only admin agents may create or apply configuration policies.');
  }
}
