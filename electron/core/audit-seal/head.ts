// The audit chain's head (row count, last id and hash, where the keyed part starts), kept OUTSIDE the
// audit table and sealed with the audit key, so removing rows at the end (or all of them) is noticed:
// a chain alone cannot tell a short history from a cut one. The live head is a file beside the
// database; a backup carries its own head inside the copy (settings row `audit.head`).
//
// The head is advanced after each commit that appended audit rows, so it may lag the table by design
// (a crash between the commit and the head write): verify accepts a table that is AHEAD of the head
// only when the head's row is still there with the same hash and the rows after it chain from it.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { closeSync, fdatasyncSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export const HEAD_FILE = 'audit-head.json';
export const HEAD_FORMAT = 'dockside-audit-head/1';
/** The settings key under which a backup copy carries its head. */
export const BACKUP_HEAD_SETTING = 'audit.head';

export interface AuditHead {
  /** Rows in the table up to and including lastId. */
  readonly rows: number;
  /** 0 for an empty table. */
  readonly lastId: number;
  readonly lastHash: string;
  /** Id of the first keyed row; null while every row up to lastId is from before the upgrade. */
  readonly keyedFrom: number | null;
  readonly at: number;
}

export type HeadRead =
  | { readonly state: 'ok'; readonly head: AuditHead; readonly where: string }
  | { readonly state: 'missing'; readonly where: string }
  /** Present but not sealed by this key, or not a head at all: altered, or another station's. */
  | { readonly state: 'altered'; readonly where: string; readonly reason: string }
  /** Present but there is no key to check it with. */
  | { readonly state: 'unchecked'; readonly where: string };

export function headPath(dataDir: string): string {
  return join(dataDir, HEAD_FILE);
}

function mac(key: Buffer, h: AuditHead): string {
  return createHmac('sha256', key).update(JSON.stringify([HEAD_FORMAT, h.rows, h.lastId, h.lastHash, h.keyedFrom, h.at])).digest('hex');
}

export function sealHead(key: Buffer, head: AuditHead): string {
  return `${JSON.stringify({ format: HEAD_FORMAT, ...head, mac: mac(key, head) })}\n`;
}

interface Parsed {
  head: AuditHead;
  mac: string;
}

function parse(text: string): Parsed | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'it is not JSON';
  }
  if (typeof value !== 'object' || value === null) return 'it is not a head record';
  const v = value as Record<string, unknown>;
  const int = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
  if (v.format !== HEAD_FORMAT) return 'it is not a Dockside audit head';
  if (!int(v.rows) || !int(v.lastId) || typeof v.lastHash !== 'string' || !(v.keyedFrom === null || int(v.keyedFrom)) || !int(v.at) || typeof v.mac !== 'string') {
    return 'a field is missing or malformed';
  }
  return { head: { rows: v.rows, lastId: v.lastId, lastHash: v.lastHash, keyedFrom: v.keyedFrom, at: v.at }, mac: v.mac };
}

/** Reads a head from its text (null = there is none). Without a key it is parsed but not trusted. */
export function openHead(text: string | null, key: Buffer | null, where: string): HeadRead {
  if (text === null) return { state: 'missing', where };
  const parsed = parse(text);
  if (typeof parsed === 'string') return { state: 'altered', where, reason: parsed };
  if (key === null) return { state: 'unchecked', where };
  const expected = Buffer.from(mac(key, parsed.head), 'hex');
  const given = Buffer.from(parsed.mac, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { state: 'altered', where, reason: "its seal does not match this station's audit key" };
  return { state: 'ok', head: parsed.head, where };
}

/** The head's fields without checking its seal (to tell a half-finished first start from a keyed station). */
export function peekHead(text: string | null): AuditHead | null {
  if (text === null) return null;
  const parsed = parse(text);
  return typeof parsed === 'string' ? null : parsed.head;
}

export function readHeadText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/**
 * Replaces the head file: temp file, fdatasync, rename. A crash leaves the old head or the new one,
 * never a torn file (a torn head would look like tampering for ever). The folder is not synced: a
 * rename lost in a power cut leaves the older head, which is a lag verify accepts.
 */
export function writeHeadFile(path: string, key: Buffer, head: AuditHead): void {
  const temp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const fd = openSync(temp, 'wx', 0o600);
    try {
      writeSync(fd, sealHead(key, head));
      fdatasyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (err) {
    rmSync(temp, { force: true });
    throw err;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Temp files of head writes cut short by a kill (their process is gone); a live writer's are left alone. */
export function removeAbandonedHeadTemps(path: string): void {
  const prefix = `${basename(path)}.`;
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return;
  }
  for (const name of names) {
    const pid = new RegExp(`^${prefix.replaceAll('.', '\\.')}(\\d+)\\.[0-9a-f]{12}\\.tmp$`).exec(name)?.[1];
    if (pid !== undefined && !alive(Number(pid))) rmSync(join(dirname(path), name), { force: true });
  }
}
