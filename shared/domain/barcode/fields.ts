// Reads that carry several fields: GS1 element strings (AI 21 serial, AI 240 additional product id),
// ANSI MH10.8.2 data identifiers (S serial, 1S Lenovo's serial form, P / 1P part numbers) and the
// ISO/IEC 15434 envelope ("[)>" RS format GS … RS EOT) that 2D labels wrap them in. Pure.
import { matchSerial, type SerialMatch, type SerialPattern } from './serial-patterns';

const RS = '\u001e';
const GS = '\u001d';
const EOT = '\u0004';
const ENVELOPE = new RegExp(`^\\[\\)>${RS}(\\d\\d)${GS}?`);

/** Unwraps an ISO/IEC 15434 envelope into GS-separated fields; other reads come back as they were. */
export function unwrapEnvelope(text: string): { text: string; format: string | undefined } {
  const head = ENVELOPE.exec(text);
  if (head === null) return { text, format: undefined };
  const body = text.slice(head[0].length).replace(new RegExp(`[${RS}${EOT}]+$`), '');
  // Several format blocks are separated by RS: their fields join one list.
  return { text: body.split(RS).map((block) => block.replace(new RegExp(`^\\d\\d${GS}`), '')).join(GS), format: head[1] };
}

export interface FieldsReading {
  readonly pkid: string | undefined;
  readonly serial: SerialMatch | undefined;
  /** Fields that were neither (part numbers, GTINs, dates), for the message. */
  readonly other: readonly string[];
}

const PKID = /^\d{13}$/;

/** Whether the fields are GS1 element strings (AI first) rather than data identifiers. */
function looksGs1(fields: readonly string[]): boolean {
  return fields.some((f) => /^240\d{13}$/.test(f) || /^01\d{14}$/.test(f));
}

function serialOf(value: string, patterns: readonly SerialPattern[]): SerialMatch | undefined {
  return matchSerial(value.toUpperCase(), patterns);
}

/** The PKID and the serial inside a multi-field read. */
export function readFields(fields: readonly string[], gs1: boolean, patterns: readonly SerialPattern[]): FieldsReading {
  let pkid: string | undefined;
  let serial: SerialMatch | undefined;
  const other: string[] = [];
  const asGs1 = gs1 || looksGs1(fields);
  for (const field of fields) {
    if (PKID.test(field)) pkid ??= field;
    else if (asGs1 && /^240/.test(field) && PKID.test(field.slice(3))) pkid ??= field.slice(3);
    else if (asGs1 && /^21/.test(field) && field.length > 2) serial ??= serialOf(field.slice(2), patterns);
    else if (/^1S/.test(field)) serial ??= serialOf(field, patterns) ?? serialOf(field.slice(2), patterns);
    else if (/^S/.test(field) && field.length > 1) serial ??= serialOf(field.slice(1), patterns);
    else if (/^1?P/.test(field) || asGs1) other.push(field);
    else {
      const match = serialOf(field, patterns);
      if (match !== undefined) serial ??= match;
      else other.push(field);
    }
  }
  return { pkid, serial, other };
}
