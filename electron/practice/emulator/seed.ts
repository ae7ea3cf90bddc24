// What an emulator starts with: customers, the simulated OEM registry, bearer tokens and switches. The
// same schemas validate seed files, `startEmulator` options and the HTTP control routes.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { parseJsonBody } from './json-case';
import { switchesPatchSchema } from './switches';
import type { Customer, TokenGrant } from './types';

const relationship = z.enum(['none', 'reseller', 'advisor', 'syndication', 'microsoft_support']);

export const customerSeedSchema = z
  .object({
    id: z.string().min(1),
    companyName: z.string().optional(),
    domain: z.string().optional(),
    companyProfile: z.object({ companyName: z.string().optional(), domain: z.string().optional() }).optional(),
    relationshipToPartner: relationship.default('reseller'),
    allowDelegatedAccess: z.boolean().default(false),
  })
  .transform((c): Customer => ({
    id: c.id.toLowerCase(),
    companyName: c.companyName ?? c.companyProfile?.companyName ?? c.id,
    domain: c.domain ?? c.companyProfile?.domain ?? `${c.id.slice(0, 8)}.onmicrosoft.com`,
    relationshipToPartner: c.relationshipToPartner,
    allowDelegatedAccess: c.allowDelegatedAccess,
  }));
export type CustomerSeed = z.input<typeof customerSeedSchema>;

export const registrySeedSchema = z
  .object({
    pkid: z.string().min(1).optional(),
    serial: z.string().min(1).optional(),
    manufacturer: z.string().min(1).optional(),
    model: z.string().min(1).optional(),
    hash: z.string().min(1).optional(),
    /** The service rejects this (plausible-looking) hash with 802. */
    damaged: z.boolean().optional(),
    ownerTenant: z.string().nullable().default(null),
  })
  .refine((d) => d.pkid !== undefined || d.hash !== undefined || d.serial !== undefined, {
    message: 'a registry device needs a pkid, a hash or a serial',
  });
export type RegistrySeed = z.input<typeof registrySeedSchema>;

const tokenClass = z.enum(['app+user', 'app-only', 'expired', 'no-mfa']);
export const tokenSeedSchema = z
  .object({
    token: z.string().min(1),
    tokenClass: tokenClass.optional(),
    class: tokenClass.optional(),
    role: z.enum(['admin_agent', 'sales_agent', 'none']).default('admin_agent'),
  })
  .refine((t) => (t.tokenClass ?? t.class) !== undefined, { message: 'token needs a class' })
  .transform((t): { token: string } & TokenGrant => ({
    token: t.token,
    tokenClass: t.tokenClass ?? t.class ?? 'app+user',
    role: t.role,
  }));
export type TokenSeed = z.input<typeof tokenSeedSchema>;

export const seedSchema = z.object({
  partnerId: z.string().optional(),
  customers: z.array(customerSeedSchema).default([]),
  registry: z.array(registrySeedSchema).default([]),
  tokens: z.array(tokenSeedSchema).default([]),
  switches: switchesPatchSchema.optional(),
});
export type Seed = z.input<typeof seedSchema>;
export type ParsedSeed = z.output<typeof seedSchema>;

/** Always present, so a test can reach every class without seeding. */
export const DEFAULT_TOKENS: readonly TokenSeed[] = [
  { token: 'emulator-app-user-token', tokenClass: 'app+user' },
  { token: 'emulator-app-only-token', tokenClass: 'app-only' },
  { token: 'emulator-expired-token', tokenClass: 'expired' },
  { token: 'emulator-no-mfa-token', tokenClass: 'no-mfa' },
  { token: 'emulator-sales-agent-token', tokenClass: 'app+user', role: 'sales_agent' },
  { token: 'emulator-no-role-token', tokenClass: 'app+user', role: 'none' },
];

export async function loadSeedFile(path: string): Promise<ParsedSeed> {
  return seedSchema.parse(parseJsonBody(await readFile(path, 'utf8')) ?? {});
}
