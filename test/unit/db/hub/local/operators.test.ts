// The station's side of fleet-wide operators on a real station file: what is pushed (changed here since
// the last agreement with the hub, nothing more), and how the hub's operators are taken in (added,
// changed, a local change not pushed yet kept so it wins at the hub, a PIN from elsewhere ending the lock).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyHubOperators, noteOperatorsPushed, operatorChanges } from '../../../../../db/hub/local/operators';
import type { HubOperator } from '../../../../../db/hub/repos/operators';
import { tempStation, type TempStation } from '../../../../helpers/temp-station';

let t: TempStation;
const db = () => t.station.database.db;
const sqlite = () => t.station.database.sqlite;

const hubRow = (over: Partial<HubOperator> & Pick<HubOperator, 'nameKey' | 'name' | 'changeId'>): HubOperator => ({ role: 'operator', pinHash: 'scrypt$10$8$1$c2FsdA==$aGFzaA==', active: true, updatedAt: new Date(), updatedByStation: '00000000-0000-4000-8000-000000000001', ...over });

beforeEach(async () => {
  t = await tempStation();
});

afterEach(() => t.cleanup());

describe('fleet operators at the station', () => {
  it('pushes every operator once, then only what changed here since', async () => {
    await t.tokenFor('operator', 'Olga Nowak');
    const first = operatorChanges(db());
    expect(first.map((c) => c.nameKey).sort()).toEqual(['ada admin', 'olga nowak']);
    noteOperatorsPushed(db(), first.map((c, i) => ({ ...c, changeId: i + 1, updatedAt: new Date(), updatedByStation: t.station.identity.id })));
    expect(operatorChanges(db())).toEqual([]);
    // A language or a failed attempt is no fleet change; a role is.
    sqlite().prepare("UPDATE operators SET language = 'pl', failed_attempts = 2 WHERE name_key = 'olga nowak'").run();
    expect(operatorChanges(db())).toEqual([]);
    sqlite().prepare("UPDATE operators SET role = 'lead' WHERE name_key = 'olga nowak'").run();
    expect(operatorChanges(db())).toEqual([expect.objectContaining({ nameKey: 'olga nowak', role: 'lead' })]);
  });

  it("adds the hub's new operators and takes their changes, ending the lock on a new PIN", () => {
    const added = applyHubOperators(db(), [hubRow({ nameKey: 'lena berg', name: 'Lena Berg', changeId: 1 })], 1000);
    expect(added).toEqual([expect.objectContaining({ name: 'Lena Berg', change: 'added' })]);
    expect(operatorChanges(db()).map((c) => c.nameKey)).not.toContain('lena berg');
    sqlite().prepare("UPDATE operators SET failed_attempts = 3, lockouts = 1, locked_until = 99999999999999 WHERE name_key = 'lena berg'").run();
    const changed = applyHubOperators(db(), [hubRow({ nameKey: 'lena berg', name: 'Lena Berg', changeId: 2, pinHash: 'scrypt$10$8$1$bmV3$bmV3' })], 2000);
    expect(changed).toEqual([expect.objectContaining({ change: 'changed', fields: ['pin'] })]);
    expect(sqlite().prepare("SELECT pin_hash, failed_attempts, lockouts, locked_until FROM operators WHERE name_key = 'lena berg'").get()).toEqual({ pin_hash: 'scrypt$10$8$1$bmV3$bmV3', failed_attempts: 0, lockouts: 0, locked_until: null });
  });

  it('keeps a change made here and not pushed yet over an older one from the hub, to be pushed next', () => {
    applyHubOperators(db(), [hubRow({ nameKey: 'lena berg', name: 'Lena Berg', changeId: 1 })], 1000);
    sqlite().prepare("UPDATE operators SET active = 0 WHERE name_key = 'lena berg'").run();
    expect(applyHubOperators(db(), [hubRow({ nameKey: 'lena berg', name: 'Lena Berg', changeId: 2, role: 'lead' })], 2000)).toEqual([]);
    expect(sqlite().prepare("SELECT role, active FROM operators WHERE name_key = 'lena berg'").get()).toEqual({ role: 'operator', active: 0 });
    expect(operatorChanges(db()).filter((c) => c.nameKey === 'lena berg')).toEqual([expect.objectContaining({ active: false, role: 'operator' })]);
  });
});
