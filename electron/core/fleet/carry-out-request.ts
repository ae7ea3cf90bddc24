// A request from a lead at another dock, carried out here under this station's own rules, exactly as if
// the lead stood at this desk without a second person's PIN: the batch must be closed, the customer in
// this station's list with a relationship that allows registration, every line identified and confirmed
// by the hub (none another dock's box), and under the two-person rule the requester must have changed
// none of the batch (matched by name: operators are one per fleet). Done or refused, the audit trail
// names the requesting lead and dock. The hub only carried the request; nothing is decided there.
import { countLiveDevices, findBatchByNameKey, updateBatch } from '../../../db/repos/batches';
import { findCustomer } from '../../../db/repos/customers';
import { findByNameKey } from '../../../db/repos/operators';
import type { IncomingRequest } from '../../../db/hub/repos/batch-requests';
import type { StationTx } from '../../../db/types';
import { batchNameKey } from '../../../shared/domain/batch';
import { registrationProblem } from '../../../shared/domain/customers';
import { nameKey } from '../../../shared/domain/names';
import { describeChanges, twoPersonVerdict } from '../../../shared/domain/two-person';
import { batchChangers } from '../approval/batch-changers';
import { appendAudit, type AuditWriter } from '../audit';
import { readSetting } from '../settings';
import { MAX_CHUNK, queueUploadChunks } from '../sync/outbox';
import { devicesWithoutIdentity, missingIdentityMessage } from '../sync/identity-gate';
import { fleetApprovalProblems } from './lookups';

export interface RequestOutcome {
  readonly outcome: 'done' | 'refused';
  readonly reason: string | null;
}

const refused = (reason: string): RequestOutcome => ({ outcome: 'refused', reason });

export function carryOutRequest(tx: StationTx, station: AuditWriter & { name: string }, now: number, request: IncomingRequest): RequestOutcome {
  const requester = findByNameKey(tx, nameKey(request.requestedBy));
  const answer = request.action === 'approve' ? approve(tx, now, request, requester?.id ?? null) : reopen(tx, now, request, requester?.id ?? null);
  const batch = findBatchByNameKey(tx, batchNameKey(request.batchName));
  appendAudit(tx, station, now, {
    action: request.action === 'approve' ? 'approval:approve' : 'batches:reopen',
    result: answer.outcome === 'done' ? 'ok' : 'denied',
    operatorId: requester?.id ?? null,
    operatorName: request.requestedBy,
    objectType: 'batch',
    objectId: batch?.id ?? null,
    detail: {
      name: request.batchName,
      requestedBy: request.requestedBy,
      requestedAtStation: request.fromStationName,
      fleetRequest: request.hubId,
      ...(request.customerTenantId ? { customerTenantId: request.customerTenantId } : {}),
      ...(answer.reason ? { reason: answer.reason } : {}),
    },
  });
  return answer;
}

function approve(tx: StationTx, now: number, request: IncomingRequest, requesterId: number | null): RequestOutcome {
  const batch = findBatchByNameKey(tx, batchNameKey(request.batchName));
  if (!batch) return refused(`This station has no batch ${request.batchName} any more.`);
  if (batch.state !== 'closed') return refused(`Only a closed batch can be approved; batch ${batch.name} is ${batch.state.replace('_', ' ')}.`);
  const tenantId = request.customerTenantId ?? '';
  const customer = findCustomer(tx, tenantId);
  if (!customer) return refused(`Customer ${tenantId} is not in this station's customer list: refresh the customer list at this dock, then ask again.`);
  const relationship = registrationProblem(customer);
  if (relationship) return refused(relationship);
  const devices = countLiveDevices(tx, batch.id);
  if (devices === 0) return refused(`Batch ${batch.name} has no devices to approve.`);
  const enabled = readSetting(tx, 'batches.twoPersonRule') ?? true;
  const changers = batchChangers(tx, batch.id);
  const verdict = twoPersonVerdict({ enabled, batchName: batch.name, approverId: requesterId ?? -1, changers });
  if (!verdict.ok) {
    const what = changers.find((c) => c.operatorId === requesterId)?.what ?? [];
    return refused(`${request.requestedBy} ${describeChanges(what)} lines of batch ${batch.name}: under the two-person rule someone who changed none of it must approve it, at this dock or from another.`);
  }
  const identity = missingIdentityMessage(batch.name, devicesWithoutIdentity(tx, batch.id));
  if (identity) return refused(identity);
  const fleet = fleetApprovalProblems(tx, batch.name, batch.id, now);
  if (fleet.length > 0) return refused(fleet.join(' '));
  updateBatch(tx, batch.id, { state: 'approved', customerTenantId: tenantId, approvedBy: requesterId, approvedAt: now });
  queueUploadChunks(tx, batch.id, readSetting(tx, 'uploads.chunkSize') ?? MAX_CHUNK, now);
  return { outcome: 'done', reason: null };
}

function reopen(tx: StationTx, _now: number, request: IncomingRequest, _requesterId: number | null): RequestOutcome {
  const batch = findBatchByNameKey(tx, batchNameKey(request.batchName));
  if (!batch) return refused(`This station has no batch ${request.batchName} any more.`);
  if (batch.state !== 'closed') return refused(`Only a closed batch can be reopened; batch ${batch.name} is ${batch.state.replace('_', ' ')}.`);
  updateBatch(tx, batch.id, { state: 'open', closedAt: null, closedBy: null });
  return { outcome: 'done', reason: null };
}
