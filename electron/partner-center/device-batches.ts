// Device batches: create (202 + status link), append to an existing batch, list batches, list a
// batch's devices across every page (100 per page, MS-ContinuationToken), update and delete one device.
import { z } from 'zod';
import type { PartnerCenterResult } from './errors';
import { statusLocation } from './location';
import { collectAll, type Page } from './paging';
import { optionalJson, type Answer, type CallOptions, type Requester } from './request';
import { jsonBody } from './request';

/** One device as uploaded: a PKID alone, a hardware hash (+PKID/serial), or serial + manufacturer + model. */
export interface DeviceInput {
  productKey?: string;
  serialNumber?: string;
  oemManufacturerName?: string;
  modelName?: string;
  hardwareHash?: string;
}

export interface PolicyAssignment {
  /** `o_o_b_e` for Autopilot profiles. */
  key: string;
  value: string | null;
}

const policyAssignment = z.object({ key: z.string(), value: z.string().nullish() }).transform((p): PolicyAssignment => ({ key: p.key, value: p.value ?? null }));

export const deviceSchema = z.object({
  id: z.string().min(1),
  serialNumber: z.string().nullish(),
  productKey: z.string().nullish(),
  hardwareHash: z.string().nullish(),
  modelName: z.string().nullish(),
  oemManufacturerName: z.string().nullish(),
  policies: z.array(policyAssignment).nullish(),
  uploadedDate: z.string().nullish(),
}).transform((d) => ({
  id: d.id,
  serialNumber: d.serialNumber ?? null,
  productKey: d.productKey ?? null,
  hardwareHash: d.hardwareHash ?? null,
  modelName: d.modelName ?? null,
  oemManufacturerName: d.oemManufacturerName ?? null,
  policies: d.policies ?? [],
  uploadedDate: d.uploadedDate ?? null,
}));
export type Device = z.output<typeof deviceSchema>;

// The SDK and a sample say devicesCount, the resource table says deviceCount: take either.
export const deviceBatchSchema = z.object({
  id: z.string().min(1),
  createdBy: z.string().nullish(),
  creationDate: z.string().nullish(),
  devicesCount: z.number().nullish(),
  deviceCount: z.number().nullish(),
  status: z.string().nullish(),
}).transform((b) => ({
  id: b.id,
  createdBy: b.createdBy ?? null,
  creationDate: b.creationDate ?? null,
  devicesCount: b.devicesCount ?? b.deviceCount ?? null,
  status: b.status ?? null,
}));
export type DeviceBatch = z.output<typeof deviceBatchSchema>;

export interface AcceptedJob {
  /** Null when the service accepted the request but named no status link (neither header nor body). */
  trackingId: string | null;
  customerId: string;
}

/** Reads a 202 (200/201 tolerated): Location header first, then a link in the body. */
export function readAccepted(customerId: string) {
  return (answer: Answer): { ok: true; value: AcceptedJob } => {
    const where = statusLocation(answer.headers.get('location'), optionalJson(answer.text), customerId);
    return { ok: true, value: { trackingId: where?.trackingId ?? null, customerId: where?.customerId ?? customerId } };
  };
}

function wireDevice(d: DeviceInput): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of ['productKey', 'serialNumber', 'oemManufacturerName', 'modelName', 'hardwareHash'] as const) {
    if (d[key] !== undefined && d[key] !== '') out[key] = d[key];
  }
  return { ...out, attributes: { objectType: 'Device' } };
}

const seg = encodeURIComponent;
const batchesPath = (cid: string) => `/customers/${seg(cid)}/deviceBatches`;
const devicesPath = (cid: string, batchId: string) => `${batchesPath(cid)}/${seg(batchId)}/devices`;

export function deviceBatchesApi(requester: Requester) {
  return {
    /** New batch with its first devices (App+User only). 409 = the batch id exists (UNVERIFIED; some servers may append). */
    create(customerId: string, batch: { batchId: string; devices: DeviceInput[] }, options?: CallOptions): Promise<PartnerCenterResult<AcceptedJob>> {
      return requester.request({
        method: 'POST',
        path: batchesPath(customerId),
        body: { batchId: batch.batchId, devices: batch.devices.map(wireDevice), attributes: { objectType: 'DeviceBatchCreationRequest' } },
        expect: [202, 200, 201],
        read: readAccepted(customerId),
      }, options);
    },

    append(customerId: string, batchId: string, devices: DeviceInput[], options?: CallOptions): Promise<PartnerCenterResult<AcceptedJob>> {
      return requester.request({
        method: 'POST', path: devicesPath(customerId, batchId), body: devices.map(wireDevice), expect: [202, 200, 201], read: readAccepted(customerId),
      }, options);
    },

    list(customerId: string, options?: Omit<CallOptions, 'requestId'>): Promise<PartnerCenterResult<Page<DeviceBatch>>> {
      return collectAll(requester, { path: batchesPath(customerId), item: deviceBatchSchema, nextWithoutLink: () => ({ path: batchesPath(customerId) }) }, options);
    },

    /** Every device of a batch, all pages. */
    listDevices(customerId: string, batchId: string, options?: Omit<CallOptions, 'requestId'> & { maxPages?: number }): Promise<PartnerCenterResult<Page<Device>>> {
      const path = devicesPath(customerId, batchId);
      return collectAll(requester, { path, item: deviceSchema, nextWithoutLink: () => ({ path }), maxPages: options?.maxPages }, options);
    },

    /** PUT one device (its policies). */
    updateDevice(customerId: string, batchId: string, deviceId: string, update: { policies: PolicyAssignment[] }, options?: CallOptions): Promise<PartnerCenterResult<Device>> {
      return requester.request({
        method: 'PUT',
        path: `${devicesPath(customerId, batchId)}/${seg(deviceId)}`,
        body: { id: deviceId, policies: update.policies, attributes: { objectType: 'Device' } },
        expect: [200],
        read: jsonBody(deviceSchema),
      }, options);
    },

    deleteDevice(customerId: string, batchId: string, deviceId: string, options?: CallOptions): Promise<PartnerCenterResult<undefined>> {
      return requester.request({
        method: 'DELETE', path: `${devicesPath(customerId, batchId)}/${seg(deviceId)}`, expect: [204, 200], read: () => ({ ok: true, value: undefined }),
      }, options);
    },
  };
}
