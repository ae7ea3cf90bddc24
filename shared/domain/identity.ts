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

export type DeviceIdentity =
  /** Self-contained: registers without OEM data. Sent with the serial (and PKID) when known. */
  | { kind: 'hash'; hardwareHash: string; serial: string | null; pkid: string | null }
  | { kind: 'pkid'; pkid: string }
  | { kind: 'tuple'; serial: string; manufacturer: string; model: string };

export type IdentityResult = { ok: true; identity: DeviceIdentity } | { ok: false; problem: string };

const present = (value: string | null | undefined): value is string => typeof value === 'string' && value.trim() !== '';

/**
 * The identity a record will be sent with. The hash wins because it does not depend on the OEM having
 * filed the device; then the PKID; then the tuple, which needs all three parts.
 */
export function identityOf(d: IdentityFields): IdentityResult {
  if (present(d.hardwareHash)) return { ok: true, identity: { kind: 'hash', hardwareHash: d.hardwareHash, serial: present(d.serial) ? d.serial : null, pkid: present(d.pkid) ? d.pkid : null } };
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
export function describeIdentity(identity: DeviceIdentity): string {
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

export interface IdentitySummary {
  /** null: the record has no identity Partner Center can use yet. */
  kind: IdentityKind | null;
  /** What will be sent, or what is missing. */
  label: string;
}

export function summariseIdentity(d: IdentityFields): IdentitySummary {
  const r = identityOf(d);
  return r.ok ? { kind: r.identity.kind, label: describeIdentity(r.identity) } : { kind: null, label: r.problem };
}
