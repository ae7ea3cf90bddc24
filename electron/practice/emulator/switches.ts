// Every behaviour the docs leave open, plus the faults tests inject, as one validated object that can be
// set at start (options, seed file) and changed at run time (control API, HTTP control routes).
import { z } from 'zod';

const bucketSchema = z.object({
  capacity: z.number().int().positive(),
  refillPerSecond: z.number().positive(),
});
export type BucketConfig = z.infer<typeof bucketSchema>;

const throttleSchema = z.object({
  enabled: z.boolean(),
  partner: bucketSchema,
  customer: bucketSchema,
  /** Overrides by route id (see router.ts), e.g. `deviceBatches.create`. */
  routes: z.record(z.string(), z.object({ partner: bucketSchema.optional(), customer: bucketSchema.optional() })),
});
export type ThrottleConfig = z.infer<typeof throttleSchema>;

export const faultRuleSchema = z.object({
  kind: z.enum(['status', 'drop', 'hang']),
  status: z.union([z.literal(500), z.literal(502), z.literal(503), z.literal(504)]).optional(),
  /** Probability per matching request. */
  rate: z.number().min(0).max(1).default(1),
  /** Fire at most this many times, then the rule removes itself. */
  times: z.number().int().positive().optional(),
  /** Case-insensitive regular expression tested against the path without `/v1`. */
  route: z.string().optional(),
  method: z.string().optional(),
  /** Run the request first, then fail the answer: the server did the work, the client never learns it. */
  after: z.boolean().default(false),
});
export type FaultRule = z.infer<typeof faultRuleSchema>;

const latencySchema = z.object({ ms: z.number().min(0), jitterMs: z.number().min(0) });
const jobAdvanceSchema = z.object({
  /** Polls of the job status per state step; 0 = polls do not advance jobs. */
  pollsPerStep: z.number().int().min(0),
  /** Milliseconds per state step; 0 = time does not advance jobs. Both 0 = jobs finish at once. */
  msPerStep: z.number().min(0),
  /** Devices finished per step once processing; 0 = all in one step. */
  devicesPerStep: z.number().int().min(0),
});

export const switchesSchema = z.object({
  latency: latencySchema,
  faults: z.array(faultRuleSchema),
  stuckJobs: z.boolean(),
  /**
   * Where a stuck job stops: before deciding any device (nothing registered), or after deciding them
   * all while its status stays `processing` (the devices are in the batch list; only the job never
   * says so). Both are seen as "check again in 10 minutes" in the wild (CIPP); which is real is UNVERIFIED.
   */
  stuckJobsAt: z.enum(['before-devices', 'after-devices']),
  /** What a successful device's errorCode reads: null, "" or "0" (all seen in clients' handling; UNVERIFIED which). */
  successErrorCode: z.enum(['null', 'empty', 'zero']),
  jobAdvance: jobAdvanceSchema,
  /** List not-yet-finished devices as `in-progress` in devicesStatus (else the list fills as they finish). */
  pendingDevicesInStatus: z.boolean(),
  locationStyle: z.enum(['relative', 'v1', 'absolute']),
  statusLink: z.enum(['header', 'body', 'both']),
  pascalCaseOutput: z.boolean(),
  bom: z.boolean(),
  batchExists: z.enum(['conflict', 'append']),
  /** How a batch id in a path is matched (INFERRED: exact, see EmulatorState.batchByPath). */
  batchIdMatching: z.enum(['exact', 'case-insensitive']),
  /**
   * Which devicesStatus entries carry a deviceId. INFERRED: the status doc's own sample has none, and
   * CIPP notes hash-only uploads come back with no serial, product key or id; so by default a device
   * sent by hash alone gets no id in the job status (it must be found in the batch's device list).
   */
  statusDeviceIds: z.enum(['always', 'omit-hash-only', 'never']),
  maxDevicesPerRequest: z.number().int().positive(),
  strictMfa: z.boolean(),
  strictContractVersion: z.boolean(),
  tupleOnly500: z.boolean(),
  batchStatusWithFailures: z.enum(['finished_with_errors', 'finished']),
  faultShape: z.enum(['classic', 'extended']),
  retryAfter: z.enum(['seconds', 'http-date']),
  throttle: throttleSchema,
  customersPageCap: z.number().int().positive(),
  devicesPageSize: z.number().int().positive(),
  nonCustomerStatus: z.union([z.literal(403), z.literal(404)]),
  /**
   * Customers whose device calls answer 403 although they are listed customers (CIPP #2527: one
   * customer refused while others work; cause not published, so the body says nothing specific).
   */
  forbiddenCustomers: z.array(z.string()),
  idempotency: z.enum(['all', 'writes', 'off']),
  idempotencyTtlMs: z.number().int().positive(),
});
export type Switches = z.infer<typeof switchesSchema>;

export const switchesPatchSchema = switchesSchema.partial().extend({
  latency: latencySchema.partial().optional(),
  jobAdvance: jobAdvanceSchema.partial().optional(),
  throttle: throttleSchema.partial().optional(),
});
export type SwitchesPatch = z.input<typeof switchesPatchSchema>;

export function defaultSwitches(): Switches {
  return {
    latency: { ms: 0, jitterMs: 0 },
    faults: [],
    stuckJobs: false,
    stuckJobsAt: 'before-devices',
    successErrorCode: 'null',
    jobAdvance: { pollsPerStep: 1, msPerStep: 0, devicesPerStep: 0 },
    pendingDevicesInStatus: false,
    locationStyle: 'relative',
    statusLink: 'header',
    pascalCaseOutput: false,
    bom: false,
    batchExists: 'conflict',
    batchIdMatching: 'exact',
    statusDeviceIds: 'omit-hash-only',
    maxDevicesPerRequest: 500,
    // App+User calls without an MFA claim are refused since 1 April 2026 (401, error code 900421).
    strictMfa: true,
    strictContractVersion: false,
    tupleOnly500: false,
    batchStatusWithFailures: 'finished_with_errors',
    faultShape: 'classic',
    retryAfter: 'seconds',
    // The one published figure is 500 requests/min per customer; device limits are unpublished.
    throttle: {
      enabled: true,
      partner: { capacity: 1000, refillPerSecond: 1000 / 60 },
      customer: { capacity: 500, refillPerSecond: 500 / 60 },
      routes: {},
    },
    customersPageCap: 500,
    devicesPageSize: 100,
    nonCustomerStatus: 403,
    forbiddenCustomers: [],
    idempotency: 'all',
    idempotencyTtlMs: 24 * 60 * 60 * 1000,
  };
}

/** Validates a patch and returns the merged switches; nested objects merge one level deep. */
export function mergeSwitches(current: Switches, patch: unknown): Switches {
  const p = switchesPatchSchema.parse(patch);
  return switchesSchema.parse({
    ...current,
    ...p,
    latency: { ...current.latency, ...p.latency },
    jobAdvance: { ...current.jobAdvance, ...p.jobAdvance },
    throttle: { ...current.throttle, ...p.throttle },
  });
}
