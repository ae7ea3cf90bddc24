// One box record, one identity sent to Partner Center. A device is named by its hardware hash, or by
// its PKID, or by the "tuple" (serial + manufacturer + model, which Autopilot matches case-sensitively
// against what the firmware reports). Upload, export, review and scanning all ask this module which
// identity a record has, so the station never shows one thing and sends another.

export type IdentityKind = 'hash' | 'pkid' | 'tuple';

export interface IdentityFields {
  pkid: string | null;
  serial: string | null;
  manufacturer: string | null;
  model: string | null;
  hardwareHash: string | null;
}

/**
 * What the rule needs to know of a hardware hash: that there is one, and (for the label) how long it is.
 * A stored hash was checked by hashProblem and compacted on the way in, so lists, reports and previews
 * read its length in SQL instead of kilobytes per row. A hash string is itself one of these.
 */
export interface HashFacts {
  readonly length: number;
}

/** A record as lists read it: the hash as facts (null: none), never its text. */
export type IdentityFacts = Omit<IdentityFields, 'hardwareHash'> & { hardwareHash: HashFacts | null };

/** An identity whose hash is H: the text when sending, only its facts when showing. */
export type IdentityWith<H extends HashFacts> =
  /** Self-contained: registers without OEM data. Sent with the serial (and PKID) when known. */
  | { kind: 'hash'; hardwareHash: H; serial: string | null; pkid: string | null }
  | { kind: 'pkid'; pkid: string }
  | { kind: 'tuple'; serial: string; manufacturer: string; model: string };

export type DeviceIdentity = IdentityWith<string>;

type ResultWith<H extends HashFacts> = { ok: true; identity: IdentityWith<H> } | { ok: false; problem: string };
export type IdentityResult = ResultWith<string>;

const present = (value: string | null | undefined): value is string => typeof value === 'string' && value.trim() !== '';

/**
 * The identity a record will be sent with. The hash wins because it does not depend on the OEM having
 * filed the device; then the PKID; then the tuple, which needs all three parts.
 */
export function identityOf(d: IdentityFields): IdentityResult {
  return decide(d, present(d.hardwareHash) ? d.hardwareHash : null);
}

/** The same rule for a record read without its hash text (see HashFacts; a hash string counts as its facts). */
export function identityOfFacts(d: IdentityFacts): ResultWith<HashFacts> {
  return decide(d, hashFactsOf(d.hardwareHash));
}

/** A hash as the rule counts it: a blank string is no hash; so is a length of 0. */
export function hashFactsOf(hash: string | HashFacts | null): HashFacts | null {
  if (typeof hash === 'string') return present(hash) ? { length: hash.length } : null;
  return hash !== null && hash.length > 0 ? hash : null;
}

/** A hash as a query reads it: the length SQL gave (octet_length of a stored, compacted hash), null for none. */
export function storedHashFacts(length: number | null): HashFacts | null {
  return length === null ? null : { length };
}

// The one rule, whatever stands for the hash; `hash` is null when the record has none worth sending.
function decide<H extends HashFacts>(d: Omit<IdentityFields, 'hardwareHash'>, hash: H | null): ResultWith<H> {
  if (hash !== null) return { ok: true, identity: { kind: 'hash', hardwareHash: hash, serial: present(d.serial) ? d.serial : null, pkid: present(d.pkid) ? d.pkid : null } };
  if (present(d.pkid)) return { ok: true, identity: { kind: 'pkid', pkid: d.pkid } };
  if (present(d.serial)) {
    const missing = [present(d.manufacturer) ? null : 'manufacturer', present(d.model) ? null : 'model'].filter((m) => m !== null);
    if (missing.length === 0) return { ok: true, identity: { kind: 'tuple', serial: d.serial, manufacturer: d.manufacturer ?? '', model: d.model ?? '' } };
    return { ok: false, problem: `Serial ${d.serial} has no PKID or hardware hash, so it needs its ${missing.join(' and ')} exactly as the firmware reports them.` };
  }
  return { ok: false, problem: 'This record has no PKID, no hardware hash and no serial: Partner Center cannot identify it.' };
}

export const IDENTITY_LABELS: Record<IdentityKind, string> = {
  hash: 'Hardware hash',
  pkid: 'PKID',
  tuple: 'Serial + manufacturer + model',
};

/** One line for people: what will be sent for this device. */
export function describeIdentity(identity: IdentityWith<HashFacts>): string {
  switch (identity.kind) {
    case 'hash':
      return `Hardware hash (${identity.hardwareHash.length.toLocaleString('en-GB')} characters)${identity.serial ? ` + serial ${identity.serial}` : ''}`;
    case 'pkid':
      return `PKID ${identity.pkid}`;
    case 'tuple':
      return `Serial ${identity.serial} · ${identity.manufacturer} · ${identity.model}`;
  }
}

/**
 * Two records are the same box when they share a PKID, a hardware hash, or a serial from the same
 * manufacturer. Manufacturer names are folded for this check only: "Dell Inc." and "DELL INC." with one
 * serial are one box, even though only one spelling will register. A serial whose manufacturer is not
 * known yet collides with that serial from any manufacturer.
 */
export function sameSerialOwner(a: string | null, b: string | null): boolean {
  if (!present(a) || !present(b)) return true;
  return foldManufacturer(a) === foldManufacturer(b);
}

export function foldManufacturer(name: string): string {
  return name.normalize('NFKC').trim().toLowerCase();
}

/** Keys under which a record collides with another; a shared key means a duplicate. */
export function duplicateKeys(d: IdentityFields): string[] {
  const keys: string[] = [];
  if (present(d.pkid)) keys.push(`pk:${d.pkid}`);
  if (present(d.hardwareHash)) keys.push(`hh:${compactHash(d.hardwareHash)}`);
  if (present(d.serial)) keys.push(`sn:${present(d.manufacturer) ? foldManufacturer(d.manufacturer) : '*'}|${d.serial}`);
  return keys;
}

// A full ("4K") hardware hash decodes to a few kilobytes (Get-WindowsAutopilotInfo writes about 4,000 to
// 7,000 base64 characters). The old 128-byte hashes are refused by Autopilot (802), and a fragment is
// what a spreadsheet's cell limit or a bad copy leaves behind.
export const HASH_DECODED_BYTES = { min: 1024, max: 16_384 } as const;

const BASE64_BODY = /^[A-Za-z0-9+/]*={0,2}$/;

/** Copies from e-mails and consoles wrap long hashes; whitespace is never part of one. */
export function compactHash(hash: string): string {
  return hash.replace(/\s+/g, '');
}

/** Why a hardware hash cannot be right, in words for the person importing it; null when plausible. */
export function hashProblem(raw: string): string | null {
  const hash = compactHash(raw);
  if (hash === '') return 'The hardware hash is empty.';
  const bad = hash.match(/[^A-Za-z0-9+/=]/);
  if (bad) return `The hardware hash holds "${bad[0]}", which is not a base64 character: copy the hash again from the file Get-WindowsAutopilotInfo wrote.`;
  if (!BASE64_BODY.test(hash) || hash.length % 4 !== 0) return 'The hardware hash is not complete base64 (its length or padding is wrong): it was probably cut short. Collect it again.';
  const bytes = decodedLength(hash);
  if (bytes < HASH_DECODED_BYTES.min) return `The hardware hash is only ${bytes.toLocaleString('en-GB')} bytes; a full (4K) hash is several kilobytes. Collect it again with Get-WindowsAutopilotInfo on Windows 10 1703 or later.`;
  if (bytes > HASH_DECODED_BYTES.max) return `The hardware hash is ${bytes.toLocaleString('en-GB')} bytes, more than any real hash: two hashes may have run together. Check the line.`;
  return null;
}

function decodedLength(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return (base64.length / 4) * 3 - padding;
}

/** What the label says, as values the screens put in the operator's language (the label is English). */
export type IdentityWords =
  | { kind: 'hash'; hashLength: number; serial: string | null }
  | { kind: 'pkid'; pkid: string }
  | { kind: 'tuple'; serial: string; manufacturer: string; model: string }
  | { kind: 'needsTuple'; serial: string; missing: 'manufacturer' | 'model' | 'both' }
  | { kind: 'none' };

export interface IdentitySummary {
  /** null: the record has no identity Partner Center can use yet. */
  kind: IdentityKind | null;
  /** What will be sent, or what is missing, in English (the CLI and the log). */
  label: string;
  /** Absent from summaries made before words existed (test fakes, a stored preview): the label is said as it is. */
  words?: IdentityWords;
}

function wordsOf(d: IdentityFields | IdentityFacts, r: ResultWith<HashFacts>): IdentityWords {
  if (r.ok) {
    const i = r.identity;
    if (i.kind === 'hash') return { kind: 'hash', hashLength: i.hardwareHash.length, serial: i.serial };
    return i.kind === 'pkid' ? { kind: 'pkid', pkid: i.pkid } : { kind: 'tuple', serial: i.serial, manufacturer: i.manufacturer, model: i.model };
  }
  if (!present(d.serial)) return { kind: 'none' };
  const missing = present(d.manufacturer) ? 'model' : present(d.model) ? 'manufacturer' : 'both';
  return { kind: 'needsTuple', serial: d.serial, missing };
}

/** Kind and label, from the full record or from one read without its hash text: the same answer. */
export function summariseIdentity(d: IdentityFields | IdentityFacts): IdentitySummary {
  const r = identityOfFacts(d);
  const words = wordsOf(d, r);
  return r.ok ? { kind: r.identity.kind, label: describeIdentity(r.identity), words } : { kind: null, label: r.problem, words };
}

/** Only the kind (null: none), as the shift report counts errors per kind. */
export function identityKindOf(d: IdentityFields | IdentityFacts): IdentityKind | null {
  const r = identityOfFacts(d);
  return r.ok ? r.identity.kind : null;
}
