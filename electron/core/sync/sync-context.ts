// What every engine step needs. Steps are small async functions over one chunk; all database writes
// happen in short synchronous transactions between network calls, never across one.
import type { StationDb } from '../../../db/open';
import type { StationTx } from '../../../db/types';
import type { PartnerCenterClient, PartnerCenterError } from '../../partner-center/client';
import { appendAudit, type AuditEntry } from '../audit';
import type { StationIdentity } from '../context';
import type { JobPace } from './job-pace';

export interface SyncOptions {
  /** First wait before polling an accepted job; each further poll waits longer. */
  firstPollMs: number;
  maxPollMs: number;
  /** Back-off for a chunk whose send or poll failed in a way worth retrying. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** How long to wait after an idle look at the outbox before looking again. */
  idleMs: number;
  /** A job still processing this long after its 202 is reported as slow (it keeps being polled). */
  slowJobMs: number;
  /** Cap of the growing wait between polls of a slow job. */
  slowPollMaxMs: number;
  /** Most upload steps with a request in flight at once (the request window's ceiling; it halves on a 429). */
  maxInFlight: number;
  random: () => number;
}

export const defaultSyncOptions: SyncOptions = {
  firstPollMs: 1_000,
  maxPollMs: 60_000,
  retryBaseMs: 5_000,
  retryMaxMs: 5 * 60_000,
  idleMs: 2_000,
  // CIPP tells its users a job "might still be running, check in 10 minutes"; past that, say so.
  slowJobMs: 10 * 60_000,
  slowPollMaxMs: 5 * 60_000,
  // Small: Partner Center's device limits are unpublished, and its guidance is less parallelism.
  maxInFlight: 4,
  random: Math.random,
};

export interface SyncContext {
  db: StationDb;
  now: () => number;
  client: PartnerCenterClient;
  options: SyncOptions;
  station: StationIdentity;
  /** The engine's learned job time; without it the first poll waits options.firstPollMs. */
  pace?: JobPace;
}

/** A sync context for work a handler does while the lead waits (profiles, removals): default options. */
export function syncContextFor(deps: { db: StationDb; now: () => number; station: StationIdentity }, client: PartnerCenterClient): SyncContext {
  return { db: deps.db, now: deps.now, station: deps.station, client, options: defaultSyncOptions };
}

export type StepResult =
  | { kind: 'progress' }
  | { kind: 'waiting' }
  | { kind: 'slow'; message: string }
  | { kind: 'offline'; error: PartnerCenterError }
  | { kind: 'sign-in-needed'; error: PartnerCenterError }
  | { kind: 'refused'; message: string };

export function tx<T>(ctx: SyncContext, fn: (tx: StationTx) => T): T {
  return ctx.db.transaction(fn, { behavior: 'immediate' });
}

export function auditSync(ctx: SyncContext, t: StationTx, entry: AuditEntry): void {
  appendAudit(t, ctx.station, ctx.now(), { operatorName: 'upload engine', ...entry });
}

/** Full-jitter exponential back-off, capped (AWS architecture blog). */
export function backoffMs(options: SyncOptions, attempt: number): number {
  const cap = Math.min(options.retryMaxMs, options.retryBaseMs * 2 ** Math.min(attempt, 20));
  return Math.max(options.retryBaseMs / 2, Math.floor(options.random() * cap));
}

/** How many polls of one job run at the steady first interval before the waits start to double. */
export const STEADY_POLLS = 5;

/**
 * Waits between polls of one job: steady for the first few (most jobs finish within seconds, and a
 * doubling wait would overshoot them), then doubling to maxPollMs for jobs that run long.
 */
export function pollDelayMs(options: SyncOptions, polls: number): number {
  const doublings = Math.max(0, polls - STEADY_POLLS + 1);
  return Math.min(options.maxPollMs, options.firstPollMs * 2 ** Math.min(doublings, 20));
}

/** Waits between polls of a slow job: doubling from maxPollMs with each poll, capped at slowPollMaxMs. */
export function slowPollDelayMs(options: SyncOptions, slowPolls: number): number {
  const cap = Math.max(options.maxPollMs, options.slowPollMaxMs);
  return Math.min(cap, options.maxPollMs * 2 ** Math.min(Math.max(0, slowPolls), 20));
}

export function isTransient(error: PartnerCenterError): boolean {
  return error.kind === 'network' || error.kind === 'timeout' || error.kind === 'server' || error.kind === 'throttled';
}
