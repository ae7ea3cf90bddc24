import { splitAimPrefix, type AimIdentifier } from './aim';
import { displayRaw } from './display';
import { unwrapEnvelope } from './fields';

/** Longer than any PKID, serial or GTIN by far; a longer read is a wrong code or several reads run together. */
export const MAX_READ_LENGTH = 128;

export type NormalisedRead =
  | {
      readonly ok: true;
      readonly raw: string;
      /** The payload: AIM prefix, GS separators at either end, suffix keys and surrounding spaces removed. */
      readonly value: string;
      readonly aim: AimIdentifier | undefined;
      /** More than one when GS separated several fields inside the payload (GS1 element strings). */
      readonly fields: readonly string[];
    }
  | { readonly ok: false; readonly raw: string; readonly reason: string };

// Scanners spell the GS1 group separator (FNC1 after the first position) three ways.
const GS_FORMS = /<GS>|\{GS\}/gi;
const GS = '\u001d';
// Only what a wedge's suffix key or a label's padding puts around a payload; every other invisible
// character is refused below, so "clean" never means "silently altered".
const EDGE_SPACE = /^[ \t\r\n]+|[ \t\r\n]+$/g;
const CONTROL = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;

function trimGs(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === GS) start++;
  while (end > start && text[end - 1] === GS) end--;
  return text.slice(start, end);
}

function refuse(raw: string, reason: string): NormalisedRead {
  return { ok: false, raw, reason };
}

/** Cleans one raw read, or says in plain words why it cannot be used. Never throws. */
export function normaliseRead(raw: string): NormalisedRead {
  if (typeof raw !== 'string') return refuse(String(raw), 'nothing usable was read (not text)');
  if (raw.length > MAX_READ_LENGTH) {
    return refuse(
      raw,
      `a read of ${displayRaw(raw, 24)} is far longer than any PKID or serial (at most ${MAX_READ_LENGTH} characters): ` +
        'probably several barcodes read as one, or a wrong code',
    );
  }
  let text = raw.replace(EDGE_SPACE, '');
  const { aim, rest } = splitAimPrefix(text);
  // A 2D label's ISO/IEC 15434 envelope ("[)>" RS 06 GS … RS EOT): its fields, GS-separated.
  text = trimGs(trimGs(unwrapEnvelope(rest.replace(GS_FORMS, GS)).text).replace(EDGE_SPACE, ''));
  if (text === '') {
    return refuse(raw, raw.trim() === '' ? 'nothing was read (empty scan)' : `only separators were read (${displayRaw(raw)})`);
  }
  const fields = text.split(GS);
  const withoutGs = fields.join('');
  const control = CONTROL.exec(withoutGs);
  if (control !== null) {
    return refuse(
      raw,
      `the read (${displayRaw(raw)}) holds the control character ${displayRaw(control[0])}: ` +
        'scanner set-up or a damaged read; scan again',
    );
  }
  return { ok: true, raw, value: text, aim, fields };
}
