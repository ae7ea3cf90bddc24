// Shapes shared by the emulator's modules. Wire shapes (what clients see) are built in the route
// modules; these are the emulator's own records.
import type { IncomingHttpHeaders } from 'node:http';
import type { Switches } from './switches';

export type TokenClass = 'app+user' | 'app-only' | 'expired' | 'no-mfa';
/** `none`: a partner user with neither agent role (a billing admin, say). */
export type PartnerRole = 'admin_agent' | 'sales_agent' | 'none';

export interface TokenGrant {
  tokenClass: TokenClass;
  role: PartnerRole;
}

export interface Principal extends TokenGrant {
  token: string;
}

export interface Customer {
  id: string;
  companyName: string;
  domain: string;
  relationshipToPartner: 'none' | 'reseller' | 'advisor' | 'syndication' | 'microsoft_support';
  allowDelegatedAccess: boolean;
}

/** Simulated OEM (CBR) data in the Autopilot deployment service. */
export interface RegistryDevice {
  key: string;
  pkid?: string;
  serial?: string;
  manufacturer?: string;
  model?: string;
  hash?: string;
  /** A hash that looks like a 4K hash but that the service cannot use (802): a damaged or hand-edited file. */
  damaged?: boolean;
  ownerTenant: string | null;
  /** Id of the Partner Center device record while owned through a batch. */
  deviceId?: string;
}

export interface Batch {
  id: string;
  customerId: string;
  createdBy: string;
  creationDate: string;
  deviceIds: string[];
}

export interface PolicyAssignment {
  key: string;
  value: string | null;
}

export interface DeviceRecord {
  id: string;
  customerId: string;
  batchId: string;
  registryKey: string;
  serialNumber?: string;
  productKey?: string;
  hardwareHash?: string;
  modelName?: string;
  oemManufacturerName?: string;
  policies: PolicyAssignment[];
  uploadedDate: string;
}

export interface Policy {
  id: string;
  customerId: string;
  name: string;
  category: string;
  description?: string;
  policySettings: string[];
  createdDate: string;
  lastModifiedDate: string;
}

/** A device as a client sent it, keys already camelCased. */
export interface DeviceInput {
  productKey?: string;
  serialNumber?: string;
  oemManufacturerName?: string;
  modelName?: string;
  hardwareHash?: string;
}

export interface DeviceOutcome {
  deviceId: string | null;
  serialNumber?: string;
  productKey?: string;
  ok: boolean;
  errorCode?: string;
  errorDescription?: string;
}

export type JobItem =
  | { kind: 'upload'; device: DeviceInput; repeated: boolean }
  | { kind: 'policy'; deviceId: string; policies: PolicyAssignment[] };

export interface Job {
  trackingId: string;
  customerId: string;
  batchId?: string;
  createdAt: number;
  polls: number;
  /** Polls that count towards progress (those before the latest one). */
  pollsSeen: number;
  startedTime?: string;
  completedTime?: string;
  items: JobItem[];
  outcomes: DeviceOutcome[];
}

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** JSON value; undefined means an empty body. */
  body?: unknown;
}

export interface RequestContext {
  method: string;
  /** Path without `/v1`, as received (segments not lower-cased). */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  params: Record<string, string>;
  principal: Principal;
  rawBody: string;
  switches: Switches;
  baseUrl: string;
}

/** One device of an upload request exactly as it arrived (keys camelCased, absent fields left out). */
export interface ReceivedDevice {
  at: string;
  customerId: string;
  batchId: string;
  requestId: string;
  device: DeviceInput;
}

export interface RequestLogEntry {
  at: string;
  method: string;
  path: string;
  status: number | null;
  ms: number;
  requestId: string;
  correlationId: string;
  /** What happened besides a normal answer. */
  outcome: 'answered' | 'replayed' | 'throttled' | 'injected' | 'dropped' | 'hung';
}

export interface RegistrationCount {
  identity: string;
  count: number;
}

export interface EmulatorStats {
  requests: number;
  byStatus: Record<string, number>;
  customers: number;
  batches: number;
  devices: number;
  jobs: { total: number; queued: number; processing: number; done: number };
  registrations: number;
  duplicates: RegistrationCount[];
}
