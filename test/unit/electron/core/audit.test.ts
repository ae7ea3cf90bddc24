import { afterEach, describe, expect, it } from 'vitest';
import { auditHash, verifyAuditChain } from '../../../../electron/core/audit';
import { tempStation, type TempStation } from '../../../helpers/temp-station';

let t: TempStation | undefined;
afterEach(() => t?.cleanup());

async function stationWithHistory(): Promise<TempStation> {
  const s = await tempStation();
  const admin = await s.tokenFor('admin');
  for (const name of ['Ann', 'Ben', 'Cem']) await s.station.call('operators:add', { name, role: 'operator', pin: '739154' }, { sessionToken: admin });
  return s;
}

describe('audit hash chain', () => {
  it('verifies an untouched history', async () => {
    t = await stationWithHistory();
    const check = verifyAuditChain(t.station.database.sqlite);
    expect(check).toMatchObject({ ok: true, problem: null });
    expect(check.rows).toBeGreaterThanOrEqual(6);
  });

  it('names the row whose text was edited', async () => {
    t = await stationWithHistory();
    t.station.database.sqlite.exec(`UPDATE audit SET detail = '{"name":"Mallory","role":"admin"}' WHERE id = 5`);
    expect(verifyAuditChain(t.station.database.sqlite)).toMatchObject({ ok: false, rowId: 5, problem: expect.stringMatching(/audit row 5 .* was changed/) });
  });

  it('notices a removed row at the row after it', async () => {
    t = await stationWithHistory();
    t.station.database.sqlite.exec('DELETE FROM audit WHERE id = 3');
    expect(verifyAuditChain(t.station.database.sqlite)).toMatchObject({ ok: false, rowId: 4, problem: expect.stringMatching(/removed or inserted/) });
  });

  it('notices an edit whose own hash was recomputed, because the next row no longer follows it', async () => {
    t = await stationWithHistory();
    const sqlite = t.station.database.sqlite;
    const row = sqlite.prepare('SELECT * FROM audit WHERE id = 2').get() as Record<string, string | number | null>;
    const forged = { at: Number(row.at), station: String(row.station), operatorId: null, operatorName: 'Mallory', action: String(row.action), objectType: null, objectId: null, result: 'ok', detail: '{}' };
    sqlite.prepare("UPDATE audit SET operator_id = NULL, operator_name = 'Mallory', object_type = NULL, object_id = NULL, detail = '{}', hash = ? WHERE id = 2").run(auditHash(String(row.prev_hash), forged));
    expect(verifyAuditChain(sqlite)).toMatchObject({ ok: false, rowId: 3 });
  });
});
