// What scans:record and scans:recordTuple share: the batch a read may go into, and the refusals and
// duplicates they answer with, each audited as denied. One wording for both doors, so a duplicate
// reads the same whether the box was scanned by PKID or by serial + manufacturer + model.
import { displayRaw } from '../../../shared/domain/barcode';
import { failSaying, type Result } from '../../../shared/contract';
import type { ScanVerdict } from '../../../shared/contract/scans';
import { countLiveDevices, findBatch } from '../../../db/repos/batches';
import type { LiveDeviceMatch } from '../../../db/repos/devices';
import type { RemoteMatch } from '../../../db/repos/remote-inventory';
import { findCustomer } from '../../../db/repos/customers';
import type { StationTx } from '../../../db/types';
import type { HandlerContext } from '../context';
import { duplicateMessage } from './messages';
import { describeFirstScan, firstScannedElsewhere, type BoxIdentity } from '../fleet/lookups';

export type ScanAction = 'scans:record' | 'scans:recordTuple';

/** Why reads cannot go into this batch now, or null when it is open for scanning. */
export function closedForScanning(tx: StationTx, batchId: number): Result<never> | null {
  const batch = findBatch(tx, batchId);
  if (!batch) return failSaying('NOT_FOUND', 'batch.notFound', { id: batchId }, `There is no batch with id ${batchId}.`);
  if (batch.state !== 'open') return failSaying('INVALID_STATE', 'scan.batchClosed', { batch: batch.name }, `Batch ${batch.name} is closed for scanning. Resume or start an open batch.`);
  return null;
}

export function invalidVerdict(ctx: HandlerContext, tx: StationTx, action: ScanAction, batchId: number, raw: string, message: string, detail: Record<string, unknown> = {}): ScanVerdict {
  ctx.audit(tx, { action, result: 'denied', objectType: 'batch', objectId: batchId, detail: { ...detail, raw: displayRaw(raw), message } });
  return { verdict: 'invalid', message, raw: displayRaw(raw), count: countLiveDevices(tx, batchId) };
}

interface DuplicateOf {
  action: ScanAction;
  batchId: number;
  /** The value the operator sees named as the duplicate (PKID or serial). */
  value: string;
  /** "PKID 3905…" or "Serial 5CG… (HP)": the start of the message. */
  what: string;
  detail: Record<string, unknown>;
}

export function liveDuplicateVerdict(ctx: HandlerContext, tx: StationTx, dup: DuplicateOf, existing: LiveDeviceMatch): ScanVerdict {
  ctx.audit(tx, { action: dup.action, result: 'denied', objectType: 'device', objectId: existing.device.id, detail: { ...dup.detail, duplicateOf: existing.device.id } });
  const scope = existing.device.state === 'registered' ? 'registered' : existing.device.batchId === dup.batchId ? 'this-batch' : 'other-batch';
  return {
    verdict: 'duplicate',
    message: duplicateMessage(dup.what, existing, dup.batchId),
    value: dup.value,
    where: { scope, batchId: existing.device.batchId, batchName: existing.batchName, scannedBy: existing.device.scannedBy, scannedAt: existing.device.scannedAt },
    count: countLiveDevices(tx, dup.batchId),
  };
}

/** The box is already in a customer's Partner Center inventory (as last refreshed). */
export function remoteDuplicateVerdict(ctx: HandlerContext, tx: StationTx, dup: DuplicateOf, remote: Pick<RemoteMatch, 'customerTenantId' | 'remoteBatchId' | 'refreshedAt'>): ScanVerdict {
  const customer = findCustomer(tx, remote.customerTenantId)?.companyName ?? remote.customerTenantId;
  ctx.audit(tx, { action: dup.action, result: 'denied', objectType: 'batch', objectId: dup.batchId, detail: { ...dup.detail, registeredRemotely: remote } });
  return {
    verdict: 'duplicate',
    message: `${dup.what} is already registered in Partner Center for ${customer} (batch ${remote.remoteBatchId}).`,
    value: dup.value,
    where: { scope: 'registered', batchId: dup.batchId, batchName: remote.remoteBatchId, scannedBy: 'Partner Center', scannedAt: remote.refreshedAt },
    count: countLiveDevices(tx, dup.batchId),
  };
}

/**
 * Another dock of the fleet scanned the box first (as of the station's last pull, so this works offline):
 * the read is refused here, in amber, with where it was first scanned. The hub would flag the line anyway.
 */
export function fleetDuplicateVerdict(ctx: HandlerContext, tx: StationTx, dup: DuplicateOf, box: BoxIdentity): ScanVerdict | null {
  const first = firstScannedElsewhere(tx, box);
  if (!first) return null;
  ctx.audit(tx, { action: dup.action, result: 'denied', objectType: 'batch', objectId: dup.batchId, detail: { ...dup.detail, heldByStation: first.stationName, heldInBatch: first.batchName } });
  return {
    verdict: 'duplicate',
    message: `${dup.what} is another dock's box: ${describeFirstScan(first, ctx.now())}. Put it aside for that dock.`,
    value: dup.value,
    where: { scope: 'other-station', stationName: first.stationName, batchId: dup.batchId, batchName: first.batchName, scannedBy: first.operatorName, scannedAt: first.scannedAt },
    count: countLiveDevices(tx, dup.batchId),
  };
}
