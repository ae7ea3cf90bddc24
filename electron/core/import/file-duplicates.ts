// Two lines of one file describing the same box, under any identity: the same PKID, the same hardware
// hash, or the same serial from the same manufacturer (a serial whose manufacturer is unknown collides
// with that serial from any manufacturer). The rule is shared/domain/identity.ts's; this keeps the
// first line of each key so the refusal names both lines.
import { sameSerialOwner } from '../../../shared/domain/identity';
import type { RefusalReason } from '../../../shared/contract/import';
import type { AcceptedRow } from './device-row';

export interface InFileDuplicate {
  reason: RefusalReason;
  message: string;
}

export const serialWithMaker = (serial: string, manufacturer: string | null) => `Serial ${serial}${manufacturer ? ` (${manufacturer})` : ''}`;
export const hashOf = (serial: string | null) => (serial ? `The hardware hash of serial ${serial}` : 'This hardware hash');

interface SerialSeen {
  manufacturer: string | null;
  line: number;
}

export class FileDuplicates {
  // One map per identity, keyed by the value itself: the keys duplicateKeys would build ("pk:…",
  // "hh:…") are fresh strings V8 must hash anew, and on 100,000 lines those lookups were the
  // biggest part of planning an import. An accepted row's PKID and hash are already checked and
  // compacted, so the value is the key.
  private readonly pkids = new Map<string, number>();
  private readonly hashes = new Map<string, number>();
  /** Serials: the manufacturer(s) seen with it, and the line each was first seen on. */
  private readonly serials = new Map<string, SerialSeen | SerialSeen[]>();

  /** The earlier line this row repeats, or null; a row that repeats nothing is remembered. */
  check(row: AcceptedRow): InFileDuplicate | null {
    const byPkid = row.pkid === null ? undefined : this.pkids.get(row.pkid);
    if (byPkid !== undefined) return { reason: 'duplicate-in-file', message: `PKID ${row.pkid} is also on line ${byPkid} of this file.` };
    const byHash = row.hash === null ? undefined : this.hashes.get(row.hash);
    if (byHash !== undefined) return { reason: 'duplicate-in-file', message: `${hashOf(row.serial)} is also on line ${byHash} of this file.` };
    const seen = row.serial === null ? undefined : this.serials.get(row.serial);
    const same = seen === undefined ? undefined : Array.isArray(seen) ? seen.find((s) => sameSerialOwner(s.manufacturer, row.manufacturer)) : sameSerialOwner(seen.manufacturer, row.manufacturer) ? seen : undefined;
    if (row.serial !== null && same) return { reason: 'serial-duplicate-in-file', message: `${serialWithMaker(row.serial, row.manufacturer)} is also on line ${same.line} of this file.` };
    if (row.pkid !== null) this.pkids.set(row.pkid, row.line);
    if (row.hash !== null) this.hashes.set(row.hash, row.line);
    if (row.serial !== null) {
      const entry = { manufacturer: row.manufacturer, line: row.line };
      this.serials.set(row.serial, seen === undefined ? entry : [...(Array.isArray(seen) ? seen : [seen]), entry]);
    }
    return null;
  }
}
