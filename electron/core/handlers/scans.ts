import { fail, ok } from '../../../shared/contract';
import type { scanChannels } from '../../../shared/contract/scans';
import { countLiveDevices, findBatch } from '../../../db/repos/batches';
import { deviceView, lastLiveDeviceOf, recentDevices, updateDevice } from '../../../db/repos/devices';
import type { Handlers } from '../dispatcher';
import { recordScan } from '../scanning/record-scan';
import { when } from '../scanning/messages';

export const scanHandlers: Pick<Handlers, keyof typeof scanChannels> = {
  'scans:record': (input, ctx) => recordScan(ctx, input),
  // TEMPORARY (issue 8 in progress): replaced by the tuple scanning work before this lands.
  'scans:recordTuple': () => fail('INVALID_STATE', 'Tuple scanning is being built.'),
  'scans:tupleChoices': () => ok({ manufacturers: [], models: [] }),

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
