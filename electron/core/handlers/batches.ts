import { failSaying, ok } from '../../../shared/contract';
import type { batchChannels } from '../../../shared/contract/batches';
import { batchNameKey } from '../../../shared/domain/batch';
import { batchSummary, countLiveDevices, findBatch, findBatchByNameKey, insertBatch, listBatches, updateBatch } from '../../../db/repos/batches';
import type { Handlers } from '../dispatcher';
import { batchStateLabels } from '../../../shared/domain/batch';

export const batchHandlers: Pick<Handlers, keyof typeof batchChannels> = {
  'batches:create': ({ name }, ctx) => {
    const session = ctx.session;
    if (!session) return failSaying('NOT_SIGNED_IN', 'session.signInFirst', {}, 'Sign in first.');
    const key = batchNameKey(name);
    return ctx.write(['batches'], (tx) => {
      const existing = findBatchByNameKey(tx, key);
      if (existing) {
        // Only an open batch can be resumed; a closed or uploaded one is past scanning.
        const next = existing.state === 'open' ? 'Resume it from the list of open batches, or choose another name.' : `It is ${batchStateLabels[existing.state].toLowerCase()}, so it takes no more scans: choose another name.`;
        return failSaying('CONFLICT', existing.state === 'open' ? 'batch.nameTakenOpen' : 'batch.nameTakenClosed', { batch: existing.name, state: existing.state }, `A batch called "${existing.name}" already exists. ${next}`, { batchId: existing.id });
      }
      const row = insertBatch(tx, { name, nameKey: key, createdBy: session.operatorId, at: ctx.now() });
      ctx.audit(tx, { action: 'batches:create', objectType: 'batch', objectId: row.id, detail: { name } });
      const summary = batchSummary(tx, row.id);
      return summary ? ok(summary) : failSaying('INTERNAL', 'station.readBack', {}, 'The new batch could not be read back.');
    });
  },

  'batches:list': ({ states }, ctx) => ok(listBatches(ctx.db, states)),

  'batches:get': ({ id }, ctx) => {
    const summary = batchSummary(ctx.db, id);
    return summary ? ok(summary) : failSaying('NOT_FOUND', 'batch.notFound', { id: id }, `There is no batch with id ${id}.`);
  },

  'batches:close': ({ id }, ctx) => {
    const session = ctx.session;
    if (!session) return failSaying('NOT_SIGNED_IN', 'session.signInFirst', {}, 'Sign in first.');
    return ctx.write(['batches'], (tx) => {
      const batch = findBatch(tx, id);
      if (!batch) return failSaying('NOT_FOUND', 'batch.notFound', { id: id }, `There is no batch with id ${id}.`);
      if (batch.state !== 'open') return failSaying('INVALID_STATE', 'batch.notOpen', { batch: batch.name, state: batch.state }, `Batch ${batch.name} is not open (it is ${batch.state.replace('_', ' ')}).`);
      if (countLiveDevices(tx, id) === 0) return failSaying('INVALID_STATE', 'batch.noDevicesToClose', { batch: batch.name }, `Batch ${batch.name} has no devices yet: scan some boxes before closing it.`);
      updateBatch(tx, id, { state: 'closed', closedAt: ctx.now(), closedBy: session.operatorId });
      ctx.audit(tx, { action: 'batches:close', objectType: 'batch', objectId: id, detail: { name: batch.name, devices: countLiveDevices(tx, id) } });
      const summary = batchSummary(tx, id);
      return summary ? ok(summary) : failSaying('INTERNAL', 'station.readBack', {}, 'The batch could not be read back.');
    });
  },

  'batches:reopen': ({ id }, ctx) =>
    ctx.write(['batches'], (tx) => {
      const batch = findBatch(tx, id);
      if (!batch) return failSaying('NOT_FOUND', 'batch.notFound', { id: id }, `There is no batch with id ${id}.`);
      if (batch.state !== 'closed') return failSaying('INVALID_STATE', 'batch.reopenNotClosed', { batch: batch.name, state: batch.state }, `Only a closed batch can be reopened; batch ${batch.name} is ${batch.state.replace('_', ' ')}.`);
      updateBatch(tx, id, { state: 'open', closedAt: null, closedBy: null });
      ctx.audit(tx, { action: 'batches:reopen', objectType: 'batch', objectId: id, detail: { name: batch.name, closedAt: batch.closedAt, closedBy: batch.closedBy } });
      const summary = batchSummary(tx, id);
      return summary ? ok(summary) : failSaying('INTERNAL', 'station.readBack', {}, 'The batch could not be read back.');
    }),
};
