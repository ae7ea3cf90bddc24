// Table-driven over the whole contract: a new channel is covered the moment it is added. For every
// channel: bad input, no session and too low a role each give their own code, and write nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, contract } from '../../../shared/contract';
import { roleAllows, roles } from '../../../shared/domain/roles';
import { snapshotDatabase, tempStation, type TempStation } from '../../helpers/temp-station';

let t: TempStation;
const tokens = new Map<string, string>();

beforeAll(async () => {
  t = await tempStation();
  for (const role of roles) tokens.set(role, await t.tokenFor(role));
});
afterAll(() => t.cleanup());

const guarded = channelNames.filter((c) => contract[c].permission !== 'public');

describe('every channel', () => {
  it('covers a real contract', () => {
    expect(channelNames.length).toBeGreaterThan(5);
    expect(guarded.length).toBeGreaterThan(0);
  });

  it.each(channelNames)('%s refuses malformed input with INVALID_INPUT and writes nothing', async (channel) => {
    const before = snapshotDatabase(t.station);
    const result = await t.station.dispatch(channel, { unexpectedField: 'x'.repeat(10) }, { sessionToken: tokens.get('admin') });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(snapshotDatabase(t.station)).toBe(before);
  });

  it.each(guarded)('%s refuses a caller with no session with NOT_SIGNED_IN and writes nothing', async (channel) => {
    const before = snapshotDatabase(t.station);
    const result = await t.station.dispatch(channel, {}, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
    expect(snapshotDatabase(t.station)).toBe(before);
  });

  it.each(guarded)('%s refuses a forged session token with NOT_SIGNED_IN', async (channel) => {
    const result = await t.station.dispatch(channel, {}, { sessionToken: 'forged-token' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
  });

  const denied = guarded.flatMap((channel) =>
    roles.filter((role) => !roleAllows(role, contract[channel].permission)).map((role) => [channel, role] as const),
  );

  it('has role denials to test', () => expect(denied.length).toBeGreaterThan(0));

  it.each(denied)('%s refuses a %s with FORBIDDEN and writes nothing', async (channel, role) => {
    const before = snapshotDatabase(t.station);
    const result = await t.station.dispatch(channel, {}, { sessionToken: tokens.get(role) });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(snapshotDatabase(t.station)).toBe(before);
  });

  it('answers an unknown channel with UNKNOWN_CHANNEL and writes nothing', async () => {
    const before = snapshotDatabase(t.station);
    for (const name of ['operators:drop', 'constructor', '__proto__', '', 'station:info ']) {
      const result = await t.station.dispatch(name, {}, { sessionToken: tokens.get('admin') });
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
    expect(snapshotDatabase(t.station)).toBe(before);
  });
});
