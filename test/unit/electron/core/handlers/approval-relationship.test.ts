// Only a customer with a reseller relationship can take a registration: the preview says why another
// one cannot, and approval refuses it (the UI greys it out; the core is what enforces it).
import { afterEach, describe, expect, it } from 'vitest';
import { auditRows, reviewStation, type ReviewStation } from '../../../../helpers/review-station';

let t: ReviewStation | undefined;
afterEach(() => t?.cleanup());

const ADVISED = '99999999-2222-3333-4444-555555555555';

describe('approval and the customer relationship', () => {
  it('refuses a customer with an advisor relationship, in the preview and on approve; nothing is queued', async () => {
    t = await reviewStation();
    t.addCustomer(ADVISED, 'Fabrikam');
    t.station.database.sqlite.prepare("UPDATE customers SET relationship = 'advisor' WHERE tenant_id = ?").run(ADVISED);
    await t.scan('3905012345678');
    await t.must('batches:close', { id: t.batchId }, t.operator);
    const preview = await t.must('approval:preview', { batchId: t.batchId, customerTenantId: ADVISED });
    expect(preview.blockers).toEqual([expect.stringMatching(/^Fabrikam has an advisor relationship with you, not a reseller one/)]);
    const r = await t.station.call('approval:approve', { batchId: t.batchId, customerTenantId: ADVISED }, { sessionToken: t.lead });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', details: { rule: 'relationship', relationship: 'advisor' } } });
    expect(t.station.database.sqlite.prepare('SELECT count(*) AS n FROM uploads').get()).toEqual({ n: 0 });
    expect((t.station.database.sqlite.prepare('SELECT state FROM batches WHERE id = ?').get(t.batchId) as { state: string }).state).toBe('closed');
    expect(auditRows(t, 'approval:approve').filter((a) => a.result === 'ok')).toEqual([]);
  });
});
