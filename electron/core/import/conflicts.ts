// Lines of a file whose box the station already knows: live on a device here (this batch, another
// batch, registered) or in a customer's Partner Center inventory, under any identity. Looked up for
// the whole file at once; the commit runs this again inside its write transaction, so nothing that
// changed since the preview slips in.
import { sameSerialOwner } from '../../../shared/domain/identity';
import type { RefusalReason } from '../../../shared/contract/import';
import { when } from '../scanning/messages';
import type { AcceptedRow, Holder, RemoteHolder } from '../../../db/rows';
import { hashOf, serialWithMaker } from './file-duplicates';
import { RefusalLog } from './refusal-log';

export type { Holder, RemoteHolder } from '../../../db/rows';

export interface DeviceLookups {
  livePkids(pkids: readonly string[]): Holder[];
  liveSerials(serials: readonly string[]): Holder[];
  liveHashes(hashes: readonly string[]): Holder[];
  remotePkids(pkids: readonly string[]): RemoteHolder[];
  remoteSerials(serials: readonly string[]): RemoteHolder[];
}

export function holderMessage(what: string, h: Holder, batchId: number): { reason: RefusalReason; message: string } {
  const by = `scanned by ${h.scannedBy}, ${when(h.scannedAt)}`;
  if (h.state === 'registered') return { reason: 'registered', message: `${what} is already registered (batch ${h.batchName}).` };
  if (h.batchId === batchId) return { reason: 'this-batch', message: `${what} is already in this batch (${by}).` };
  return { reason: 'other-batch', message: `${what} is already in batch ${h.batchName} (${by}).` };
}

function remoteMessage(what: string, r: RemoteHolder): string {
  const customer = r.companyName ?? `tenant ${r.customerTenantId}`;
  return `${what} is already registered in Partner Center for ${customer} (device batch ${r.remoteBatchId}): it cannot be registered again. Leave it out, or remove it there first.`;
}

function grouped<T extends { value: string }>(list: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of list) map.set(item.value, [...(map.get(item.value) ?? []), item]);
  return map;
}

function values(rows: readonly AcceptedRow[], pick: (r: AcceptedRow) => string | null): string[] {
  const set = new Set<string>();
  for (const r of rows) {
    const v = pick(r);
    if (v !== null) set.add(v);
  }
  return [...set];
}

/** A file's hash for a box already on a live line of this batch: attached to that line, as review:attachHash does. */
export interface HashAttachment {
  line: number;
  deviceId: number;
  hash: string;
  pkid: string | null;
  serial: string | null;
}

export function resolveConflicts(
  candidates: readonly AcceptedRow[],
  lookups: DeviceLookups,
  batchId: number,
): { accepted: AcceptedRow[]; attachments: HashAttachment[]; conflicts: RefusalLog } {
  const pkids = values(candidates, (c) => c.pkid);
  const serials = values(candidates, (c) => c.serial);
  const livePkid = grouped(lookups.livePkids(pkids));
  const liveHash = grouped(lookups.liveHashes(values(candidates, (c) => c.hash)));
  const liveSerial = grouped(lookups.liveSerials(serials));
  const remotePkid = grouped(lookups.remotePkids(pkids));
  const remoteSerial = grouped(lookups.remoteSerials(serials));
  const accepted: AcceptedRow[] = [];
  const attachments: HashAttachment[] = [];
  const conflicts = new RefusalLog();
  const here = (h: Holder | undefined) => (h && h.batchId === batchId && h.state !== 'registered' ? h : undefined);
  for (const c of candidates) {
    const serialOwner = <T extends { manufacturer: string | null }>(list: T[] | undefined) => list?.find((h) => sameSerialOwner(h.manufacturer, c.manufacturer));
    const byPkid = c.pkid ? livePkid.get(c.pkid)?.[0] : undefined;
    const byHash = c.hash ? liveHash.get(c.hash)?.[0] : undefined;
    const bySerial = c.serial ? serialOwner(liveSerial.get(c.serial)) : undefined;
    const remoteByPkid = c.pkid ? remotePkid.get(c.pkid)?.[0] : undefined;
    const remoteBySerial = c.serial ? serialOwner(remoteSerial.get(c.serial)) : undefined;
    // The line names one box of this batch (by PKID, else by serial) and brings a hash no live line has.
    const target = c.hash && !byHash && (!byPkid || !bySerial || byPkid.deviceId === bySerial.deviceId) ? (byPkid ? here(byPkid) : here(bySerial)) : undefined;
    if (target && c.hash) {
      attachments.push({ line: c.line, deviceId: target.deviceId, hash: c.hash, pkid: c.pkid, serial: c.serial });
    } else if (byPkid) {
      const { reason, message } = holderMessage(`PKID ${c.pkid}`, byPkid, batchId);
      conflicts.add(c.line, reason, message);
    } else if (byHash) {
      const { reason, message } = holderMessage(hashOf(c.serial), byHash, batchId);
      conflicts.add(c.line, reason, message);
    } else if (bySerial && c.serial) {
      conflicts.add(c.line, 'serial-elsewhere', holderMessage(serialWithMaker(c.serial, c.manufacturer), bySerial, batchId).message);
    } else if (remoteByPkid) {
      conflicts.add(c.line, 'remote-inventory', remoteMessage(`PKID ${c.pkid}`, remoteByPkid));
    } else if (remoteBySerial && c.serial) {
      conflicts.add(c.line, 'remote-inventory', remoteMessage(serialWithMaker(c.serial, c.manufacturer), remoteBySerial));
    } else {
      accepted.push(c);
    }
  }
  return { accepted, attachments, conflicts };
}
