// Asynchronous jobs behind every 202. A job moves queued -> processing -> finished[_with_errors] in
// "steps" counted from status polls and/or elapsed time (the jobAdvance switch), so tests can drive it
// deterministically by polling and a demo can watch it move with time. Devices are decided when the job
// reaches them, not at upload: that is when ownership changes.
import { assignPolicies, registerDevice } from './device-rules';
import { HttpError } from './faults';
import { objectType } from './handler-kit';
import type { Handler } from './handler-kit';
import type { EmulatorState } from './state';
import type { Job, JobItem } from './types';

export function createJob(state: EmulatorState, customerId: string, items: JobItem[], batchId?: string): Job {
  const job: Job = {
    trackingId: state.newId(), customerId, batchId, createdAt: state.now(), polls: 0, pollsSeen: 0, items, outcomes: [],
  };
  state.jobs.set(job.trackingId, job);
  advanceJob(state, job);
  return job;
}

function stepsReached(state: EmulatorState, job: Job): number {
  const { pollsPerStep, msPerStep } = state.switches.jobAdvance;
  if (pollsPerStep === 0 && msPerStep === 0) return Number.POSITIVE_INFINITY;
  const byPolls = pollsPerStep > 0 ? Math.floor(job.pollsSeen / pollsPerStep) : 0;
  const byTime = msPerStep > 0 ? Math.floor((state.now() - job.createdAt) / msPerStep) : 0;
  return Math.max(byPolls, byTime);
}

export function jobDone(job: Job): boolean {
  return job.completedTime !== undefined;
}

/** Brings a job up to the step its polls and age allow; `force` finishes it whatever the switches say. */
export function advanceJob(state: EmulatorState, job: Job, force = false): void {
  if (jobDone(job)) return;
  let step = force ? Number.POSITIVE_INFINITY : stepsReached(state, job);
  const stuck = state.switches.stuckJobs && !force;
  if (stuck && state.switches.stuckJobsAt === 'before-devices') step = Math.min(step, 1);
  if (step < 1) return;
  job.startedTime ??= state.nowIso();
  const perStep = state.switches.jobAdvance.devicesPerStep;
  const target = step < 2 ? 0 : perStep === 0 ? job.items.length : Math.min(job.items.length, (step - 1) * perStep);
  while (job.outcomes.length < target) {
    const item = job.items[job.outcomes.length];
    if (!item) break;
    job.outcomes.push(item.kind === 'upload'
      ? registerDevice(state, job.customerId, job.batchId ?? '', item)
      : assignPolicies(state, job.customerId, item.deviceId, item.policies));
  }
  if (job.outcomes.length === job.items.length && step >= 2 && !stuck) job.completedTime = state.nowIso();
}

/** Time-driven jobs move without polls, so every request first catches all of them up. */
export function advanceAllJobs(state: EmulatorState, force = false): void {
  for (const job of state.jobs.values()) advanceJob(state, job, force);
}

export function jobStatus(state: EmulatorState, job: Job): string {
  if (!job.startedTime) return 'queued';
  if (!jobDone(job)) return 'processing';
  const anyFailed = job.outcomes.some((o) => !o.ok);
  return anyFailed ? state.switches.batchStatusWithFailures : 'finished';
}

const SUCCESS_CODE = { null: null, empty: '', zero: '0' } as const;

/** Whether a device's status entry carries its id (the `statusDeviceIds` switch; INFERRED default). */
function statusNamesDevice(state: EmulatorState, item: JobItem | undefined): boolean {
  if (item?.kind !== 'upload') return true;
  const mode = state.switches.statusDeviceIds;
  if (mode === 'never') return false;
  const hashOnly = item.device.hardwareHash !== undefined && !item.device.serialNumber && !item.device.productKey;
  return mode === 'always' || !hashOnly;
}

function jobWire(state: EmulatorState, job: Job): Record<string, unknown> {
  const finished = job.outcomes.map((o, i) => ({
    ...(statusNamesDevice(state, job.items[i]) ? { deviceId: o.deviceId } : {}),
    serialNumber: o.serialNumber ?? null,
    productKey: o.productKey ?? null,
    status: o.ok ? 'finished' : 'finished_with_errors',
    errorCode: o.errorCode ?? SUCCESS_CODE[state.switches.successErrorCode],
    errorDescription: o.errorDescription ?? null,
    ...objectType('DeviceUploadDetails'),
  }));
  const pending = state.switches.pendingDevicesInStatus && job.startedTime
    ? job.items.slice(job.outcomes.length).map((item) => ({
      deviceId: item.kind === 'policy' ? item.deviceId : null,
      serialNumber: item.kind === 'upload' ? item.device.serialNumber ?? null : null,
      productKey: item.kind === 'upload' ? item.device.productKey ?? null : null,
      status: 'in-progress',
      errorCode: null,
      errorDescription: null,
      ...objectType('DeviceUploadDetails'),
    }))
    : [];
  return {
    batchTrackingId: job.trackingId,
    status: jobStatus(state, job),
    startedTime: job.startedTime ?? null,
    completedTime: job.completedTime ?? null,
    devicesStatus: [...finished, ...pending],
    ...objectType('BatchUploadDetails'),
  };
}

export const getJobStatus: Handler = (ctx, state) => {
  const job = state.jobs.get((ctx.params.trackingId ?? '').toLowerCase());
  if (!job || job.customerId !== (ctx.params.cid ?? '').toLowerCase()) {
    throw new HttpError(404, `Batch job ${ctx.params.trackingId ?? ''} was not found.`);
  }
  // A poll moves the job only as far as earlier polls allow: the first poll of a new job sees it queued,
  // and nothing else (stats, other requests) can move it further before the next poll.
  job.pollsSeen = job.polls;
  advanceJob(state, job);
  const body = jobWire(state, job);
  job.polls += 1;
  return { status: 200, body };
};
