// Bytes of an imported file -> text. Excel saves "CSV UTF-8" with a BOM, plain "CSV" in the ANSI code
// page (Windows-1252 in western locales) and "Unicode text" as UTF-16 LE with a BOM; all three reach
// a warehouse desk. Binary files (images, workbooks) are refused with a message naming what they look like.
import { MAX_IMPORT_BYTES } from '../../../shared/contract/import';

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type Decoded = { ok: true; text: string; encoding: TextEncoding } | { ok: false; message: string };

const MB = 1024 * 1024;
const size = (n: number) => (n >= MB ? `${Number((n / MB).toFixed(1))} MB` : `${Math.ceil(n / 1024)} KB`);

// Windows-1252 is Latin-1 except for 0x80-0x9F. Node's TextDecoder('windows-1252') decodes as Latin-1
// (0x80 becomes U+0080, not the euro sign: nodejs/node#56542), so those 32 bytes are mapped here.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return /[\x80-\x9f]/.test(text) ? text.replace(/[\x80-\x9f]/g, (c) => String.fromCharCode(CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c.charCodeAt(0))) : text;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

const MAGIC: readonly [readonly number[], string][] = [
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x50, 0x4b, 0x03, 0x04], 'a zip file or an Excel workbook (.xlsx): in Excel, use File > Save As > CSV'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Excel workbook (.xls): in Excel, use File > Save As > CSV'],
  [[0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66], 'a SQLite database (perhaps a station backup)'],
];

const TEXT_CONTROLS = new Set([0x09, 0x0a, 0x0d, 0x0c]);

/**
 * UTF-16 saved without a BOM (some export tools, PowerShell's Out-File on older systems): text of
 * mostly Latin characters puts a NUL in every other byte, odd bytes for little-endian, even for
 * big-endian. Decided on the first 64 KB: at least 90 % of one side NUL and almost none of the other,
 * and the decoded text free of control characters, so a binary file full of zeros is not taken for text.
 */
function utf16WithoutBom(bytes: Uint8Array): { text: string; encoding: 'utf-16le' | 'utf-16be' } | null {
  const head = bytes.subarray(0, Math.min(bytes.length, 64 * 1024) & ~1);
  if (head.length < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < head.length; i += 2) {
    if (head[i] === 0) evenNul++;
    if (head[i + 1] === 0) oddNul++;
  }
  const pairs = head.length / 2;
  const encoding = oddNul >= pairs * 0.9 && evenNul <= pairs * 0.01 ? 'utf-16le' : evenNul >= pairs * 0.9 && oddNul <= pairs * 0.01 ? 'utf-16be' : null;
  if (encoding === null || bytes.length % 2 !== 0) return null;
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && !TEXT_CONTROLS.has(c)) || c === 0x7f) return null;
  }
  return { text, encoding };
}

/** A NUL byte, or more than 1 % control characters (other than tab, CR, LF, form feed) in the first 64 KB. */
function binaryReason(bytes: Uint8Array): string | null {
  for (const [magic, what] of MAGIC) if (startsWith(bytes, magic)) return `This looks like ${what}, not a CSV or text file.`;
  const head = bytes.subarray(0, 64 * 1024);
  let control = 0;
  for (const b of head) {
    if (b === 0) return 'This is a binary file (it contains NUL bytes), not a CSV or text file.';
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) || b === 0x7f) control++;
  }
  if (control > head.length / 100) return `This is a binary file (${control} control bytes in the first ${head.length} bytes), not a CSV or text file.`;
  return null;
}

export function decodeImportFile(bytes: Uint8Array, maxBytes = MAX_IMPORT_BYTES): Decoded {
  if (bytes.length > maxBytes) {
    return { ok: false, message: `The file is ${size(bytes.length)}; at most ${size(maxBytes)} can be imported at once. Split it into smaller files.` };
  }
  if (bytes.length === 0) return { ok: false, message: 'The file is empty.' };
  // UTF-16 is full of NUL bytes, so its BOM is checked before the binary test.
  if (startsWith(bytes, [0xff, 0xfe])) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (startsWith(bytes, [0xfe, 0xff])) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { ok: true, ...utf16 };
  const binary = binaryReason(bytes);
  if (binary) return { ok: false, message: binary };
  const bom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
  try {
    // fatal: invalid UTF-8 throws instead of turning into U+FFFD, so an ANSI file is noticed. The
    // decoder drops the BOM itself.
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, text, encoding: bom ? 'utf-8-bom' : 'utf-8' };
  } catch {
    return { ok: true, text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}
