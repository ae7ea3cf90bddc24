// Batch job status (BatchUploadDetails). Statuses are normalised: the batch enum
// (`unknown|queued|processing|finished|finished_with_errors`) and the documented device statuses
// (`in-progress|finished|finished_with_errors`); anything else becomes `unknown`. A batch `finished`
// may still hold failed devices (doc sample), so read each device.
import { z } from 'zod';
import type { PartnerCenterResult } from './errors';
import { jsonBody, type CallOptions, type Requester } from './request';

export const batchStatuses = ['unknown', 'queued', 'processing', 'finished', 'finished_with_errors'] as const;
export type BatchJobState = (typeof batchStatuses)[number];
export const deviceStatuses = ['unknown', 'in-progress', 'finished', 'finished_with_errors'] as const;
export type DeviceJobState = (typeof deviceStatuses)[number];

function norm(value: string | null | undefined): string {
  return (value ?? '').trim().toLowerCase().replace(/[\s-]+/g, '_');
}

export function batchState(value: string | null | undefined): BatchJobState {
  const v = norm(value);
  if (v === 'inprogress' || v === 'in_progress') return 'processing';
  return (batchStatuses as readonly string[]).includes(v) ? (v as BatchJobState) : 'unknown';
}

export function deviceState(value: string | null | undefined): DeviceJobState {
  const v = norm(value);
  if (v === 'in_progress' || v === 'inprogress' || v === 'processing' || v === 'queued') return 'in-progress';
  if (v === 'finished' || v === 'finished_with_errors') return v;
  return 'unknown';
}

const text = z.union([z.string(), z.number()]).nullish().transform((v) => (v === null || v === undefined || String(v).trim() === '' ? null : String(v)));

const deviceStatusSchema = z.object({
  deviceId: z.string().nullish(),
  serialNumber: z.string().nullish(),
  productKey: z.string().nullish(),
  status: z.string().nullish(),
  errorCode: text,
  errorDescription: text,
}).transform((d) => {
  const status = deviceState(d.status);
  return {
    deviceId: d.deviceId ?? null,
    serialNumber: d.serialNumber ?? null,
    productKey: d.productKey ?? null,
    status,
    errorCode: d.errorCode !== null && d.errorCode.trim() === '0' ? null : d.errorCode,
    errorDescription: d.errorDescription,
    /**
     * Decided per device: a finished_with_errors status, or a real error code, is a failure. An empty
     * or "0" errorCode is how some answers spell "no error": not a failure.
     */
    failed: status === 'finished_with_errors' || (d.errorCode !== null && d.errorCode.trim() !== '0'),
  };
});
export type DeviceJobStatus = z.output<typeof deviceStatusSchema>;

export const batchJobStatusSchema = z.object({
  batchTrackingId: z.string().nullish(),
  status: z.string().nullish(),
  startedTime: z.string().nullish(),
  completedTime: z.string().nullish(),
  devicesStatus: z.array(deviceStatusSchema).nullish(),
}).transform((j) => {
  const status = batchState(j.status);
  return {
    trackingId: j.batchTrackingId ?? null,
    status,
    done: status === 'finished' || status === 'finished_with_errors',
    startedTime: j.startedTime ?? null,
    completedTime: j.completedTime ?? null,
    devices: j.devicesStatus ?? [],
  };
});
export type BatchJobStatus = z.output<typeof batchJobStatusSchema>;

export function jobsApi(requester: Requester) {
  return {
    status(customerId: string, trackingId: string, options?: CallOptions): Promise<PartnerCenterResult<BatchJobStatus>> {
      return requester.request({
        method: 'GET',
        path: `/customers/${encodeURIComponent(customerId)}/batchJobStatus/${encodeURIComponent(trackingId)}`,
        expect: [200],
        read: jsonBody(batchJobStatusSchema),
      }, options);
    },
  };
}
