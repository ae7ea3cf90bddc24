// Two lines of one file describing the same box, under any identity: the same PKID, the same hardware
// hash, or the same serial from the same manufacturer (a serial whose manufacturer is unknown collides
// with that serial from any manufacturer). The rule is shared/domain/identity.ts's; this keeps the
// first line of each key so the refusal names both lines.
import { duplicateKeys, sameSerialOwner } from '../../../shared/domain/identity';
import type { RefusalReason } from '../../../shared/contract/import';
import type { AcceptedRow } from './device-row';

export interface InFileDuplicate {
  reason: RefusalReason;
  message: string;
}

export const serialWithMaker = (serial: string, manufacturer: string | null) => `Serial ${serial}${manufacturer ? ` (${manufacturer})` : ''}`;
export const hashOf = (serial: string | null) => (serial ? `The hardware hash of serial ${serial}` : 'This hardware hash');

export class FileDuplicates {
  /** PKID and hash keys (duplicateKeys), first line of each. */
  private readonly first = new Map<string, number>();
  /** Serials: every manufacturer seen with it, and the line it was first seen on. */
  private readonly serials = new Map<string, { manufacturer: string | null; line: number }[]>();

  /** The earlier line this row repeats, or null; a row that repeats nothing is remembered. */
  check(row: AcceptedRow): InFileDuplicate | null {
    const keys = duplicateKeys({ pkid: row.pkid, serial: null, manufacturer: null, model: null, hardwareHash: row.hash });
    for (const key of keys) {
      const earlier = this.first.get(key);
      if (earlier === undefined) continue;
      const what = key.startsWith('pk:') ? `PKID ${row.pkid}` : hashOf(row.serial);
      return { reason: 'duplicate-in-file', message: `${what} is also on line ${earlier} of this file.` };
    }
    const seen = row.serial ? (this.serials.get(row.serial) ?? []) : [];
    const same = seen.find((s) => sameSerialOwner(s.manufacturer, row.manufacturer));
    if (row.serial && same) return { reason: 'serial-duplicate-in-file', message: `${serialWithMaker(row.serial, row.manufacturer)} is also on line ${same.line} of this file.` };
    for (const key of keys) this.first.set(key, row.line);
    if (row.serial) this.serials.set(row.serial, [...seen, { manufacturer: row.manufacturer, line: row.line }]);
    return null;
  }
}
