// The two-person rule, in one place: whoever changed what a batch will send (scanned, imported, fixed,
// restored a line, attached an identity, or did so before the lines were moved here) may not approve
// it alone. Another operator allowed to approve, who changed none of it, either approves it or
// confirms with their own PIN. An admin can turn the rule off for the station (audited).
import { roleAllows, type Role } from './roles';

export const changeKinds = ['scanned', 'imported', 'fixed', 'restored', 'changed', 'changed before a move'] as const;
export type ChangeKind = (typeof changeKinds)[number];

export interface BatchChanger {
  operatorId: number;
  name: string;
  what: ChangeKind[];
}

export interface Candidate {
  id: number;
  name: string;
  role: Role;
  active: boolean;
}

/** Active operators allowed to approve who changed nothing in the batch (everyone allowed, with the rule off). */
export function eligibleApprovers(enabled: boolean, candidates: readonly Candidate[], changers: readonly BatchChanger[]): Candidate[] {
  const barred = new Set(changers.map((c) => c.operatorId));
  return candidates.filter((c) => c.active && roleAllows(c.role, 'batches:approve') && (!enabled || !barred.has(c.id)));
}

export function describeChanges(what: readonly ChangeKind[]): string {
  const words = [...what];
  if (words.length <= 1) return words[0] ?? 'changed';
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

export type TwoPersonVerdict =
  | { ok: true; confirmedBy: number | null }
  | { ok: false; reason: 'approver-changed' | 'confirmer-changed' | 'confirmer-is-approver' | 'confirmer-may-not-approve'; message: string };

/**
 * Decides whether `approverId` may approve, alone or with `confirmer` (who has already proven their
 * PIN). With the rule off nobody is barred; a confirmation is then not needed and not recorded.
 */
export function twoPersonVerdict(input: {
  enabled: boolean;
  batchName: string;
  approverId: number;
  changers: readonly BatchChanger[];
  confirmer?: Candidate | null;
}): TwoPersonVerdict {
  const { enabled, batchName, approverId, changers, confirmer } = input;
  if (!enabled) return { ok: true, confirmedBy: null };
  const mine = changers.find((c) => c.operatorId === approverId);
  if (!mine) return { ok: true, confirmedBy: null };
  if (!confirmer) {
    return {
      ok: false,
      reason: 'approver-changed',
      message: `You ${describeChanges(mine.what)} lines of batch ${batchName}: under the two-person rule, someone who changed none of it must approve it, or confirm your approval with their PIN.`,
    };
  }
  if (confirmer.id === approverId) return { ok: false, reason: 'confirmer-is-approver', message: 'The second person must be someone else than the one approving.' };
  if (!confirmer.active || !roleAllows(confirmer.role, 'batches:approve')) {
    return { ok: false, reason: 'confirmer-may-not-approve', message: `${confirmer.name} may not approve batches: the second person must be a shift lead or an admin.` };
  }
  const theirs = changers.find((c) => c.operatorId === confirmer.id);
  if (theirs) {
    return { ok: false, reason: 'confirmer-changed', message: `${confirmer.name} ${describeChanges(theirs.what)} lines of batch ${batchName} too: the second person must have changed none of it.` };
  }
  return { ok: true, confirmedBy: confirmer.id };
}
