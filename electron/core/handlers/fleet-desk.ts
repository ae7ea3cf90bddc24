// The lead's desk across the fleet (shared/contract/fleet-desk.ts). Reads come from the station's own
// SQLite (its batches, the copy of the other docks'), so the desk works offline as of the last pull; a
// request is written here first and goes to the hub with the next round, which is started at once.
import { failSaying, ok } from '../../../shared/contract';
import type { fleetDeskChannels } from '../../../shared/contract/fleet-desk';
import { listBatches } from '../../../db/repos/batches';
import { currentLink } from '../../../db/hub/local/link';
import { batchFleetState } from '../../../db/hub/local/outbox';
import { addRequest, deskBatches, findFleetBatch, findInCopy, openRequest } from '../../../db/hub/local/desk';
import { classifyRead } from '../../../shared/domain/barcode';
import type { Handlers } from '../dispatcher';
import type { Fleet } from '../fleet/fleet';
import { lineFlags } from '../fleet/lookups';

const FIND_LIMIT = 20;

export function fleetDeskHandlers(fleet: Fleet): Pick<Handlers, keyof typeof fleetDeskChannels> {
  return {
    'fleet:batches': (_input, ctx) => {
      const link = currentLink(ctx.db);
      if (!link) return ok({ member: false, stationName: null, asOf: null, problem: null, otherStations: [], batches: [] });
      const own = listBatches(ctx.db).map((b) => ({ stationName: link.stationName, batchName: b.name, state: b.state, devices: b.deviceCount, createdBy: b.createdBy, createdAt: b.createdAt, own: true, batchId: b.id, heldElsewhere: batchFleetState(ctx.db, b.id).heldElsewhere, request: null }));
      const others = deskBatches(ctx.db).map((b) => ({ stationName: b.stationName, batchName: b.batchName, state: b.state, devices: b.devices, createdBy: b.createdBy, createdAt: b.createdAt, own: false, batchId: null, heldElsewhere: 0, request: b.request }));
      // A failure newer than the last pull is today's news; an older one was mended since.
      const problem = link.lastError !== null && (link.lastPullAt === null || (link.lastErrorAt ?? 0) > link.lastPullAt) ? link.lastError : null;
      return ok({ member: true, stationName: link.stationName, asOf: link.lastPullAt, problem, otherStations: [...new Set(others.map((b) => b.stationName))], batches: [...own, ...others] });
    },

    'fleet:requestBatch': ({ stationName, batchName, action, customerTenantId }, ctx) => {
      const session = ctx.session;
      if (!session) return failSaying('NOT_SIGNED_IN', 'session.signInFirst', {}, 'Sign in first.');
      const link = currentLink(ctx.db);
      if (!link) return failSaying('INVALID_STATE', 'fleet.notMember', {}, 'This station is not in a fleet: join one in Settings > Fleet (or dockside fleet join).');
      const batch = findFleetBatch(ctx.db, stationName, batchName);
      if (!batch) return failSaying('NOT_FOUND', 'fleet.noSuchBatch', { station: stationName, batch: batchName }, `${stationName} had no batch ${batchName} at the last pull: sync, then try again.`);
      if (action === 'approve' && !customerTenantId) return failSaying('INVALID_INPUT', 'fleet.chooseCustomer', {}, 'Choose the customer the batch is approved for.');
      if (batch.state !== 'closed') {
        const verb = action === 'approve' ? 'approved' : 'reopened';
        return failSaying('INVALID_STATE', action === 'approve' ? 'fleet.approveNotClosed' : 'fleet.reopenNotClosed', { station: stationName, batch: batchName }, `Only a closed batch can be ${verb}; batch ${batchName} at ${stationName} is ${batch.state.replace('_', ' ')} (as of the last pull).`);
      }
      const result = ctx.write(['batches'], (tx) => {
        const waiting = openRequest(tx, batch.stationId, batchName);
        if (waiting) return failSaying('CONFLICT', waiting.action === 'approve' ? 'fleet.approveWaiting' : 'fleet.reopenWaiting', { name: waiting.requestedBy, station: stationName, batch: batchName }, `${waiting.requestedBy} already asked ${stationName} to ${waiting.action} batch ${batchName}: wait for its answer.`);
        const request = addRequest(tx, { toStationId: batch.stationId, toStationName: stationName, batchName, action, customerTenantId: action === 'approve' ? (customerTenantId ?? null) : null, requestedBy: session.name, requestedAt: ctx.now() });
        ctx.audit(tx, { action: 'fleet:request', objectType: 'batch', objectId: `${stationName}/${batchName}`, detail: { stationName, batchName, request: action, customerTenantId: customerTenantId ?? null, seq: request.seq } });
        return ok(request);
      });
      // To the hub now rather than at the next tick; offline it waits for the round that reaches it.
      // A round that fails notes why itself (fleet status says it); the timer's next round tries again.
      if (result.ok) void fleet.syncOnce().catch(() => undefined);
      return result;
    },

    'fleet:findBox': ({ query }, ctx) => {
      if (!currentLink(ctx.db)) return ok({ matches: [], truncated: false });
      const read = classifyRead({ raw: query });
      const pkids = [...(/^\d{13}$/.test(query) ? [query] : []), ...(read.kind === 'pkid' || read.kind === 'pkid-unconfirmed' ? [read.value] : [])];
      const serials = [...new Set([query, query.toUpperCase(), ...(read.kind === 'serial' ? [read.value] : [])])];
      const found = findInCopy(ctx.db, pkids, serials, FIND_LIMIT + 1);
      return ok({ matches: found.slice(0, FIND_LIMIT), truncated: found.length > FIND_LIMIT });
    },

    'fleet:lineFlags': ({ deviceIds }, ctx) =>
      ok([...lineFlags(ctx.db, deviceIds).values()].map(({ deviceId, stationName, batchName, operatorName, scannedAt }) => ({ deviceId, stationName, batchName, operatorName, scannedAt }))),
  };
}
