// Nothing without an identity goes into the outbox: Partner Center would refuse it (803), and a record
// it cannot name could not be matched back to its answer either. Approval asks this module.
import { unsentIdentityFacts } from '../../../db/repos/uploads';
import type { Queryable } from '../../../db/types';
import { identityOfFacts, storedHashFacts } from '../../../shared/domain/identity';

export interface MissingIdentity {
  deviceId: number;
  problem: string;
}

export function devicesWithoutIdentity(db: Queryable, batchId: number): MissingIdentity[] {
  return unsentIdentityFacts(db, batchId).flatMap(({ hardwareHashLength, ...d }) => {
    const r = identityOfFacts({ ...d, hardwareHash: storedHashFacts(hardwareHashLength) });
    return r.ok ? [] : [{ deviceId: d.id, problem: r.problem }];
  });
}

/** One sentence for a lead: how many, what is missing (the first device's problem), what to do. */
export function missingIdentityMessage(batchName: string, missing: readonly MissingIdentity[]): string | null {
  const first = missing[0];
  if (!first) return null;
  const count = missing.length === 1 ? '1 device' : `${missing.length} devices`;
  return `Batch ${batchName} has ${count} that Partner Center cannot identify (no PKID, no hardware hash, and no complete serial + manufacturer + model). First: ${first.problem} Complete or remove ${missing.length === 1 ? 'it' : 'them'} in the batch review, then approve.`;
}
