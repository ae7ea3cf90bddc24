// One line of a devices file -> the device it describes, or why it cannot be imported. A line needs an
// identity of its own (hardware hash, PKID, or serial + manufacturer + model), decided by the same
// domain rule upload and export use; a PKID column is no longer required.
import { displayRaw } from '../../../shared/domain/barcode';
import { compactHash, hashProblem, identityOf } from '../../../shared/domain/identity';
import type { RefusalReason } from '../../../shared/contract/import';
import { pkidProblem } from './pkid-cell';
import type { ImportRow } from './read-file';
import type { AcceptedRow } from '../../../db/rows';

export type { AcceptedRow } from '../../../db/rows';

export type RowVerdict = { ok: true; row: AcceptedRow } | { ok: false; reason: RefusalReason; message: string };

const BAD_TEXT = /[,"\p{Cc}]/u;

export function textProblem(label: string, value: string, max = 64): string | null {
  if (value.length > max) return `the ${label} has ${value.length} characters (at most ${max})`;
  if (BAD_TEXT.test(value)) return `the ${label} "${displayRaw(value)}" holds a comma, a quote or a control character, which Partner Center's CSV cannot carry`;
  return null;
}

export function textsProblem(row: Pick<ImportRow, 'serial' | 'manufacturer' | 'model'>): string | null {
  return textProblem('serial', row.serial) ?? textProblem('manufacturer', row.manufacturer) ?? textProblem('model', row.model);
}

export const orNull = (s: string) => (s.length === 0 ? null : s);

const refuse = (reason: RefusalReason, message: string): RowVerdict => ({ ok: false, reason, message });

/** Everything about one line that needs no other line and no database. */
export function checkDeviceRow(row: ImportRow): RowVerdict {
  if (row.ragged) return refuse('ragged', `This line ${row.ragged}`);
  if (row.state.toLowerCase() === 'removed') return refuse('removed-in-file', 'This line is marked removed in the file.');
  let pkid: string | null = null;
  if (row.pkid.length > 0) {
    const checked = pkidProblem(row.pkid);
    if ('problem' in checked) {
      // A Get-WindowsAutopilotInfo file may carry something else in "Windows Product ID"; the hash does not need it.
      const hint = row.hash.length > 0 ? ' Leave the PKID cell empty: the hardware hash identifies the device on its own.' : '';
      return refuse('bad-pkid', `${checked.problem}.${hint}`);
    }
    pkid = checked.pkid;
  }
  const named = pkid ? `PKID ${pkid}: ` : row.serial ? `Serial ${displayRaw(row.serial)}: ` : '';
  const bad = textsProblem(row);
  if (bad) return refuse('bad-value', `${named}${bad}.`);
  let hash: string | null = null;
  if (row.hash.length > 0) {
    const problem = hashProblem(row.hash);
    if (problem) return refuse('bad-hash', `${named}${problem}`);
    hash = compactHash(row.hash);
  }
  const fields = { pkid, serial: orNull(row.serial), manufacturer: orNull(row.manufacturer), model: orNull(row.model), hardwareHash: hash };
  const identity = identityOf(fields);
  if (!identity.ok) {
    const action = fields.serial ? 'Until then this device cannot be registered.' : 'This device cannot be registered: add its PKID, its hardware hash, or its serial, manufacturer and model.';
    return refuse('no-identity', `${identity.problem} ${action}`);
  }
  return { ok: true, row: { line: row.line, pkid, serial: fields.serial, manufacturer: fields.manufacturer, model: fields.model, hash } };
}
