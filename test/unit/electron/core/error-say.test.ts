// A real station's refusals name the catalog key the UI says them by, with raw params (a state as the
// core's word, a time as epoch ms), and keep their English message: the CLI prints that message, never
// a key, whatever language the screens speak.
import { afterEach, describe, expect, it } from 'vitest';
import { CommandFailed, unwrap } from '../../../../electron/cli/run';
import { tempStation, type TempStation } from '../../../helpers/temp-station';

let t: TempStation | undefined;
afterEach(() => t?.cleanup());

function cliLine(result: Parameters<typeof unwrap>[0]): string {
  try {
    unwrap(result);
  } catch (err) {
    if (err instanceof CommandFailed) return err.message;
    throw err;
  }
  throw new Error('the call was not refused');
}

describe('refusals name their catalog key', () => {
  it('for sign-in, permissions and batches, with the English the CLI prints', async () => {
    const at = Date.UTC(2026, 11, 7, 9, 30);
    t = await tempStation({ now: () => at });
    const operator = await t.tokenFor('operator', 'Olga');

    const wrongPin = await t.station.call('session:signIn', { name: 'Olga', pin: '111222' });
    expect(wrongPin).toMatchObject({ ok: false, error: { code: 'BAD_CREDENTIALS', say: { key: 'session.wrongPin', params: { name: 'Olga', count: 4 } } } });
    expect(cliLine(wrongPin)).toBe('That PIN is wrong, or there is no active operator called Olga. 4 tries left before Olga is locked for a while. [BAD_CREDENTIALS]');

    const forbidden = await t.station.call('operators:list', {}, { sessionToken: operator });
    expect(forbidden).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', say: { key: 'session.forbidden', params: { role: 'operator' } } } });
    expect(cliLine(forbidden)).toMatch(/^A operator may not do this \(.+\)\. \[FORBIDDEN\]$/);

    const notSignedIn = await t.station.call('batches:create', { name: 'Dock-A' });
    expect(notSignedIn).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN', say: { key: 'session.signInFirst' } } });
    expect(cliLine(notSignedIn)).toBe('Sign in first. [NOT_SIGNED_IN]');

    const created = await t.station.call('batches:create', { name: 'Dock-A' }, { sessionToken: operator });
    if (!created.ok) throw new Error(created.error.message);
    const empty = await t.station.call('batches:close', { id: created.value.id }, { sessionToken: operator });
    expect(empty).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', say: { key: 'batch.noDevicesToClose', params: { batch: 'Dock-A' } } } });
    expect(cliLine(empty)).toBe('Batch Dock-A has no devices yet: scan some boxes before closing it. [INVALID_STATE]');

    const again = await t.station.call('batches:create', { name: 'dock-a' }, { sessionToken: operator });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', say: { key: 'batch.nameTakenOpen', params: { batch: 'Dock-A', state: 'open' } } } });
    expect(cliLine(again)).toMatch(/^A batch called "Dock-A" already exists\. Resume it/);

    const missing = await t.station.call('batches:close', { id: 9_999 }, { sessionToken: operator });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', say: { key: 'batch.notFound', params: { id: 9_999 } } } });
  });

  it('sends a lock-out end as a time the UI formats, not as UTC words', async () => {
    const at = Date.UTC(2026, 11, 7, 9, 30);
    t = await tempStation({ now: () => at });
    await t.tokenFor('operator', 'Olga');
    let last = await t.station.call('session:signIn', { name: 'Olga', pin: '111222' });
    for (let i = 0; i < 4; i++) last = await t.station.call('session:signIn', { name: 'Olga', pin: '111222' });
    expect(last).toMatchObject({ ok: false, error: { code: 'LOCKED_OUT', say: { key: 'session.lockedOut', params: { name: 'Olga', until: expect.any(Number) } } } });
    const until = !last.ok && last.error.say?.params?.until;
    expect(until).toBeGreaterThan(at);
    expect(cliLine(last)).toMatch(/^Olga is locked after too many wrong PINs until \d\d:\d\d:\d\d UTC\./);
  });
  it('for bad input, a bad setting and the fleet desk off a fleet, with the English detail as a param', async () => {
    t = await tempStation();
    const admin = await t.tokenFor('admin', 'Ada');
    const badInput = await t.station.call('batches:create', { name: '' }, { sessionToken: admin });
    expect(badInput).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', say: { key: 'input.invalid', params: { detail: expect.stringContaining('name') } } } });
    const badSetting = await t.station.call('settings:update', { key: 'uploads.chunkSize', value: 0 }, { sessionToken: admin });
    expect(badSetting).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', say: { key: 'settings.invalidValue', params: { setting: 'uploads.chunkSize', detail: expect.any(String) } } } });
    expect(cliLine(badSetting)).toMatch(/^uploads\.chunkSize: /);
    const desk = await t.station.call('fleet:requestBatch', { stationName: 'Dock 3', batchName: 'Dock-A', action: 'reopen' }, { sessionToken: admin });
    expect(desk).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', say: { key: 'fleet.notMember' } } });
    expect(cliLine(desk)).toMatch(/^This station is not in a fleet/);
  });
});
