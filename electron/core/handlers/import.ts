// import:preview / import:commit. The preview reads the file and says what each line would do; the
// commit reads it again, checks it is the same file with the same outcome (the preview's token),
// re-checks the database inside its write transaction and writes every accepted line or none.
import { failSaying, ok } from '../../../shared/contract';
import type { importChannels } from '../../../shared/contract/import';
import type { Queryable } from '../../../db/types';
import { insertImportedDevices, livePkidHolders, liveSerialHolders } from '../../../db/repos/review';
import { liveHashHolders, remotePkidHolders, remoteSerialHolders } from '../../../db/repos/import-lookups';
import { summariseIdentity } from '../../../shared/domain/identity';
import type { Handlers } from '../dispatcher';
import { planDeviceImport, resolveConflicts, type DeviceLookups, type Plan } from '../import/plan';
import { fileBytes } from '../import/read-file';
import { attachImportedHashes } from '../review/attach-hash';
import { editableBatch } from '../review/editable-batch';

export function deviceLookups(db: Queryable): DeviceLookups {
  return {
    livePkids: (pkids) => livePkidHolders(db, pkids),
    liveSerials: (serials) => liveSerialHolders(db, serials),
    liveHashes: (hashes) => liveHashHolders(db, hashes),
    remotePkids: (pkids) => remotePkidHolders(db, pkids),
    remoteSerials: (serials) => remoteSerialHolders(db, serials),
  };
}

export function planSummary(plan: Plan) {
  return { ...plan.reading, accepted: plan.accepted.length, attached: plan.attachments.length, refusedCount: plan.refusals.count, refusedByReason: plan.refusals.byReason, refused: plan.refusals.lines() };
}

export const importHandlers: Pick<Handlers, keyof typeof importChannels> = {
  'import:preview': ({ batchId, fileName, contentBase64 }, ctx) => {
    const batch = editableBatch(ctx.db, batchId);
    if (!batch.ok) return batch;
    const planned = planDeviceImport(fileBytes(contentBase64), fileName, batchId, deviceLookups(ctx.db));
    if (!planned.ok) return failSaying('INVALID_INPUT', 'import.unreadable', { detail: planned.message }, planned.message);
    const { plan } = planned;
    const sample = plan.accepted.slice(0, 20).map((r) => ({
      line: r.line,
      pkid: r.pkid ?? '',
      serial: r.serial,
      manufacturer: r.manufacturer,
      model: r.model,
      identity: summariseIdentity({ ...r, hardwareHash: r.hash }),
    }));
    const attachSample = plan.attachments.slice(0, 20).map(({ line, deviceId, pkid, serial }) => ({ line, deviceId, pkid, serial }));
    return ok({ ...planSummary(plan), token: plan.token, sample, attachSample });
  },

  'import:commit': ({ batchId, fileName, contentBase64, token }, ctx) => {
    const session = ctx.session;
    if (!session) return failSaying('NOT_SIGNED_IN', 'session.signInFirst', {}, 'Sign in first.');
    const batch = editableBatch(ctx.db, batchId);
    if (!batch.ok) return batch;
    // Parsing and planning happen before the write lock is taken, so scanners keep scanning.
    const planned = planDeviceImport(fileBytes(contentBase64), fileName, batchId, deviceLookups(ctx.db));
    if (!planned.ok) return failSaying('INVALID_INPUT', 'import.unreadable', { detail: planned.message }, planned.message);
    const { plan } = planned;
    if (plan.token !== token) return failSaying('CONFLICT', 'import.previewStale', {}, 'The file or the batch changed since the preview: preview the file again before importing.');
    if (plan.accepted.length === 0 && plan.attachments.length === 0) {
      return failSaying('INVALID_INPUT', 'import.allRefused', { file: fileName, count: plan.refusals.count }, `Nothing in ${fileName} can be imported: all ${plan.refusals.count} lines were refused.`, { refused: plan.refusals.lines() });
    }
    return ctx.write(['devices'], (tx) => {
      const again = editableBatch(tx, batchId);
      if (!again.ok) return again;
      const attachRows = plan.attachments.map((a) => ({ line: a.line, pkid: a.pkid, serial: a.serial, manufacturer: null, model: null, hash: a.hash }));
      const recheck = resolveConflicts([...plan.accepted, ...attachRows], deviceLookups(tx), batchId);
      const sameAttachments = recheck.attachments.map((a) => `${a.line}:${a.deviceId}`).join() === plan.attachments.map((a) => `${a.line}:${a.deviceId}`).join();
      if (recheck.conflicts.count > 0 || !sameAttachments) {
        return failSaying('CONFLICT', 'import.changedSincePreview', { count: recheck.conflicts.count }, `${recheck.conflicts.count} of the file's devices were scanned, imported or found in Partner Center since the preview: preview the file again.`, {
          refused: recheck.conflicts.lines(),
        });
      }
      const at = ctx.now();
      insertImportedDevices(ctx.db, plan.accepted, { batchId, fileName, by: session.operatorId, at });
      attachImportedHashes(ctx, tx, plan.attachments, { fileName, sha256: plan.reading.sha256 });
      ctx.audit(tx, {
        action: 'import:commit',
        objectType: 'batch',
        objectId: batchId,
        detail: {
          batchId,
          fileName,
          sha256: plan.reading.sha256,
          bytes: plan.reading.bytes,
          rows: plan.reading.rows,
          imported: plan.accepted.length,
          attached: plan.attachments.length,
          refused: plan.refusals.count,
          refusedByReason: plan.refusals.byReason,
        },
      });
      return ok({ ...planSummary(plan), imported: plan.accepted.length });
    });
  },
};
