// The station's copy of the other docks' identities, pulled from the hub: what an offline dock checks a
// new box against.
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../../types';
import { sha256Hex } from './outbox';
import { fleetIdentities } from './schema';
import { forgetDesk } from './desk';
import type { IdentityKind, IdentityValues } from '../identity';

export interface CopiedIdentity extends IdentityValues {
  readonly hubId: number;
  readonly stationName: string;
  readonly batchName: string;
  readonly operatorName: string;
  readonly scannedAt: number;
}

export function copyIdentities(db: Queryable, rows: readonly CopiedIdentity[]): void {
  for (let i = 0; i < rows.length; i += 500) {
    db.insert(fleetIdentities).values(rows.slice(i, i + 500)).onConflictDoNothing().run();
  }
}

export function forgetCopy(db: Queryable): void {
  db.delete(fleetIdentities).run();
  forgetDesk(db);
}

export interface FirstScanElsewhere {
  readonly kind: IdentityKind;
  readonly stationName: string;
  readonly batchName: string;
  readonly operatorName: string;
  readonly scannedAt: number;
}

/** Another dock's scan of this box as of the last pull, by PKID, hardware hash or tuple, or null. */
export function heldElsewhere(db: Queryable, box: { pkid?: string | null; hardwareHash?: string | null; serial?: string | null; manufacturer?: string | null; model?: string | null }): FirstScanElsewhere | null {
  const columns = { kind: fleetIdentities.kind, stationName: fleetIdentities.stationName, batchName: fleetIdentities.batchName, operatorName: fleetIdentities.operatorName, scannedAt: fleetIdentities.scannedAt };
  if (box.pkid) {
    const hit = db.select(columns).from(fleetIdentities).where(and(eq(fleetIdentities.kind, 'pkid'), eq(fleetIdentities.pkid, box.pkid))).get();
    if (hit) return hit;
  }
  if (box.hardwareHash) {
    const hit = db.select(columns).from(fleetIdentities).where(and(eq(fleetIdentities.kind, 'hash'), eq(fleetIdentities.hardwareHashSha256, sha256Hex(box.hardwareHash)))).get();
    if (hit) return hit;
  }
  if (box.serial && box.manufacturer && box.model) {
    const hit = db
      .select(columns)
      .from(fleetIdentities)
      .where(and(eq(fleetIdentities.kind, 'tuple'), eq(fleetIdentities.serial, box.serial), eq(fleetIdentities.manufacturer, box.manufacturer), eq(fleetIdentities.model, box.model)))
      .get();
    if (hit) return hit;
  }
  return null;
}
