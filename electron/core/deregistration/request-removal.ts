// A lead removes registered devices from Autopilot (one, a list, or a whole batch) with a reason. The
// two-person rule is approval's own (the lead may not have scanned the batch's devices), so removing
// is held to the same standard as sending. The request rows and their audit are written first, in one
// transaction; then the DELETEs run (sync/deregister.ts), and the engine finishes any left waiting
// (offline, throttled, a crash).
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { failSaying, ok, type ChannelOutput, type Result } from '../../../shared/contract';
import type { deregisterInput } from '../../../shared/contract/deregister';
import { batchNameKey } from '../../../shared/domain/batch';
import { CUSTOMER_ADDED } from '../../../shared/domain/device-errors';
import type { Candidate } from '../../../shared/domain/two-person';
import { findBatch, findBatchByNameKey, insertBatch } from '../../../db/repos/batches';
import { insertDeregistration, openDeregistrationOf } from '../../../db/repos/deregistrations';
import { liveDevicesByIdentifier, liveDevicesByIds, liveDevicesOfBatch } from '../../../db/repos/devices';
import { TWO_PERSON_KEYS, twoPersonProblem } from '../approval/two-person-state';
import type { HandlerContext } from '../context';
import type { PartnerLink } from '../partner/partner-link';
import { checkNamedPin } from '../pin-guard';
import { processDeregistrations, remoteHomeOf } from '../sync/deregister';

export type RemovalRequest = z.output<typeof deregisterInput>;

export async function requestRemoval(ctx: HandlerContext, link: PartnerLink, input: RemovalRequest): Promise<Result<ChannelOutput<'devices:deregister'>>> {
  const session = ctx.session;
  if (!session) return failSaying('NOT_SIGNED_IN', 'session.signInFirst', {}, 'Sign in first.');
  const chosen = input.deviceIds
    ? liveDevicesByIds(ctx.db, input.deviceIds)
    : input.identifier
      ? liveDevicesByIdentifier(ctx.db, input.identifier)
      : liveDevicesOfBatch(ctx.db, input.batchId ?? -1);
  const batchName = input.batchId ? (findBatch(ctx.db, input.batchId)?.name ?? String(input.batchId)) : '';
  const what = input.identifier ? `"${input.identifier}"` : input.batchId ? `batch ${findBatch(ctx.db, input.batchId)?.name ?? input.batchId}` : 'the chosen devices';
  if (chosen.length === 0) return failSaying('NOT_FOUND', input.identifier ? 'deregister.noMatchIdentifier' : input.batchId ? 'deregister.noMatchBatch' : 'deregister.noMatchChosen', { identifier: input.identifier ?? '', batch: batchName }, `No live device matches ${what}.`);
  const targets = chosen.filter((d) => d.state === 'registered' && d.errorCode !== CUSTOMER_ADDED.code);
  const notRegistered = chosen.length - targets.length;
  if (targets.length === 0) {
    return failSaying('INVALID_STATE', input.identifier ? 'deregister.nothingRegisteredIdentifier' : input.batchId ? 'deregister.nothingRegisteredBatch' : 'deregister.nothingRegisteredChosen', { identifier: input.identifier ?? '', batch: batchName, count: notRegistered }, `None of ${what} is registered by this partner in Partner Center, so there is nothing to remove (${notRegistered} not registered, or added by the customer itself: the customer removes those in Intune).`);
  }
  // The second person's PIN goes through the same lock-out as signing in, before anything is written.
  let confirmer: Candidate | null = null;
  if (input.secondPerson) {
    const checked = await checkNamedPin(ctx, input.secondPerson.name, input.secondPerson.pin, 'approval:confirm', (tx, row) =>
      ctx.audit(tx, { operatorId: row.id, operatorName: row.name, action: 'devices:deregisterConfirm', objectType: input.batchId ? 'batch' : 'device', objectId: input.batchId ?? targets[0]?.id ?? null, detail: { remover: session.name, reason: input.reason } }),
    );
    if (!checked.ok) return checked;
    confirmer = { id: checked.value.id, name: checked.value.name, role: checked.value.role, active: checked.value.active };
  }
  const requested = await Promise.resolve(ctx.write(['deregistrations', 'batches', 'devices'], (t) => {
    for (const batchId of new Set(targets.map((d) => d.batchId))) {
      const batch = findBatch(t, batchId);
      const rule = batch ? twoPersonProblem(t, batch, session.operatorId, confirmer) : null;
      if (rule?.problem) {
        ctx.audit(t, { action: 'devices:deregister', result: 'denied', objectType: 'batch', objectId: batchId, detail: { rule: 'two-person', yourDevices: rule.yourDevices, secondPerson: confirmer?.id ?? null } });
        return rule.reason === null || rule.reason === 'approver-changed'
          ? failSaying('INVALID_STATE', 'deregister.twoPerson', { batch: batch?.name ?? '' }, rule.problem, { rule: 'two-person' })
          : failSaying('INVALID_STATE', TWO_PERSON_KEYS[rule.reason], { batch: batch?.name ?? '', name: confirmer?.name ?? '', others: '' }, rule.problem, { rule: 'two-person' });
      }
    }
    let moveTo: number | null = null;
    if (input.moveToBatchName) {
      if (findBatchByNameKey(t, batchNameKey(input.moveToBatchName))) return failSaying('CONFLICT', 'deregister.moveNameTaken', { batch: input.moveToBatchName }, `A batch called "${input.moveToBatchName}" already exists: choose a new name for the moved boxes.`);
      moveTo = insertBatch(t, { name: input.moveToBatchName, nameKey: batchNameKey(input.moveToBatchName), createdBy: session.operatorId, at: ctx.now() }).id;
    }
    const at = ctx.now();
    const ids: number[] = [];
    for (const d of targets) {
      const home = remoteHomeOf(t, d.id);
      if (!home) continue;
      const open = openDeregistrationOf(t, d.id);
      if (open) {
        ids.push(open.id);
        continue;
      }
      ids.push(insertDeregistration(t, {
        deviceId: d.id, customerTenantId: home.customerTenantId, remoteBatchId: home.remoteBatchId, remoteDeviceId: d.remoteDeviceId, reason: input.reason,
        moveToBatchId: moveTo, requestedBy: session.operatorId, requestId: randomUUID(), createdAt: at, updatedAt: at, nextAttemptAt: at,
      }));
    }
    ctx.audit(t, { action: 'devices:deregisterRequested', objectType: input.batchId ? 'batch' : 'device', objectId: input.batchId ?? targets[0]?.id ?? null, detail: { devices: ids.length, notRegistered, reason: input.reason, moveToBatch: input.moveToBatchName ?? null, secondPerson: confirmer?.id ?? null } });
    return ok({ ids, moveTo });
  }));
  if (!requested.ok) return requested;
  const done = await processDeregistrations(link.work, requested.value.ids);
  ctx.events.emit('db:changed', { tables: ['deregistrations', 'devices', 'batches', 'audit'] });
  return ok({ requested: requested.value.ids.length, ...done, movedToBatchId: requested.value.moveTo });
}
