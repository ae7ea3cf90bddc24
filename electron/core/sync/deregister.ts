// Removing registered devices from Autopilot (a return, the wrong customer, a motherboard swap), with
// the same exactly-once care as uploads. The request rows (with their MS-RequestId) are written before
// any DELETE; a row is marked `sending` before its DELETE and `done` after it, in the same transaction
// as the device's own state and audit. A row found `sending` (a crash between the DELETE and the local
// write) is first checked against the batch's device list: a device no longer listed is recorded as
// removed without deleting again; one still listed is deleted again with the same request id.
// A 404 for the device means it is not there (any more): removed. "Move to another customer" is the
// removal, then the box continues as a fresh, unsent line in a new open batch, approved as usual.
import { findBatch } from '../../../db/repos/batches';
import { deregistrationError, dueDeregistrationRows, updateDeregistration, type DeregistrationRow } from '../../../db/repos/deregistrations';
import { deviceWithBatch, findDevice, insertDevice, updateDevice } from '../../../db/repos/devices';
import type { StationTx } from '../../../db/types';
import type { PartnerCenterError } from '../../partner-center/client';
import { refusalText } from '../../../shared/domain/refusals';
import { explainPartnerRefusal } from '../refusal';
import { identifyRegistered } from './identify-registered';
import { remoteBatchName } from './remote-name';
import { settleBatch } from './settle';
import { auditSync, backoffMs, isTransient, tx, type SyncContext } from './sync-context';

export interface DeregisterOutcome {
  deregistered: number;
  failed: { deviceId: number; message: string }[];
  pending: number;
}

export function dueDeregistrations(ctx: SyncContext, ids?: readonly number[]): DeregistrationRow[] {
  return dueDeregistrationRows(ctx.db, ctx.now(), ids);
}

function finish(ctx: SyncContext, t: StationTx, row: DeregistrationRow, how: 'deleted' | 'not-listed' | 'not-found'): void {
  const at = ctx.now();
  updateDeregistration(t, row.id, { state: 'done', lastError: null, updatedAt: at });
  const device = findDevice(t, row.deviceId);
  if (!device) return;
  if (device.removedAt === null) {
    updateDevice(t, device.id, { removedAt: at, removedBy: row.requestedBy, removedReason: `deregistered from Autopilot: ${row.reason}`, errorCode: 'deregistered', errorText: `Removed from Autopilot (Partner Center) for: ${row.reason}` });
    if (row.moveToBatchId !== null) {
      insertDevice(t, { batchId: row.moveToBatchId, pkid: device.pkid, serial: device.serial, manufacturer: device.manufacturer, model: device.model, hardwareHash: device.hardwareHash, raw: device.raw, source: device.source, scannedBy: device.scannedBy, scannedAt: device.scannedAt });
    }
    settleBatch(t, device.batchId, at);
  }
  auditSync(ctx, t, { action: 'devices:deregistered', objectType: 'device', objectId: device.id, detail: { how, reason: row.reason, pkid: device.pkid, serial: device.serial, remoteDeviceId: row.remoteDeviceId, remoteBatchId: row.remoteBatchId, requestId: row.requestId, movedToBatchId: row.moveToBatchId } });
}

function postpone(ctx: SyncContext, row: DeregistrationRow, error: PartnerCenterError, message: string, final: boolean): void {
  tx(ctx, (t) => {
    updateDeregistration(t, row.id, {
      state: final ? 'failed' : 'sending',
      attempts: row.attempts + 1,
      nextAttemptAt: ctx.now() + Math.max(backoffMs(ctx.options, row.attempts), error.retryAfterMs ?? 0),
      lastError: message,
      updatedAt: ctx.now(),
    });
    if (final) auditSync(ctx, t, { action: 'devices:deregistered', result: 'failed', objectType: 'device', objectId: row.deviceId, detail: { reason: row.reason, error: message, requestId: error.requestId } });
  });
}

/** A device whose Partner Center id is not known yet is looked up in its batch's device list first. */
async function remoteIdOf(ctx: SyncContext, row: DeregistrationRow): Promise<string | null> {
  if (row.remoteDeviceId) return row.remoteDeviceId;
  const device = findDevice(ctx.db, row.deviceId);
  const batch = device && findBatch(ctx.db, device.batchId);
  if (!batch) return null;
  await identifyRegistered(ctx, batch, row.customerTenantId);
  const id = findDevice(ctx.db, row.deviceId)?.remoteDeviceId ?? null;
  if (id) tx(ctx, (t) => updateDeregistration(t, row.id, { remoteDeviceId: id }));
  return id;
}

export async function processDeregistration(ctx: SyncContext, row: DeregistrationRow): Promise<'done' | 'failed' | 'later'> {
  const remoteId = await remoteIdOf(ctx, row);
  if (remoteId === null) {
    tx(ctx, (t) => finish(ctx, t, row, 'not-found'));
    return 'done';
  }
  if (row.state === 'sending') {
    // Left mid-way: did the earlier DELETE land? Ask the device list before deleting again.
    const listed = await ctx.client.deviceBatches.listDevices(row.customerTenantId, row.remoteBatchId);
    if (listed.ok && !listed.value.items.some((d) => d.id.toLowerCase() === remoteId.toLowerCase())) {
      tx(ctx, (t) => finish(ctx, t, row, 'not-listed'));
      return 'done';
    }
  } else {
    tx(ctx, (t) => updateDeregistration(t, row.id, { state: 'sending', updatedAt: ctx.now() }));
  }
  const deleted = await ctx.client.deviceBatches.deleteDevice(row.customerTenantId, row.remoteBatchId, remoteId, { requestId: row.requestId });
  if (deleted.ok || deleted.error.kind === 'not-found') {
    tx(ctx, (t) => finish(ctx, t, { ...row, remoteDeviceId: remoteId }, deleted.ok ? 'deleted' : 'not-found'));
    return 'done';
  }
  const error = deleted.error;
  if (isTransient(error) || error.kind === 'auth') {
    postpone(ctx, row, error, error.message, false);
    return 'later';
  }
  const message = error.kind === 'forbidden' ? refusalText(await explainPartnerRefusal(ctx.db, ctx.client, error, 'delete-device', row.customerTenantId, ctx.now())) : error.message;
  postpone(ctx, row, error, message, true);
  return 'failed';
}

/** Works through the due rows (all, or the given ones); the engine calls it for leftovers too. */
export async function processDeregistrations(ctx: SyncContext, ids?: readonly number[]): Promise<DeregisterOutcome> {
  const out: DeregisterOutcome = { deregistered: 0, failed: [], pending: 0 };
  for (const row of dueDeregistrations(ctx, ids)) {
    const result = await processDeregistration(ctx, row);
    if (result === 'done') out.deregistered++;
    else if (result === 'failed') out.failed.push({ deviceId: row.deviceId, message: deregistrationError(ctx.db, row.id) ?? 'refused' });
    else out.pending++;
  }
  return out;
}

/** Where a registered device lives in Partner Center: its batch (the service's spelling) and customer. */
export function remoteHomeOf(t: StationTx, deviceId: number): { customerTenantId: string; remoteBatchId: string } | null {
  const row = deviceWithBatch(t, deviceId);
  if (!row?.batch.customerTenantId) return null;
  // A device flagged "already registered" lives in another remote batch, named in its note.
  const elsewhere = /\(batch (.+)\); not sent again\.$/.exec(row.device.errorText ?? '')?.[1];
  return { customerTenantId: row.batch.customerTenantId, remoteBatchId: elsewhere ?? remoteBatchName(row.batch) };
}
