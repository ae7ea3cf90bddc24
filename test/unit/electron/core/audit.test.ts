import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { auditHash, verifyAuditChain } from '../../../../electron/core/audit';
import { isKeyed } from '../../../../electron/core/audit-seal/format';
import { tempStation, type TempStation } from '../../../helpers/temp-station';

let t: TempStation | undefined;
afterEach(() => t?.cleanup());

async function stationWithHistory(): Promise<TempStation> {
  const s = await tempStation();
  const admin = await s.tokenFor('admin');
  for (const name of ['Ann', 'Ben', 'Cem']) await s.station.call('operators:add', { name, role: 'operator', pin: '739154' }, { sessionToken: admin });
  await new Promise((resolve) => setImmediate(resolve)); // the head moves on the turn after the last commit
  return s;
}

const check = (s: TempStation) => verifyAuditChain(s.station.database.sqlite, s.station.identity.seal.chainKeys());

describe('audit hash chain', () => {
  it('verifies an untouched history, every row sealed with the key', async () => {
    t = await stationWithHistory();
    const result = check(t);
    expect(result).toMatchObject({ ok: true, problem: null, unkeyedRows: 0, warnings: [] });
    expect(result.rows).toBeGreaterThanOrEqual(6);
    const hashes = t.station.database.sqlite.prepare('SELECT hash FROM audit').pluck().all() as string[];
    expect(hashes.every(isKeyed)).toBe(true);
  });

  it('names the row whose text was edited', async () => {
    t = await stationWithHistory();
    t.station.database.sqlite.exec(`UPDATE audit SET detail = '{"name":"Mallory","role":"admin"}' WHERE id = 5`);
    expect(check(t)).toMatchObject({ ok: false, rowId: 5, problem: expect.stringMatching(/audit row 5 .* was changed/) });
  });

  it('notices a removed row at the row after it', async () => {
    t = await stationWithHistory();
    t.station.database.sqlite.exec('DELETE FROM audit WHERE id = 3');
    expect(check(t)).toMatchObject({ ok: false, rowId: 4, problem: expect.stringMatching(/removed or inserted/) });
  });

  it('refuses a row re-hashed without the key (plain SHA-256, as the chain used to be)', async () => {
    t = await stationWithHistory();
    const sqlite = t.station.database.sqlite;
    const row = sqlite.prepare('SELECT * FROM audit WHERE id = 2').get() as Record<string, string | number | null>;
    const forged = { at: Number(row.at), station: String(row.station), operatorId: null, operatorName: 'Mallory', action: String(row.action), objectType: null, objectId: null, result: 'ok', detail: '{}' };
    sqlite.prepare("UPDATE audit SET operator_id = NULL, operator_name = 'Mallory', object_type = NULL, object_id = NULL, detail = '{}', hash = ? WHERE id = 2").run(auditHash(String(row.prev_hash), forged));
    expect(check(t)).toMatchObject({ ok: false, rowId: 2, problem: expect.stringMatching(/rewritten without the station's audit key/) });
  });

  it('refuses a sealed-looking hash made without the key', async () => {
    t = await stationWithHistory();
    const sqlite = t.station.database.sqlite;
    sqlite.prepare("UPDATE audit SET hash = ? WHERE id = 4").run(`k1:${createHash('sha256').update('guess').digest('hex')}`);
    expect(check(t)).toMatchObject({ ok: false, rowId: 4, problem: expect.stringMatching(/seal does not match/) });
  });

  it('without the key, says what it could not check instead of "ok"', async () => {
    t = await stationWithHistory();
    const result = verifyAuditChain(t.station.database.sqlite, { key: null, head: { state: 'unchecked', where: 'here' } });
    expect(result.ok).toBe(false);
    expect(result.problem).toBeNull();
    expect(result.warnings.join(' ')).toMatch(/could not be checked/);
  });
});
