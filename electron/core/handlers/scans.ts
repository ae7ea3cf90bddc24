import { failSaying, ok } from '../../../shared/contract';
import type { scanChannels } from '../../../shared/contract/scans';
import { findBatch } from '../../../db/repos/batches';
import { recentDevices } from '../../../db/repos/devices';
import type { Handlers } from '../dispatcher';
import { recordScan } from '../scanning/record-scan';
import { recordTuple } from '../scanning/record-tuple';
import { tupleChoices } from '../scanning/tuple-choices';
import { undoLastRead } from '../scanning/undo-scan';

export const scanHandlers: Pick<Handlers, keyof typeof scanChannels> = {
  'scans:record': (input, ctx) => recordScan(ctx, input),
  'scans:recordTuple': (input, ctx) => recordTuple(ctx, input),
  // An empty manufacturer is "none chosen yet": the picker then lists every recent pair.
  'scans:tupleChoices': ({ manufacturer }, ctx) => ok(tupleChoices(ctx.db, manufacturer === '' ? undefined : manufacturer)),

  'scans:undo': ({ batchId }, ctx) => undoLastRead(ctx, batchId),

  'scans:recent': ({ batchId, limit }, ctx) => {
    if (!findBatch(ctx.db, batchId)) return failSaying('NOT_FOUND', 'batch.notFound', { id: batchId }, `There is no batch with id ${batchId}.`);
    return ok(recentDevices(ctx.db, batchId, limit));
  },
};
