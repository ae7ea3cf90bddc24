// Autopilot profiles ("configuration policies"): list, get, create, update (PUT), delete, and
// assigning them to devices with DevicePolicyUpdates (202 + status link, like an upload).
import { z } from 'zod';
import { readAccepted, type AcceptedJob, type PolicyAssignment } from './device-batches';
import type { PartnerCenterResult } from './errors';
import { collectAll, type Page } from './paging';
import { jsonBody, type CallOptions, type Requester } from './request';

export const policySettings = ['none', 'remove_oem_preinstalls', 'oobe_user_not_local_admin', 'skip_express_settings', 'skip_oem_registration', 'skip_eula'] as const;
export type PolicySetting = (typeof policySettings)[number];

// Samples say devicesAssigned, the resource table devicesAssignedCount: take either.
export const policySchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  category: z.string().nullish(),
  description: z.string().nullish(),
  policySettings: z.array(z.string()).nullish(),
  devicesAssigned: z.number().nullish(),
  devicesAssignedCount: z.number().nullish(),
  createdDate: z.string().nullish(),
  lastModifiedDate: z.string().nullish(),
}).transform((p) => ({
  id: p.id,
  name: p.name,
  category: p.category ?? 'o_o_b_e',
  description: p.description ?? null,
  policySettings: (p.policySettings ?? []).map((s) => s.toLowerCase()),
  devicesAssigned: p.devicesAssigned ?? p.devicesAssignedCount ?? null,
  createdDate: p.createdDate ?? null,
  lastModifiedDate: p.lastModifiedDate ?? null,
}));
export type Policy = z.output<typeof policySchema>;

export interface PolicyInput {
  name: string;
  description?: string;
  policySettings: PolicySetting[];
}

const seg = encodeURIComponent;
const policiesPath = (cid: string) => `/customers/${seg(cid)}/policies`;

export function policiesApi(requester: Requester) {
  return {
    list(customerId: string, options?: Omit<CallOptions, 'requestId'>): Promise<PartnerCenterResult<Page<Policy>>> {
      return collectAll(requester, { path: policiesPath(customerId), item: policySchema, nextWithoutLink: () => ({ path: policiesPath(customerId) }) }, options);
    },

    get(customerId: string, policyId: string, options?: CallOptions): Promise<PartnerCenterResult<Policy>> {
      return requester.request({ method: 'GET', path: `${policiesPath(customerId)}/${seg(policyId)}`, expect: [200], read: jsonBody(policySchema) }, options);
    },

    create(customerId: string, policy: PolicyInput, options?: CallOptions): Promise<PartnerCenterResult<Policy>> {
      return requester.request({
        method: 'POST',
        path: policiesPath(customerId),
        body: { ...policy, category: 'o_o_b_e', attributes: { objectType: 'ConfigurationPolicy' } },
        expect: [200, 201],
        read: jsonBody(policySchema),
      }, options);
    },

    /** PUT: id and category cannot change. */
    update(customerId: string, policyId: string, change: Partial<PolicyInput>, options?: CallOptions): Promise<PartnerCenterResult<Policy>> {
      return requester.request({
        method: 'PUT',
        path: `${policiesPath(customerId)}/${seg(policyId)}`,
        body: { id: policyId, ...change, attributes: { objectType: 'ConfigurationPolicy' } },
        expect: [200],
        read: jsonBody(policySchema),
      }, options);
    },

    delete(customerId: string, policyId: string, options?: CallOptions): Promise<PartnerCenterResult<undefined>> {
      return requester.request({ method: 'DELETE', path: `${policiesPath(customerId)}/${seg(policyId)}`, expect: [204, 200], read: () => ({ ok: true, value: undefined }) }, options);
    },

    /** PATCH DevicePolicyUpdates: assign a profile to devices; the result is a batch job (202). */
    assign(customerId: string, devices: { id: string; policies: PolicyAssignment[] }[], options?: CallOptions): Promise<PartnerCenterResult<AcceptedJob>> {
      return requester.request({
        method: 'PATCH',
        path: `/customers/${seg(customerId)}/DevicePolicyUpdates`,
        body: {
          devices: devices.map((d) => ({ id: d.id, policies: d.policies, attributes: { objectType: 'Device' } })),
          attributes: { objectType: 'DevicePolicyUpdateRequest' },
        },
        expect: [202, 200],
        read: readAccepted(customerId),
      }, options);
    },
  };
}
