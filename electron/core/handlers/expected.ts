// expected:import / expected:reconcile: a supplier's list against what was scanned.
import { fail, ok } from '../../../shared/contract';
import type { expectedChannels } from '../../../shared/contract/expected';
import { findBatch } from '../../../db/repos/batches';
import { deleteExpected, expectedKeys, insertExpected, reconcile } from '../../../db/repos/expected';
import type { Handlers } from '../dispatcher';
import { planExpectedImport } from '../import/plan';
import { fileBytes } from '../import/read-file';
import { planSummary } from './import';

export const expectedHandlers: Pick<Handlers, keyof typeof expectedChannels> = {
  'expected:import': ({ batchId, fileName, contentBase64, mode }, ctx) => {
    const session = ctx.session;
    if (!session) return fail('NOT_SIGNED_IN', 'Sign in first.');
    const batch = findBatch(ctx.db, batchId);
    if (!batch) return fail('NOT_FOUND', `There is no batch with id ${batchId}.`);
    const existing = mode === 'append' ? expectedKeys(ctx.db, batchId) : { pkids: new Set<string>(), serials: new Set<string>() };
    const planned = planExpectedImport(fileBytes(contentBase64), fileName, batchId, existing);
    if (!planned.ok) return fail('INVALID_INPUT', planned.message);
    const { plan } = planned;
    // A file with nothing usable must not wipe the list it was meant to replace.
    if (plan.accepted.length === 0) {
      return fail('INVALID_INPUT', `Nothing in ${fileName} can be used: all ${plan.refusals.count} lines were refused.`, { refused: plan.refusals.lines() });
    }
    return ctx.write(['expected'], (tx) => {
      const replaced = mode === 'replace' ? deleteExpected(tx, batchId) : 0;
      insertExpected(ctx.sqlite, plan.accepted, { batchId, fileName, by: session.operatorId, at: ctx.now() });
      ctx.audit(tx, {
        action: 'expected:import',
        objectType: 'batch',
        objectId: batchId,
        detail: { batchId, fileName, sha256: plan.reading.sha256, mode, rows: plan.reading.rows, imported: plan.accepted.length, replaced, refused: plan.refusals.count },
      });
      return ok({ ...planSummary(plan), imported: plan.accepted.length, replaced });
    });
  },

  'expected:reconcile': ({ batchId, limit }, ctx) => {
    if (!findBatch(ctx.db, batchId)) return fail('NOT_FOUND', `There is no batch with id ${batchId}.`);
    return ok(reconcile(ctx.db, batchId, limit));
  },
};
