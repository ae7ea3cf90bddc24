// The two-person rule's state for one batch and one lead: who changed what, who may act instead, and
// the explanation the lead reads. Approving a batch and removing its devices from Autopilot are held
// to the same rule (shared/domain/two-person.ts); they differ only in the words (RuleAct).
import type { Queryable } from '../../../db/types';
import type { BatchRow } from '../../../db/repos/batches';
import { liveDevicesScannedBy } from '../../../db/repos/review';
import { listOperators } from '../../../db/repos/operators';
import { describeChanges, eligibleApprovers, twoPersonVerdict, type BatchChanger, type Candidate } from '../../../shared/domain/two-person';
import { readSetting } from '../settings';
import { batchChangers } from './batch-changers';

export interface TwoPersonState {
  enabled: boolean;
  yourDevices: number;
  changers: BatchChanger[];
  eligible: Candidate[];
  needsSecondPerson: boolean;
  explanation: string;
}

const WAY_OUT = 'A station admin can turn the two-person rule off in Settings > Station (or: dockside settings set batches.twoPersonRule off).';

/** The act the rule guards, in the explanation's words: approving a batch, or removing its devices. */
export interface RuleAct {
  /** "may … alone" */
  alone: string;
  /** "you may …" (of one batch) */
  it: string;
  /** "Nobody can …" (batch name given) */
  nobody(batchName: string): string;
  /** "or … with their PIN" */
  confirm: string;
}
export const APPROVE: RuleAct = { alone: 'approve', it: 'approve it', nobody: (b) => `approve batch ${b}`, confirm: 'confirm your approval' };
export const DEREGISTER: RuleAct = { alone: 'remove devices from Autopilot', it: 'remove its devices from Autopilot', nobody: (b) => `remove batch ${b}'s devices from Autopilot`, confirm: 'confirm your removal' };

function explain(enabled: boolean, batchName: string, approverId: number, changers: BatchChanger[], eligible: Candidate[], act: RuleAct): string {
  if (!enabled) return `The two-person rule is off on this station: any shift lead or admin may ${act.alone} alone.`;
  const mine = changers.find((c) => c.operatorId === approverId);
  const others = eligible.filter((e) => e.id !== approverId).map((e) => e.name);
  const who = changers.map((c) => `${c.name} ${describeChanges(c.what)}`).join('; ');
  if (!mine) return `Two-person rule: you changed none of batch ${batchName}, so you may ${act.it}.${who ? ` (${who}.)` : ''}`;
  if (others.length === 0) {
    return `Nobody can ${act.nobody(batchName)} under the two-person rule: everyone allowed to approve changed it (${who}). Add a shift lead who did not, or: ${WAY_OUT}`;
  }
  return `Two-person rule: you ${describeChanges(mine.what)} lines of batch ${batchName}. ${others.join(', ')} may ${act.it}, or ${act.confirm} with their PIN.`;
}

export function twoPersonState(db: Queryable, batch: BatchRow, approverId: number, act: RuleAct = APPROVE): TwoPersonState {
  const enabled = readSetting(db, 'batches.twoPersonRule') ?? true;
  const changers = batchChangers(db, batch.id);
  const eligible = eligibleApprovers(enabled, candidates(db), changers);
  const needsSecondPerson = enabled && changers.some((c) => c.operatorId === approverId);
  return { enabled, yourDevices: liveDevicesScannedBy(db, batch.id, approverId), changers, eligible, needsSecondPerson, explanation: explain(enabled, batch.name, approverId, changers, eligible, act) };
}

/** The same rule for removing a batch's devices from Autopilot (deregistration/): whoever changed the batch may not
 * alone. A confirmer is a second lead or admin whose PIN was checked: it lifts the rule as it does for approval. */
// A refused confirmation, by its reason, as the catalog says it (the approver's own changes have keys of their own).
export const TWO_PERSON_KEYS = {
  'confirmer-is-approver': 'approval.twoPerson.confirmerIsApprover',
  'confirmer-may-not-approve': 'approval.twoPerson.confirmerMayNotApprove',
  'confirmer-changed': 'approval.twoPerson.confirmerChanged',
} as const;
export type TwoPersonRefusal = 'approver-changed' | keyof typeof TWO_PERSON_KEYS;

export function twoPersonProblem(db: Queryable, batch: BatchRow, operatorId: number, confirmer: Candidate | null = null): { enabled: boolean; yourDevices: number; problem: string | null; reason: TwoPersonRefusal | null; confirmedBy: number | null } {
  const state = twoPersonState(db, batch, operatorId, DEREGISTER);
  const mine = state.changers.find((c) => c.operatorId === operatorId);
  const base = { enabled: state.enabled, yourDevices: state.yourDevices };
  if (!state.needsSecondPerson || !mine) return { ...base, problem: null, reason: null, confirmedBy: null };
  if (!confirmer) return { ...base, problem: `You ${describeChanges(mine.what)} lines of batch ${batch.name}: another lead must remove its devices from Autopilot, or confirm your removal with their PIN (two-person rule).`, reason: 'approver-changed', confirmedBy: null };
  const verdict = twoPersonVerdict({ enabled: state.enabled, batchName: batch.name, approverId: operatorId, changers: state.changers, confirmer });
  return verdict.ok ? { ...base, problem: null, reason: null, confirmedBy: verdict.confirmedBy } : { ...base, problem: verdict.message, reason: verdict.reason, confirmedBy: null };
}

function candidates(db: Queryable): Candidate[] {
  return listOperators(db, true).map((o) => ({ id: o.id, name: o.name, role: o.role, active: o.active }));
}
