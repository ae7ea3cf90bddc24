// approval:preview / approval:approve. A closed batch, a customer from the cached list, and (by
// default) a second person: the approver may not have scanned or imported any of the batch's live
// lines. Approving sets the batch's customer and state and, in the same transaction, writes the
// batch's upload chunks, so an approved batch is never without its outbox rows.
import { eq } from 'drizzle-orm';
import { fail, ok, type Result } from '../../../shared/contract';
import type { approvalChannels } from '../../../shared/contract/approval';
import { customers } from '../../../db/schema';
import type { Queryable } from '../../../db/types';
import { batchSummary, countLiveDevices, findBatch, updateBatch, type BatchRow } from '../../../db/repos/batches';
import { reconcile } from '../../../db/repos/expected';
import { liveDevicesScannedBy, sameSerialGroups } from '../../../db/repos/review';
import type { Handlers } from '../dispatcher';
import { readSetting } from '../settings';
import { MAX_CHUNK, queueUploadChunks } from '../sync/outbox';
import { devicesWithoutIdentity, missingIdentityMessage } from '../sync/identity-gate';

/** How many of the devices without an identity the preview lists (the count is always whole). */
const NO_IDENTITY_LISTED = 50;

function customer(db: Queryable, tenantId: string) {
  return db.select({ tenantId: customers.tenantId, companyName: customers.companyName, domain: customers.domain }).from(customers).where(eq(customers.tenantId, tenantId)).get();
}

const noCustomer = (tenantId: string) =>
  `Customer ${tenantId} is not in this station's customer list: refresh the customer list (it needs Partner Center), then choose the customer again.`;

/** The two-person rule as approval applies it; deregistration (sync/deregister.ts) asks the same. */
export function twoPersonProblem(db: Queryable, batch: BatchRow, operatorId: number): { enabled: boolean; yourDevices: number; problem: string | null } {
  const enabled = readSetting(db, 'batches.twoPersonRule') ?? true;
  const yourDevices = liveDevicesScannedBy(db, batch.id, operatorId);
  const problem =
    enabled && yourDevices > 0
      ? `You scanned or imported ${yourDevices} of batch ${batch.name}'s devices: another lead must approve it (two-person rule).`
      : null;
  return { enabled, yourDevices, problem };
}

function approvable(db: Queryable, batchId: number): Result<BatchRow> {
  const batch = findBatch(db, batchId);
  if (!batch) return fail('NOT_FOUND', `There is no batch with id ${batchId}.`);
  if (batch.state !== 'closed') {
    const hint = batch.state === 'open' ? ' Close it first.' : '';
    return fail('INVALID_STATE', `Only a closed batch can be approved; batch ${batch.name} is ${batch.state.replace('_', ' ')}.${hint}`);
  }
  return ok(batch);
}

export const approvalHandlers: Pick<Handlers, keyof typeof approvalChannels> = {
  'approval:preview': ({ batchId, customerTenantId }, ctx) => {
    const session = ctx.session;
    if (!session) return fail('NOT_SIGNED_IN', 'Sign in first.');
    const batch = findBatch(ctx.db, batchId);
    const summary = batch && batchSummary(ctx.db, batchId);
    if (!batch || !summary) return fail('NOT_FOUND', `There is no batch with id ${batchId}.`);
    const blockers: string[] = [];
    const state = approvable(ctx.db, batchId);
    if (!state.ok) blockers.push(state.error.message);
    const deviceCount = countLiveDevices(ctx.db, batchId);
    if (deviceCount === 0) blockers.push(`Batch ${batch.name} has no devices.`);
    const found = customerTenantId === undefined ? undefined : customer(ctx.db, customerTenantId);
    if (customerTenantId === undefined) blockers.push('Choose the customer.');
    else if (!found) blockers.push(noCustomer(customerTenantId));
    const twoPerson = twoPersonProblem(ctx.db, batch, session.operatorId);
    if (twoPerson.problem) blockers.push(twoPerson.problem);
    const noIdentity = devicesWithoutIdentity(ctx.db, batchId);
    const identityProblem = missingIdentityMessage(batch.name, noIdentity);
    if (identityProblem) blockers.push(identityProblem);
    const { expected, matched, missing, missingLines } = reconcile(ctx.db, batchId, 50);
    return ok({
      batch: summary,
      deviceCount,
      sameSerial: sameSerialGroups(ctx.db, batchId),
      expected: { expected, matched, missing, missingLines },
      customer: found ?? null,
      twoPersonRule: { enabled: twoPerson.enabled, yourDevices: twoPerson.yourDevices },
      noIdentity: { count: noIdentity.length, devices: noIdentity.slice(0, NO_IDENTITY_LISTED) },
      blockers,
    });
  },

  'approval:approve': ({ batchId, customerTenantId }, ctx) => {
    const session = ctx.session;
    if (!session) return fail('NOT_SIGNED_IN', 'Sign in first.');
    return ctx.write(['batches', 'uploads', 'devices'], (tx) => {
      const state = approvable(tx, batchId);
      if (!state.ok) return state;
      const batch = state.value;
      const found = customer(tx, customerTenantId);
      if (!found) return fail('NOT_FOUND', noCustomer(customerTenantId));
      const devices = countLiveDevices(tx, batchId);
      if (devices === 0) return fail('INVALID_STATE', `Batch ${batch.name} has no devices to approve.`);
      const twoPerson = twoPersonProblem(tx, batch, session.operatorId);
      if (twoPerson.problem) {
        // Refused approvals are part of the trail (who tried to approve their own scans).
        ctx.audit(tx, { action: 'approval:approve', result: 'denied', objectType: 'batch', objectId: batchId, detail: { batchId, rule: 'two-person', yourDevices: twoPerson.yourDevices } });
        return fail('INVALID_STATE', twoPerson.problem, { rule: 'two-person', yourDevices: twoPerson.yourDevices });
      }
      const noIdentity = devicesWithoutIdentity(tx, batchId);
      const identityProblem = missingIdentityMessage(batch.name, noIdentity);
      if (identityProblem) return fail('INVALID_STATE', identityProblem, { rule: 'identity', devices: noIdentity.length });
      const at = ctx.now();
      updateBatch(tx, batchId, { state: 'approved', customerTenantId, approvedBy: session.operatorId, approvedAt: at });
      const chunks = queueUploadChunks(tx, batchId, readSetting(tx, 'uploads.chunkSize') ?? MAX_CHUNK, at);
      ctx.audit(tx, {
        action: 'approval:approve',
        objectType: 'batch',
        objectId: batchId,
        detail: { batchId, name: batch.name, customerTenantId, customerName: found.companyName, devices, chunks, twoPersonRule: twoPerson.enabled },
      });
      const summary = batchSummary(tx, batchId);
      return summary ? ok({ batch: summary, approvedBy: session.name, approvedAt: at, customerName: found.companyName }) : fail('INTERNAL', 'The batch could not be read back.');
    });
  },
};
