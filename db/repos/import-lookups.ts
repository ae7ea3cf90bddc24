// Set-based duplicate lookups an import needs beyond PKIDs and serials (db/repos/review.ts): live devices
// holding a hardware hash, and the Partner Center inventory (every customer, as last refreshed) holding
// a PKID or a serial. One query per list (json_each), never one per line of the file.
import { sql } from 'drizzle-orm';
import type { Queryable } from '../types';
import type { Holder, RemoteHolder } from '../rows';

/** Live devices holding any of these (compacted) hashes; imports store hashes compacted. */
export function liveHashHolders(db: Queryable, hashes: readonly string[]): Holder[] {
  if (hashes.length === 0) return [];
  return db.all<Holder>(sql`SELECT j.value AS value, d.id AS deviceId, d.batch_id AS batchId, b.name AS batchName, d.state AS state,
      d.manufacturer AS manufacturer, o.name AS scannedBy, d.scanned_at AS scannedAt
    FROM json_each(${JSON.stringify(hashes)}) j
    JOIN devices d ON d.hardware_hash = j.value AND d.hardware_hash IS NOT NULL AND d.removed_at IS NULL
    JOIN batches b ON b.id = d.batch_id JOIN operators o ON o.id = d.scanned_by`);
}

const remoteColumns = sql.raw(
  'j.value AS value, r.customer_tenant_id AS customerTenantId, c.company_name AS companyName, r.remote_batch_id AS remoteBatchId, r.manufacturer AS manufacturer',
);

export function remotePkidHolders(db: Queryable, pkids: readonly string[]): RemoteHolder[] {
  if (pkids.length === 0) return [];
  return db.all<RemoteHolder>(sql`SELECT ${remoteColumns} FROM json_each(${JSON.stringify(pkids)}) j
    JOIN remote_devices r ON r.pkid = j.value LEFT JOIN customers c ON c.tenant_id = r.customer_tenant_id`);
}

export function remoteSerialHolders(db: Queryable, serials: readonly string[]): RemoteHolder[] {
  if (serials.length === 0) return [];
  return db.all<RemoteHolder>(sql`SELECT ${remoteColumns} FROM json_each(${JSON.stringify(serials)}) j
    JOIN remote_devices r ON r.serial = j.value LEFT JOIN customers c ON c.tenant_id = r.customer_tenant_id`);
}
