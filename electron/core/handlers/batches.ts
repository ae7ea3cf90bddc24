import { fail, ok } from '../../../shared/contract';
import type { batchChannels } from '../../../shared/contract/batches';
import { batchNameKey } from '../../../shared/domain/batch';
import { batchSummary, countLiveDevices, findBatch, findBatchByNameKey, insertBatch, listBatches, updateBatch } from '../../../db/repos/batches';
import type { Handlers } from '../dispatcher';
import { batchStateLabels } from '../../../shared/domain/batch';

export const batchHandlers: Pick<Handlers, keyof typeof batchChannels> = {
  'batches:create': ({ name }, ctx) => {
    const session = ctx.session;
    if (!session) return fail('NOT_SIGNED_IN', 'Sign in first.');
    const key = batchNameKey(name);
    return ctx.write(['batches'], (tx) => {
      const existing = findBatchByNameKey(tx, key);
      if (existing) {
        // Only an open batch can be resumed; a closed or uploaded one is past scanning.
        const next = existing.state === 'open' ? 'Resume it from the list of open batches, or choose another name.' : `It is ${batchStateLabels[existing.state].toLowerCase()}, so it takes no more scans: choose another name.`;
        return fail('CONFLICT', `A batch called "${existing.name}" already exists. ${next}`, { batchId: existing.id });
      }
      const row = insertBatch(tx, { name, nameKey: key, createdBy: session.operatorId, at: ctx.now() });
      ctx.audit(tx, { action: 'batches:create', objectType: 'batch', objectId: row.id, detail: { name } });
      const summary = batchSummary(tx, row.id);
      return summary ? ok(summary) : fail('INTERNAL', 'The new batch could not be read back.');
    });
  },

  'batches:list': ({ states }, ctx) => ok(listBatches(ctx.db, states)),

  'batches:get': ({ id }, ctx) => {
    const summary = batchSummary(ctx.db, id);
    return summary ? ok(summary) : fail('NOT_FOUND', `There is no batch with id ${id}.`);
  },

  'batches:close': ({ id }, ctx) => {
    const session = ctx.session;
    if (!session) return fail('NOT_SIGNED_IN', 'Sign in first.');
    return ctx.write(['batches'], (tx) => {
      const batch = findBatch(tx, id);
      if (!batch) return fail('NOT_FOUND', `There is no batch with id ${id}.`);
      if (batch.state !== 'open') return fail('INVALID_STATE', `Batch ${batch.name} is not open (it is ${batch.state.replace('_', ' ')}).`);
      if (countLiveDevices(tx, id) === 0) return fail('INVALID_STATE', `Batch ${batch.name} has no devices yet: scan some boxes before closing it.`);
      updateBatch(tx, id, { state: 'closed', closedAt: ctx.now(), closedBy: session.operatorId });
      ctx.audit(tx, { action: 'batches:close', objectType: 'batch', objectId: id, detail: { name: batch.name, devices: countLiveDevices(tx, id) } });
      const summary = batchSummary(tx, id);
      return summary ? ok(summary) : fail('INTERNAL', 'The batch could not be read back.');
    });
  },

  'batches:reopen': ({ id }, ctx) =>
    ctx.write(['batches'], (tx) => {
      const batch = findBatch(tx, id);
      if (!batch) return fail('NOT_FOUND', `There is no batch with id ${id}.`);
      if (batch.state !== 'closed') return fail('INVALID_STATE', `Only a closed batch can be reopened; batch ${batch.name} is ${batch.state.replace('_', ' ')}.`);
      updateBatch(tx, id, { state: 'open', closedAt: null, closedBy: null });
      ctx.audit(tx, { action: 'batches:reopen', objectType: 'batch', objectId: id, detail: { name: batch.name, closedAt: batch.closedAt, closedBy: batch.closedBy } });
      const summary = batchSummary(tx, id);
      return summary ? ok(summary) : fail('INTERNAL', 'The batch could not be read back.');
    }),
};
