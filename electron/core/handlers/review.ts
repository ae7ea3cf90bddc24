// The shift lead's desk: review a batch's lines, find a box anywhere, and correct lines with a
// reason. Every correction is one audited transaction; lines can change only before approval.
import { fail, failSaying, ok, type Result } from '../../../shared/contract';
import type { reviewChannels } from '../../../shared/contract/review';
import { classifyRead } from '../../../shared/domain/barcode';
import type { Queryable } from '../../../db/types';
import { findBatch, type BatchRow } from '../../../db/repos/batches';
import { findDevice, findLiveByPkid, findLiveDuplicate, updateDevice, type DeviceRow } from '../../../db/repos/devices';
import { findRemoteDuplicate } from '../../../db/repos/remote-inventory';
import { identityOf, type IdentityFields } from '../../../shared/domain/identity';
import { findDevices, listReviewDevices, listReviewRowsAt, reviewDevice, reviewTotals } from '../../../db/repos/review';
import type { Handlers } from '../dispatcher';
import { settleBatch } from '../sync/settle';
import { when } from '../scanning/messages';
import { isUniqueViolation } from '../../../db/sqlite-errors';
import { attachHash } from '../review/attach-hash';

const EDITABLE = new Set<BatchRow['state']>(['open', 'closed']);

/** The batch, if its lines may still change (open or closed: not once approved). */
export function editableBatch(db: Queryable, batchId: number): Result<BatchRow> {
  const batch = findBatch(db, batchId);
  if (!batch) return failSaying('NOT_FOUND', 'batch.notFound', { id: batchId }, `There is no batch with id ${batchId}.`);
  if (!EDITABLE.has(batch.state)) {
    return failSaying('INVALID_STATE', 'review.locked', { batch: batch.name, state: batch.state }, `Batch ${batch.name} is ${batch.state.replace('_', ' ')}: its lines can no longer be changed.`);
  }
  return ok(batch);
}


const serialNamed = (f: IdentityFields) => `Serial ${f.serial ?? ''}${f.manufacturer ? ` (${f.manufacturer})` : ''}`;
// The same box without the English word, for a catalog sentence to place.
const boxNamed = (f: IdentityFields) => `${f.serial ?? ''}${f.manufacturer ? ` (${f.manufacturer})` : ''}`;

/**
 * Why a correction cannot be stored: it would leave the line with nothing Partner Center can identify
 * it by, or make it the same box as another live line or one already in Partner Center, under any
 * identity. Duplicates are looked for only when a field that names the box (serial, manufacturer)
 * changes, so fixing a model is never blocked by an older clash.
 */
function correctionProblem(tx: Queryable, device: DeviceRow, after: IdentityFields): Result<null> {
  const identity = identityOf(after);
  if (!identity.ok) {
    return fail('INVALID_INPUT', `This change would leave the line with no identity Partner Center can use: ${identity.problem} Give the missing values (all in one change), or leave the line as it is.`);
  }
  if (after.serial === device.serial && after.manufacturer === device.manufacturer) return ok(null);
  const local = findLiveDuplicate(tx, after, device.id);
  if (local) {
    const what = local.on === 'pkid' ? `PKID ${after.pkid ?? ''}` : local.on === 'hash' ? 'Its hardware hash' : serialNamed(after);
    const key = local.on === 'pkid' ? 'review.duplicatePkid' : local.on === 'hash' ? 'review.duplicateHash' : 'review.duplicateSerial';
    return failSaying('CONFLICT', key, { pkid: after.pkid ?? '', box: boxNamed(after), batch: local.batchName, by: local.device.scannedBy, at: local.device.scannedAt }, `${what} is already on a live line in batch ${local.batchName} (scanned by ${local.device.scannedBy}, ${when(local.device.scannedAt)}): the same box twice. Remove one of the lines.`, {
      deviceId: local.device.id,
    });
  }
  // The PKID and hash never change here, so only the serial can newly match Partner Center's inventory.
  const remote = after.serial ? findRemoteDuplicate(tx, { pkid: null, serial: after.serial, manufacturer: after.manufacturer }) : undefined;
  if (remote) return failSaying('CONFLICT', 'review.inPartnerCenter', { box: boxNamed(after), remoteBatch: remote.remoteBatchId }, `${serialNamed(after)} is already registered in Partner Center (device batch ${remote.remoteBatchId}): it cannot be registered again.`);
  return ok(null);
}

export const reviewHandlers: Pick<Handlers, keyof typeof reviewChannels> = {
  'review:devices': ({ batchId, after, limit, state, operatorId, source, search }, ctx) => {
    if (!findBatch(ctx.db, batchId)) return failSaying('NOT_FOUND', 'batch.notFound', { id: batchId }, `There is no batch with id ${batchId}.`);
    const filter = { batchId, state, operatorId, source, search: search || undefined };
    const page = listReviewDevices(ctx.db, filter, after ?? 0, limit);
    return ok({ ...page, totals: reviewTotals(ctx.db, filter) });
  },

  'review:rows': ({ batchId, offset, limit, state, operatorId, source, search }, ctx) => {
    if (!findBatch(ctx.db, batchId)) return failSaying('NOT_FOUND', 'batch.notFound', { id: batchId }, `There is no batch with id ${batchId}.`);
    return ok({ rows: listReviewRowsAt(ctx.db, { batchId, state, operatorId, source, search: search || undefined }, offset, limit), offset });
  },

  'review:find': ({ query }, ctx) => {
    // A scanned query may carry an AIM prefix, a caption or a scanner suffix: the classifier finds
    // the value in it, as it does for a scan; the text as typed is searched too.
    const read = classifyRead({ raw: query });
    const pkids = [...(/^\d{13}$/.test(query) ? [query] : []), ...(read.kind === 'pkid' || read.kind === 'pkid-unconfirmed' ? [read.value] : [])];
    const serials = [query, query.toUpperCase(), ...(read.kind === 'serial' ? [read.value] : [])];
    return ok(findDevices(ctx.db, pkids, serials));
  },

  'review:removeDevice': ({ deviceId, reason }, ctx) => {
    const session = ctx.session;
    if (!session) return failSaying('NOT_SIGNED_IN', 'session.signInFirst', {}, 'Sign in first.');
    return ctx.write(['devices', 'batches'], (tx) => {
      const device = findDevice(tx, deviceId);
      if (!device) return failSaying('NOT_FOUND', 'device.notFound', { id: deviceId }, `There is no device with id ${deviceId}.`);
      // After upload, a device Partner Center refused may still be taken out of the batch (it was
      // never registered); the batch is then settled again without it.
      const failedAfterUpload = device.state === 'failed';
      if (!failedAfterUpload) {
        const batch = editableBatch(tx, device.batchId);
        if (!batch.ok) return batch;
      }
      if (device.removedAt !== null) return failSaying('INVALID_STATE', 'review.alreadyRemoved', { at: device.removedAt }, `This line was already removed (${when(device.removedAt)}).`);
      updateDevice(tx, deviceId, { removedAt: ctx.now(), removedBy: session.operatorId, removedReason: reason });
      if (failedAfterUpload) settleBatch(tx, device.batchId, ctx.now());
      ctx.audit(tx, { action: 'review:removeDevice', objectType: 'device', objectId: deviceId, detail: { batchId: device.batchId, pkid: device.pkid, serial: device.serial, reason } });
      const view = reviewDevice(tx, deviceId);
      return view ? ok(view) : failSaying('INTERNAL', 'station.readBack', {}, 'The line could not be read back.');
    });
  },

  'review:restoreDevice': ({ deviceId, reason }, ctx) => {
    const session = ctx.session;
    if (!session) return failSaying('NOT_SIGNED_IN', 'session.signInFirst', {}, 'Sign in first.');
    try {
      return ctx.write(['devices'], (tx) => {
        const device = findDevice(tx, deviceId);
        if (!device) return failSaying('NOT_FOUND', 'device.notFound', { id: deviceId }, `There is no device with id ${deviceId}.`);
        const batch = editableBatch(tx, device.batchId);
        if (!batch.ok) return batch;
        if (device.removedAt === null) return failSaying('INVALID_STATE', 'review.notRemoved', {}, 'This line is not removed.');
        if (device.pkid !== null) {
          const live = findLiveByPkid(tx, device.pkid);
          if (live) {
            const where = live.device.batchId === device.batchId ? 'again in this batch' : `in batch ${live.batchName}`;
            return failSaying(
              'CONFLICT',
              live.device.batchId === device.batchId ? 'review.restoreTakenHere' : 'review.restoreTakenElsewhere',
              { pkid: device.pkid, batch: live.batchName, by: live.device.scannedBy, at: live.device.scannedAt },
              `PKID ${device.pkid} cannot be restored: it is live ${where} now (scanned by ${live.device.scannedBy}, ${when(live.device.scannedAt)}). Remove that line first if this one is the right one.`,
              { deviceId: live.device.id, batchId: live.device.batchId },
            );
          }
        }
        updateDevice(tx, deviceId, { removedAt: null, removedBy: null, removedReason: null });
        ctx.audit(tx, {
          action: 'review:restoreDevice',
          objectType: 'device',
          objectId: deviceId,
          detail: { batchId: device.batchId, pkid: device.pkid, serial: device.serial, reason, removedReason: device.removedReason, removedBy: device.removedBy },
        });
        const view = reviewDevice(tx, deviceId);
        return view ? ok(view) : failSaying('INTERNAL', 'station.readBack', {}, 'The line could not be read back.');
      });
    } catch (err) {
      // Another writer took the PKID between the check and the update: the unique index said no.
      if (isUniqueViolation(err)) return failSaying('CONFLICT', 'review.restoreRace', {}, 'That PKID was just scanned into a batch again: it cannot be restored.');
      throw err;
    }
  },

  'review:fixDevice': ({ deviceId, serial, manufacturer, model, reason }, ctx) => {
    const session = ctx.session;
    if (!session) return failSaying('NOT_SIGNED_IN', 'session.signInFirst', {}, 'Sign in first.');
    const changes = Object.fromEntries(Object.entries({ serial, manufacturer, model }).filter(([, v]) => v !== undefined)) as {
      serial?: string | null;
      manufacturer?: string | null;
      model?: string | null;
    };
    if (Object.keys(changes).length === 0) return failSaying('INVALID_INPUT', 'review.nothingToChange', {}, 'Nothing to change: give a serial, a manufacturer or a model.');
    return ctx.write(['devices'], (tx) => {
      const device = findDevice(tx, deviceId);
      if (!device) return failSaying('NOT_FOUND', 'device.notFound', { id: deviceId }, `There is no device with id ${deviceId}.`);
      const batch = editableBatch(tx, device.batchId);
      if (!batch.ok) return batch;
      if (device.removedAt !== null) return failSaying('INVALID_STATE', 'review.restoreFirst', {}, 'This line is removed: restore it before correcting it.');
      const after = { serial: device.serial, manufacturer: device.manufacturer, model: device.model, ...changes };
      const problem = correctionProblem(tx, device, { ...after, pkid: device.pkid, hardwareHash: device.hardwareHash });
      if (!problem.ok) return problem;
      updateDevice(tx, deviceId, changes);
      const before = { serial: device.serial, manufacturer: device.manufacturer, model: device.model };
      ctx.audit(tx, { action: 'review:fixDevice', objectType: 'device', objectId: deviceId, detail: { batchId: device.batchId, pkid: device.pkid, before, after, reason } });
      const view = reviewDevice(tx, deviceId);
      return view ? ok(view) : failSaying('INTERNAL', 'station.readBack', {}, 'The line could not be read back.');
    });
  },

  'review:attachHash': (input, ctx) => attachHash(ctx, input),
};
