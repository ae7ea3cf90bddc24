import { fail, ok } from '../../../shared/contract';
import type { scanChannels } from '../../../shared/contract/scans';
import { countLiveDevices, findBatch } from '../../../db/repos/batches';
import { deviceView, lastLiveDeviceOf, recentDevices, updateDevice } from '../../../db/repos/devices';
import type { Handlers } from '../dispatcher';
import { recordScan } from '../scanning/record-scan';
import { recordTuple } from '../scanning/record-tuple';
import { tupleChoices } from '../scanning/tuple-choices';
import { when } from '../scanning/messages';

export const scanHandlers: Pick<Handlers, keyof typeof scanChannels> = {
  'scans:record': (input, ctx) => recordScan(ctx, input),
  'scans:recordTuple': (input, ctx) => recordTuple(ctx, input),
  // An empty manufacturer is "none chosen yet": the picker then lists every recent pair.
  'scans:tupleChoices': ({ manufacturer }, ctx) => ok(tupleChoices(ctx.db, manufacturer === '' ? undefined : manufacturer)),

  'scans:undo': ({ batchId }, ctx) => {
    const session = ctx.session;
    if (!session) return fail('NOT_SIGNED_IN', 'Sign in first.');
    return ctx.write(['devices'], (tx) => {
      const batch = findBatch(tx, batchId);
      if (!batch) return fail('NOT_FOUND', `There is no batch with id ${batchId}.`);
      if (batch.state !== 'open') return fail('INVALID_STATE', `Batch ${batch.name} is closed; a lead can remove lines in review.`);
      const last = lastLiveDeviceOf(tx, batchId, session.operatorId);
      if (!last || last.state !== 'scanned') return ok({ removed: null, message: 'Nothing of yours to undo in this batch.', count: countLiveDevices(tx, batchId) });
      const removed = deviceView(tx, last.id) ?? null;
      updateDevice(tx, last.id, { removedAt: ctx.now(), removedBy: session.operatorId, removedReason: 'undo' });
      ctx.audit(tx, { action: 'scans:undo', objectType: 'device', objectId: last.id, detail: { pkid: last.pkid, serial: last.serial } });
      ctx.boxes.closeBox(session.sessionId, batchId);
      const what = last.pkid ? `PKID ${last.pkid}` : `serial ${last.serial ?? ''}`;
      return ok({ removed, message: `Removed ${what} (scanned ${when(last.scannedAt)}).`, count: countLiveDevices(tx, batchId) });
    });
  },

  'scans:recent': ({ batchId, limit }, ctx) => {
    if (!findBatch(ctx.db, batchId)) return fail('NOT_FOUND', `There is no batch with id ${batchId}.`);
    return ok(recentDevices(ctx.db, batchId, limit));
  },
};
