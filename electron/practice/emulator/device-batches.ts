// Device batches: create (and the open question of re-creating a batch id), append, list batches and
// their devices, update and delete one device. Uploads only queue a job; see jobs.ts.
import { z } from 'zod';
import { headerValue } from './customers';
import { assignPolicies, identifiedBy, requestIdentity, unregisterDevice } from './device-rules';
import { HttpError } from './faults';
import { accepted, collection, link, objectType, parseBody, requireCustomer } from './handler-kit';
import type { Handler, Link } from './handler-kit';
import { createJob, jobStatus } from './jobs';
import type { EmulatorState } from './state';
import type { Batch, DeviceInput, DeviceRecord, Job, JobItem, RequestContext } from './types';

// The SDK sends nulls for fields it does not use; empty strings count as absent too.
const optionalText = z.string().nullish().transform((v) => (v === null || v === undefined || v.trim() === '' ? undefined : v));

export const deviceInputSchema = z.object({
  productKey: optionalText,
  serialNumber: optionalText,
  oemManufacturerName: optionalText,
  modelName: optionalText,
  hardwareHash: optionalText,
});

const createSchema = z.object({ batchId: z.string().trim().min(1), devices: z.array(deviceInputSchema).min(1) });
const appendSchema = z.array(deviceInputSchema).min(1);

export const policyAssignmentSchema = z.object({ key: z.string().min(1), value: z.string().nullable() });
const putDeviceSchema = z.object({ policies: z.array(policyAssignmentSchema).nullish() });

function toItems(devices: DeviceInput[]): JobItem[] {
  const seen = new Set<string>();
  return devices.map((device) => {
    const identity = requestIdentity(device);
    const repeated = seen.has(identity);
    seen.add(identity);
    return { kind: 'upload', device, repeated };
  });
}

function queueUpload(ctx: RequestContext, state: EmulatorState, batch: Batch, devices: DeviceInput[]) {
  if (devices.length > ctx.switches.maxDevicesPerRequest) {
    throw new HttpError(400, `A request may carry at most ${ctx.switches.maxDevicesPerRequest} devices.`);
  }
  // Seen in the wild (Partner-Center-PowerShell #274): tuple-only uploads failing server-side.
  if (ctx.switches.tupleOnly500 && devices.some((d) => identifiedBy(d) === 'tuple')) {
    throw new HttpError(500, 'Sequence contains no matching element');
  }
  state.putBatch(batch);
  const requestId = headerValue(ctx.headers['ms-requestid']) ?? '';
  for (const device of devices) {
    const sent = Object.fromEntries(Object.entries(device).filter(([, v]) => v !== undefined)) satisfies DeviceInput;
    state.received.push({ at: state.nowIso(), customerId: batch.customerId, batchId: batch.id, requestId, device: sent });
  }
  const job = createJob(state, batch.customerId, toItems(devices), batch.id);
  return accepted(ctx, batch.customerId, job.trackingId);
}

export const createBatch: Handler = (ctx, state) => {
  const customer = requireCustomer(ctx, state);
  const body = parseBody(ctx, createSchema);
  const existing = state.batch(customer.id, body.batchId);
  if (existing && ctx.switches.batchExists === 'conflict') {
    throw new HttpError(409, `A device batch with id ${body.batchId} already exists.`);
  }
  const batch: Batch = existing ?? {
    id: body.batchId, customerId: customer.id, createdBy: 'operator@partner.example', creationDate: state.nowIso(), deviceIds: [],
  };
  return queueUpload(ctx, state, batch, body.devices);
};

function requireBatch(ctx: RequestContext, state: EmulatorState): Batch {
  const customer = requireCustomer(ctx, state);
  const batch = state.batchByPath(customer.id, ctx.params.batchId ?? '');
  if (!batch) throw new HttpError(404, `Device batch ${ctx.params.batchId ?? ''} was not found.`);
  return batch;
}

export const appendDevices: Handler = (ctx, state) => {
  const batch = requireBatch(ctx, state);
  return queueUpload(ctx, state, batch, parseBody(ctx, appendSchema));
};

function devicesPath(batch: Batch): string {
  return `/customers/${batch.customerId}/deviceBatches/${encodeURIComponent(batch.id)}/devices`;
}

/**
 * A DeviceBatch's `status`: only the doc sample shows it, with no list of values. INFERRED: the state of
 * the batch's newest upload job (`queued|processing|finished|finished_with_errors`), `finished` when none.
 */
function batchStatus(state: EmulatorState, batch: Batch): string {
  let newest: Job | undefined;
  for (const job of state.jobs.values()) {
    if (job.batchId === batch.id && job.customerId === batch.customerId && (!newest || job.createdAt >= newest.createdAt)) newest = job;
  }
  return newest ? jobStatus(state, newest) : 'finished';
}

export const listBatches: Handler = (ctx, state) => {
  const customer = requireCustomer(ctx, state);
  const items = [...state.batches.values()].filter((b) => b.customerId === customer.id).map((b) => ({
    id: b.id,
    createdBy: b.createdBy,
    creationDate: b.creationDate,
    devicesCount: b.deviceIds.length,
    status: batchStatus(state, b),
    devicesLink: link(devicesPath(b)),
    ...objectType('DeviceBatch'),
  }));
  return collection(items);
};

function deviceWire(d: DeviceRecord, batch: Batch): Record<string, unknown> {
  return {
    id: d.id,
    serialNumber: d.serialNumber ?? null,
    productKey: d.productKey ?? null,
    hardwareHash: d.hardwareHash ?? null,
    modelName: d.modelName ?? null,
    oemManufacturerName: d.oemManufacturerName ?? null,
    policies: d.policies,
    uploadedDate: d.uploadedDate,
    allowedOperations: ['GET', 'PATCH', 'DELETE'],
    links: { self: link(`${devicesPath(batch)}/${d.id}`) },
    ...objectType('Device'),
  };
}

export const listDevices: Handler = (ctx, state) => {
  const batch = requireBatch(ctx, state);
  const scope = `devices|${batch.customerId}|${batch.id.toLowerCase()}`;
  const token = headerValue(ctx.headers['ms-continuationtoken']);
  const offset = token === undefined ? 0 : state.readContinuation(scope, token).offset;
  const size = ctx.switches.devicesPageSize;
  const page = batch.deviceIds.slice(offset, offset + size).flatMap((id) => {
    const d = state.devices.get(id);
    return d ? [deviceWire(d, batch)] : [];
  });
  const links: Record<string, Link> = { self: link(devicesPath(batch)) };
  const extra: Record<string, unknown> = {};
  if (offset + size < batch.deviceIds.length) {
    const next = state.issueContinuation(scope, offset + size);
    links.next = link(devicesPath(batch), [{ key: 'MS-ContinuationToken', value: next }]);
    extra.continuationToken = next;
  }
  return collection(page, { links, ...extra });
};

function requireDevice(ctx: RequestContext, state: EmulatorState): { batch: Batch; device: DeviceRecord } {
  const batch = requireBatch(ctx, state);
  const device = state.devices.get((ctx.params.deviceId ?? '').toLowerCase());
  if (!device || device.batchId !== batch.id || device.customerId !== batch.customerId) {
    throw new HttpError(404, `Device ${ctx.params.deviceId ?? ''} was not found in batch ${batch.id}.`);
  }
  return { batch, device };
}

export const updateDevice: Handler = (ctx, state) => {
  const { batch, device } = requireDevice(ctx, state);
  const body = parseBody(ctx, putDeviceSchema);
  if (body.policies) {
    const outcome = assignPolicies(state, batch.customerId, device.id, body.policies);
    if (!outcome.ok) throw new HttpError(400, outcome.errorDescription ?? 'Invalid policy.', Number(outcome.errorCode));
  }
  return { status: 200, body: deviceWire(device, batch) };
};

export const deleteDevice: Handler = (ctx, state) => {
  const { device } = requireDevice(ctx, state);
  unregisterDevice(state, device);
  return { status: 204 };
};
