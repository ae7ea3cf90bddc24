// Shared set-up for the emulator's own tests: a small world, a fetch wrapper, job polling.
import { randomBytes, randomUUID } from 'node:crypto';
import { startEmulator } from '../../../electron/practice/emulator/index';
import type { EmulatorOptions, RunningEmulator } from '../../../electron/practice/emulator/index';

export const TOKEN = 'emulator-app-user-token';
export const CONTOSO = '6f1c4a2e-8d3b-4c5f-9a7e-2b1d0c9e8f71';
export const FABRIKAM = 'b2a7e3d4-1c5f-4e8a-9b6d-3f2e1a0c9d84';
export const OTHER_TENANT = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c64';

export const PK = {
  free: ['3300000000001', '3300000000002', '3300000000003', '3300000000004', '3300000000005'],
  otherTenant: '3300000000808',
  ownedByContoso: '3300000000806',
  twice: '3300000000813',
  unfiled: '3300000000812',
};

export const TUPLE = { serialNumber: '7XK2QH3', oemManufacturerName: 'Dell Inc.', modelName: 'Latitude 5440' };

export function fullHash(): string {
  return randomBytes(3000).toString('base64');
}

export function start(opts: EmulatorOptions = {}): Promise<RunningEmulator> {
  return startEmulator({
    ...opts,
    seed: {
      customers: [
        { id: CONTOSO, companyName: 'Contoso Ltd', domain: 'contoso.onmicrosoft.com' },
        { id: FABRIKAM, companyName: 'Fabrikam, Inc.', domain: 'fabrikam.onmicrosoft.com', allowDelegatedAccess: true },
      ],
      registry: [
        ...PK.free.map((pkid) => ({ pkid })),
        { pkid: PK.otherTenant, ownerTenant: OTHER_TENANT },
        { pkid: PK.ownedByContoso, ownerTenant: CONTOSO },
        { pkid: PK.twice },
        { pkid: PK.twice },
        { serial: TUPLE.serialNumber, manufacturer: TUPLE.oemManufacturerName, model: TUPLE.modelName },
      ],
      ...opts.seed,
    },
  });
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  // Tests read fields freely; the emulator's answers are plain JSON.
  json: Record<string, unknown> & { items?: Record<string, unknown>[] };
}

export interface CallOptions {
  body?: unknown;
  token?: string | null;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export async function call(emu: RunningEmulator, method: string, path: string, opts: CallOptions = {}): Promise<ApiResponse> {
  const headers: Record<string, string> = { Accept: 'application/json', ...opts.headers };
  const token = opts.token === undefined ? TOKEN : opts.token;
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  let body: string | undefined;
  if (opts.body !== undefined) {
    body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
    headers['Content-Type'] = 'application/json';
  }
  const url = path.startsWith('http') ? path : `${emu.url}${path}`;
  const res = await fetch(url, { method, headers, body, signal: opts.signal });
  // fetch's text() drops a BOM; decode by hand so tests can see it.
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());
  const clean = text.replace(/^\uFEFF/, '');
  return { status: res.status, headers: res.headers, text, json: clean ? (JSON.parse(clean) as ApiResponse['json']) : {} };
}

export function createBatch(emu: RunningEmulator, devices: unknown[], batchId = `b-${randomUUID().slice(0, 8)}`, opts: CallOptions = {}) {
  return call(emu, 'POST', `/v1/customers/${CONTOSO}/deviceBatches`, { ...opts, body: { batchId, devices } });
}

/** Polls a Location until the job is done; returns the final status body. */
export async function pollDone(emu: RunningEmulator, location: string, maxPolls = 20): Promise<ApiResponse['json']> {
  const path = location.startsWith('/v1') || location.startsWith('http') ? location : `/v1${location}`;
  for (let i = 0; i < maxPolls; i++) {
    const res = await call(emu, 'GET', path);
    const status = res.json.status;
    if (status !== 'queued' && status !== 'processing') return res.json;
  }
  throw new Error(`job at ${location} not done after ${maxPolls} polls`);
}

export async function uploadAndWait(emu: RunningEmulator, devices: unknown[], batchId?: string) {
  const res = await createBatch(emu, devices, batchId);
  if (res.status !== 202) throw new Error(`upload answered ${res.status}: ${res.text}`);
  return pollDone(emu, res.headers.get('location') ?? '');
}

export type DeviceStatus = { deviceId: string | null; status: string; errorCode: string | null; errorDescription: string | null; productKey: string | null };

export function devicesStatus(job: ApiResponse['json']): DeviceStatus[] {
  return job.devicesStatus as DeviceStatus[];
}
