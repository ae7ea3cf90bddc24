// A device's own audited history, as far as a rule needs it (the audit table is append-only).
import { and, desc, eq, inArray } from 'drizzle-orm';
import { audit } from '../schema';
import type { Queryable } from '../types';

/** The newest of these actions recorded on the device, or undefined. */
export function lastDeviceAction(db: Queryable, deviceId: number, actions: readonly string[]): string | undefined {
  return db
    .select({ action: audit.action })
    .from(audit)
    .where(and(eq(audit.objectType, 'device'), eq(audit.objectId, String(deviceId)), inArray(audit.action, [...actions])))
    .orderBy(desc(audit.id))
    .limit(1)
    .get()?.action;
}
