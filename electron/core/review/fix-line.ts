// Correcting a line's serial, make or model before approval, with a reason, in one audited transaction.
import { failSaying, ok, type Result } from '../../../shared/contract';
import type { ReviewDevice } from '../../../shared/contract/review';
import type { Queryable } from '../../../db/types';
import { findDevice, findLiveDuplicate, updateDevice, type DeviceRow } from '../../../db/repos/devices';
import { findRemoteDuplicate } from '../../../db/repos/remote-inventory';
import { reviewDevice } from '../../../db/repos/review';
import { identityOf, type IdentityFields } from '../../../shared/domain/identity';
import type { HandlerContext } from '../context';
import { when } from '../scanning/messages';
import { editableBatch } from './editable-batch';

export interface LineFix {
  deviceId: number;
  serial?: string | null | undefined;
  manufacturer?: string | null | undefined;
  model?: string | null | undefined;
  reason: string;
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
    return failSaying('INVALID_INPUT', after.serial ? 'review.noIdentityNeedsTuple' : 'review.noIdentity', { serial: after.serial ?? '' }, `This change would leave the line with no identity Partner Center can use: ${identity.problem} Give the missing values (all in one change), or leave the line as it is.`);
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

export function fixLine(ctx: HandlerContext, { deviceId, serial, manufacturer, model, reason }: LineFix): Result<ReviewDevice> {
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
}
