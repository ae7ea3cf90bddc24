// expected:preview / expected:import / expected:reconcile: a supplier's list, shown before it is written, against what was scanned.
import { createHash } from 'node:crypto';
import { failSaying, ok, type Result } from '../../../shared/contract';
import type { expectedChannels } from '../../../shared/contract/expected';
import { findBatch } from '../../../db/repos/batches';
import { deleteExpected, expectedKeys, insertExpected, reconcile } from '../../../db/repos/expected';
import type { Handlers } from '../dispatcher';
import type { Queryable } from '../../../db/types';
import { planExpectedImport, type Plan } from '../import/plan';
import { fileBytes } from '../import/read-file';
import { planSummary } from './import';

interface ExpectedFile {
  batchId: number;
  fileName: string;
  contentBase64: string;
  mode: 'replace' | 'append';
}

/** The plan of a supplier's list; its token also binds the mode and how many lines it would replace. */
function planExpected(db: Queryable, { batchId, fileName, contentBase64, mode }: ExpectedFile): Result<{ plan: Plan; replaces: number; token: string }> {
  if (!findBatch(db, batchId)) return failSaying('NOT_FOUND', 'batch.notFound', { id: batchId }, `There is no batch with id ${batchId}.`);
  const existing = mode === 'append' ? expectedKeys(db, batchId) : { pkids: new Set<string>(), serials: new Set<string>() };
  const planned = planExpectedImport(fileBytes(contentBase64), fileName, batchId, existing);
  if (!planned.ok) return failSaying('INVALID_INPUT', 'expected.unreadable', { detail: planned.message }, planned.message);
  const replaces = mode === 'replace' ? reconcile(db, batchId, 0).expected : 0;
  const token = createHash('sha256').update(`${planned.plan.token}\n${mode}\n${replaces}`).digest('hex');
  return ok({ plan: planned.plan, replaces, token });
}

/** Lines of the file shown in the preview (the counts cover all of them). */
const SAMPLE = 20;

export const expectedHandlers: Pick<Handlers, keyof typeof expectedChannels> = {
  'expected:preview': (input, ctx) => {
    const planned = planExpected(ctx.db, input);
    if (!planned.ok) return planned;
    const { plan, replaces, token } = planned.value;
    const sample = plan.accepted.slice(0, SAMPLE).map((r) => ({ line: r.line, pkid: r.pkid, serial: r.serial }));
    return ok({ ...planSummary(plan), token, replaces, sample });
  },

  'expected:import': ({ token, ...input }, ctx) => {
    const session = ctx.session;
    if (!session) return failSaying('NOT_SIGNED_IN', 'session.signInFirst', {}, 'Sign in first.');
    const { batchId, fileName, mode } = input;
    const planned = planExpected(ctx.db, input);
    if (!planned.ok) return planned;
    const { plan } = planned.value;
    if (token !== undefined && token !== planned.value.token) return failSaying('CONFLICT', 'expected.previewStale', {}, 'The file or the expected list changed since the preview: preview the file again before importing.');
    // A file with nothing usable must not wipe the list it was meant to replace.
    if (plan.accepted.length === 0) {
      return failSaying('INVALID_INPUT', 'expected.allRefused', { file: fileName, count: plan.refusals.count }, `Nothing in ${fileName} can be used: all ${plan.refusals.count} lines were refused.`, { refused: plan.refusals.lines() });
    }
    return ctx.write(['expected'], (tx) => {
      const replaced = mode === 'replace' ? deleteExpected(tx, batchId) : 0;
      insertExpected(ctx.db, plan.accepted, { batchId, fileName, by: session.operatorId, at: ctx.now() });
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
    if (!findBatch(ctx.db, batchId)) return failSaying('NOT_FOUND', 'batch.notFound', { id: batchId }, `There is no batch with id ${batchId}.`);
    return ok(reconcile(ctx.db, batchId, limit));
  },
};
