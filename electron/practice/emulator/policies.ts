// Autopilot profiles ("configuration policies") and applying them to devices through a batch job.
import { z } from 'zod';
import { policyAssignmentSchema } from './device-batches';
import { HttpError } from './faults';
import { accepted, collection, objectType, parseBody, requireCustomer } from './handler-kit';
import type { Handler } from './handler-kit';
import { createJob } from './jobs';
import type { EmulatorState } from './state';
import type { Policy, RequestContext } from './types';

const POLICY_SETTINGS = [
  'none', 'remove_oem_preinstalls', 'oobe_user_not_local_admin', 'skip_express_settings', 'skip_oem_registration', 'skip_eula',
] as const;

const category = z.string().refine((c) => c.toLowerCase() === 'o_o_b_e', { message: 'category must be o_o_b_e' });
const settings = z.array(z.enum(POLICY_SETTINGS));
const name = z.string().trim().min(1);
const description = z.string().nullish();

const createSchema = z.object({ name, category, description, policySettings: settings });
const updateSchema = z.object({ id: z.string().optional(), name: name.optional(), category: category.optional(), description, policySettings: settings.optional() });
const policyUpdatesSchema = z.object({
  devices: z.array(z.object({ id: z.string().min(1), policies: z.array(policyAssignmentSchema).min(1) })).min(1),
});

function policyWire(state: EmulatorState, p: Policy): Record<string, unknown> {
  let devicesAssigned = 0;
  for (const d of state.devices.values()) if (d.policies.some((a) => a.value === p.id)) devicesAssigned += 1;
  return {
    id: p.id,
    name: p.name,
    category: p.category,
    description: p.description ?? null,
    devicesAssigned,
    policySettings: p.policySettings,
    createdDate: p.createdDate,
    lastModifiedDate: p.lastModifiedDate,
    ...objectType('ConfigurationPolicy'),
  };
}

function requirePolicy(ctx: RequestContext, state: EmulatorState): Policy {
  const customer = requireCustomer(ctx, state);
  const policy = state.policies.get((ctx.params.policyId ?? '').toLowerCase());
  if (!policy || policy.customerId !== customer.id) throw new HttpError(404, `Policy ${ctx.params.policyId ?? ''} was not found.`);
  return policy;
}

export const listPolicies: Handler = (ctx, state) => {
  const customer = requireCustomer(ctx, state);
  const mine = [...state.policies.values()].filter((p) => p.customerId === customer.id);
  return collection(mine.map((p) => policyWire(state, p)));
};

export const getPolicy: Handler = (ctx, state) => ({ status: 200, body: policyWire(state, requirePolicy(ctx, state)) });

export const createPolicy: Handler = (ctx, state) => {
  const customer = requireCustomer(ctx, state);
  const body = parseBody(ctx, createSchema);
  const now = state.nowIso();
  const policy: Policy = {
    id: state.newId(), customerId: customer.id, name: body.name, category: 'o_o_b_e', description: body.description ?? undefined,
    policySettings: body.policySettings, createdDate: now, lastModifiedDate: now,
  };
  state.policies.set(policy.id, policy);
  return { status: 200, body: policyWire(state, policy) };
};

export const updatePolicy: Handler = (ctx, state) => {
  const policy = requirePolicy(ctx, state);
  const body = parseBody(ctx, updateSchema);
  if (body.id !== undefined && body.id.toLowerCase() !== policy.id) throw new HttpError(400, 'A policy id cannot be changed.');
  if (body.name !== undefined) policy.name = body.name;
  if (body.description !== undefined) policy.description = body.description ?? undefined;
  if (body.policySettings !== undefined) policy.policySettings = body.policySettings;
  policy.lastModifiedDate = state.nowIso();
  return { status: 200, body: policyWire(state, policy) };
};

export const deletePolicy: Handler = (ctx, state) => {
  const policy = requirePolicy(ctx, state);
  state.policies.delete(policy.id);
  for (const d of state.devices.values()) d.policies = d.policies.filter((a) => a.value !== policy.id);
  return { status: 204 };
};

export const devicePolicyUpdates: Handler = (ctx, state) => {
  const customer = requireCustomer(ctx, state);
  const body = parseBody(ctx, policyUpdatesSchema);
  if (body.devices.length > ctx.switches.maxDevicesPerRequest) {
    throw new HttpError(400, `A request may carry at most ${ctx.switches.maxDevicesPerRequest} devices.`);
  }
  const items = body.devices.map((d) => ({
    kind: 'policy' as const,
    deviceId: d.id.toLowerCase(),
    policies: d.policies.map((p) => ({ key: p.key, value: p.value === null ? null : p.value.toLowerCase() })),
  }));
  const job = createJob(state, customer.id, items);
  return accepted(ctx, customer.id, job.trackingId);
};
