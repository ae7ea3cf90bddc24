// How an audit row is sealed. Rows written since the chain was keyed carry `k1:` + HMAC-SHA256 under the
// station's audit key, over the row's id, the previous row's hash and every field, so nobody without
// the key can rewrite, renumber or re-chain them. Rows written before the upgrade keep their plain
// SHA-256 (64 hex digits): the first keyed row's HMAC covers the last of them, so they cannot be changed
// afterwards either, but what was done to them before the upgrade cannot be known.
import { createHash, createHmac } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);
export const KEYED_PREFIX = 'k1:';

export interface HashedFields {
  at: number;
  station: string;
  operatorId: number | null;
  operatorName: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  result: string;
  detail: string;
}

/** The unkeyed hash of rows written before the chain was keyed. */
export function legacyHash(prevHash: string, f: HashedFields): string {
  const canonical = JSON.stringify([prevHash, f.at, f.station, f.operatorId, f.operatorName, f.action, f.objectType, f.objectId, f.result, f.detail]);
  return createHash('sha256').update(canonical).digest('hex');
}

export function keyedHash(key: Buffer, id: number, prevHash: string, f: HashedFields): string {
  const canonical = JSON.stringify(['dockside-audit/k1', id, prevHash, f.at, f.station, f.operatorId, f.operatorName, f.action, f.objectType, f.objectId, f.result, f.detail]);
  return KEYED_PREFIX + createHmac('sha256', key).update(canonical).digest('hex');
}

export function isKeyed(hash: string): boolean {
  return hash.startsWith(KEYED_PREFIX);
}
