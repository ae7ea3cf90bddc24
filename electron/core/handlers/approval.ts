// approval:preview / approval:approve. A closed batch, a customer from the cached list, and (by
// default) a second person: whoever changed what the batch sends may not approve it alone (the rule
// is shared/domain/two-person.ts; who changed what is read from recorded facts). Approving sets the batch's customer and state and, in the same transaction, writes the
// batch's upload chunks, so an approved batch is never without its outbox rows.
import { failSaying, ok, type Result } from '../../../shared/contract';
import type { approvalChannels } from '../../../shared/contract/approval';
import { findCustomer } from '../../../db/repos/customers';
import type { Queryable } from '../../../db/types';
import { batchSummary, countLiveDevices, findBatch, updateBatch, type BatchRow } from '../../../db/repos/batches';
import { reconcile } from '../../../db/repos/expected';
import { sameSerialGroups } from '../../../db/repos/review';
import { twoPersonVerdict, type Candidate } from '../../../shared/domain/two-person';
import { TWO_PERSON_KEYS, twoPersonState } from '../approval/two-person-state';
import { checkNamedPin } from '../pin-guard';
import type { Handlers } from '../dispatcher';
import { readSetting } from '../settings';
import { MAX_CHUNK, queueUploadChunks } from '../sync/outbox';
import { devicesWithoutIdentity, missingIdentityMessage } from '../sync/identity-gate';
import { registrationProblem } from '../../../shared/domain/customers';
import { batchFleetState } from '../../../db/hub/local/outbox';
import { fleetApprovalProblems } from '../fleet/lookups';

/** How many of the devices without an identity the preview lists (the count is always whole). */
const NO_IDENTITY_LISTED = 50;

const noCustomer = (tenantId: string) =>
  `Customer ${tenantId} is not in this station's customer list: refresh the customer list (it needs Partner Center), then choose the customer again.`;


function approvable(db: Queryable, batchId: number): Result<BatchRow> {
  const batch = findBatch(db, batchId);
  if (!batch) return failSaying('NOT_FOUND', 'batch.notFound', { id: batchId }, `There is no batch with id ${batchId}.`);
  if (batch.state !== 'closed') {
    const hint = batch.state === 'open' ? ' Close it first.' : '';
    return failSaying('INVALID_STATE', batch.state === 'open' ? 'approval.closeFirst' : 'approval.notClosed', { batch: batch.name, state: batch.state }, `Only a closed batch can be approved; batch ${batch.name} is ${batch.state.replace('_', ' ')}.${hint}`);
  }
  return ok(batch);
}

export const approvalHandlers: Pick<Handlers, keyof typeof approvalChannels> = {
  'approval:preview': ({ batchId, customerTenantId }, ctx) => {
    const session = ctx.session;
    if (!session) return failSaying('NOT_SIGNED_IN', 'session.signInFirst', {}, 'Sign in first.');
    const batch = findBatch(ctx.db, batchId);
    const summary = batch && batchSummary(ctx.db, batchId);
    if (!batch || !summary) return failSaying('NOT_FOUND', 'batch.notFound', { id: batchId }, `There is no batch with id ${batchId}.`);
    const blockers: string[] = [];
    const state = approvable(ctx.db, batchId);
    if (!state.ok) blockers.push(state.error.message);
    const deviceCount = countLiveDevices(ctx.db, batchId);
    if (deviceCount === 0) blockers.push(`Batch ${batch.name} has no devices.`);
    const found = customerTenantId === undefined ? undefined : findCustomer(ctx.db, customerTenantId);
    if (customerTenantId === undefined) blockers.push('Choose the customer.');
    else if (!found) blockers.push(noCustomer(customerTenantId));
    const relationship = found ? registrationProblem(found) : null;
    if (relationship) blockers.push(relationship);
    const twoPerson = twoPersonState(ctx.db, batch, session.operatorId);
    // Listed as a blocker: without a second person's PIN this approval would be refused.
    if (twoPerson.needsSecondPerson) blockers.push(twoPerson.explanation);
    const noIdentity = devicesWithoutIdentity(ctx.db, batchId);
    const identityProblem = missingIdentityMessage(batch.name, noIdentity);
    if (identityProblem) blockers.push(identityProblem);
    blockers.push(...fleetApprovalProblems(ctx.db, batch.name, batchId, ctx.now()));
    const { expected, matched, missing, missingLines, unexpected, unexpectedDevices } = reconcile(ctx.db, batchId, 50);
    return ok({
      batch: summary,
      deviceCount,
      sameSerial: sameSerialGroups(ctx.db, batchId),
      expected: { expected, matched, missing, missingLines, unexpected, unexpectedDevices },
      customer: found ? { tenantId: found.tenantId, companyName: found.companyName, domain: found.domain } : null,
      twoPersonRule: { ...twoPerson, eligible: twoPerson.eligible.map(({ id, name, role }) => ({ id, name, role })) },
      noIdentity: { count: noIdentity.length, devices: noIdentity.slice(0, NO_IDENTITY_LISTED) },
      blockers,
    });
  },

  'approval:approve': async ({ batchId, customerTenantId, secondPerson }, ctx) => {
    const session = ctx.session;
    if (!session) return failSaying('NOT_SIGNED_IN', 'session.signInFirst', {}, 'Sign in first.');
    // The second person's PIN goes through the same lock-out as signing in.
    let confirmer: Candidate | null = null;
    if (secondPerson) {
      const checked = await checkNamedPin(ctx, secondPerson.name, secondPerson.pin, 'approval:confirm', (tx, row) =>
        ctx.audit(tx, { operatorId: row.id, operatorName: row.name, action: 'approval:confirm', objectType: 'batch', objectId: batchId, detail: { batchId, approver: session.name } }),
      );
      if (!checked.ok) return checked;
      confirmer = { id: checked.value.id, name: checked.value.name, role: checked.value.role, active: checked.value.active };
    }
    return ctx.write(['batches', 'uploads', 'devices'], (tx) => {
      const state = approvable(tx, batchId);
      if (!state.ok) return state;
      const batch = state.value;
      const found = findCustomer(tx, customerTenantId);
      if (!found) return failSaying('NOT_FOUND', 'approval.noCustomer', { tenant: customerTenantId }, noCustomer(customerTenantId));
      const relationship = registrationProblem(found);
      if (relationship) return failSaying('INVALID_STATE', 'approval.notReseller', { customer: found.companyName }, relationship, { rule: 'relationship', relationship: found.relationship });
      const devices = countLiveDevices(tx, batchId);
      if (devices === 0) return failSaying('INVALID_STATE', 'approval.noDevices', { batch: batch.name }, `Batch ${batch.name} has no devices to approve.`);
      const twoPerson = twoPersonState(tx, batch, session.operatorId);
      const verdict = twoPersonVerdict({ enabled: twoPerson.enabled, batchName: batch.name, approverId: session.operatorId, changers: twoPerson.changers, confirmer });
      if (!verdict.ok) {
        // Refused approvals are part of the trail (who tried to approve what they changed).
        const changed = twoPerson.changers.find((c) => c.operatorId === session.operatorId)?.what ?? [];
        ctx.audit(tx, { action: 'approval:approve', result: 'denied', objectType: 'batch', objectId: batchId, detail: { batchId, rule: 'two-person', reason: verdict.reason, changed, secondPerson: confirmer?.id ?? null } });
        // For the approver's own changes, the explanation says who may approve instead (or why nobody can).
        const message = verdict.reason === 'approver-changed' ? twoPerson.explanation : verdict.message;
        const key = verdict.reason === 'approver-changed' ? (twoPerson.eligible.length > 0 ? 'approval.twoPerson.others' : 'approval.twoPerson.nobody') : TWO_PERSON_KEYS[verdict.reason];
        return failSaying('INVALID_STATE', key, { batch: batch.name, name: confirmer?.name ?? '', others: twoPerson.eligible.map((e) => e.name).join(', ') }, message, { rule: 'two-person', reason: verdict.reason, yourDevices: twoPerson.yourDevices, eligible: twoPerson.eligible.map((e) => e.name) });
      }
      const noIdentity = devicesWithoutIdentity(tx, batchId);
      const identityProblem = missingIdentityMessage(batch.name, noIdentity);
      if (identityProblem) return failSaying('INVALID_STATE', 'identity.missing', { batch: batch.name, count: noIdentity.length }, identityProblem, { rule: 'identity', devices: noIdentity.length });
      const fleetProblems = fleetApprovalProblems(tx, batch.name, batchId, ctx.now());
      if (fleetProblems.length > 0) {
        const { waiting, heldElsewhere } = batchFleetState(tx, batchId);
        return failSaying('INVALID_STATE', waiting > 0 ? 'approval.fleetWaiting' : 'approval.fleetHeldElsewhere', { batch: batch.name, count: waiting > 0 ? waiting : heldElsewhere }, fleetProblems.join(' '), { rule: 'fleet' });
      }
      const at = ctx.now();
      updateBatch(tx, batchId, { state: 'approved', customerTenantId, approvedBy: session.operatorId, approvedAt: at });
      const chunks = queueUploadChunks(tx, batchId, readSetting(tx, 'uploads.chunkSize') ?? MAX_CHUNK, at);
      const confirmedBy = verdict.confirmedBy === null ? null : (confirmer?.name ?? null);
      ctx.audit(tx, {
        action: 'approval:approve',
        objectType: 'batch',
        objectId: batchId,
        detail: { batchId, name: batch.name, customerTenantId, customerName: found.companyName, devices, chunks, twoPersonRule: twoPerson.enabled, confirmedBy: verdict.confirmedBy, confirmedByName: confirmedBy },
      });
      const summary = batchSummary(tx, batchId);
      return summary ? ok({ batch: summary, approvedBy: session.name, confirmedBy, approvedAt: at, customerName: found.companyName }) : failSaying('INTERNAL', 'station.readBack', {}, 'The batch could not be read back.');
    });
  },
};
