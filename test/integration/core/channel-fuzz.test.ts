// Every channel, called by every role (and by nobody) with generated input, answers with an
// envelope: never a throw, never an INTERNAL error, and the database still verifies afterwards.
// Inputs are mostly shaped like the channel's own schema (so handlers run, not only validation),
// some entirely random. Generated from the contract, so a new channel is fuzzed the moment it exists.
import { existsSync } from 'node:fs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { channelNames, contract, errorCodes } from '../../../shared/contract';
import { roles } from '../../../shared/domain/roles';
import { verifyStation } from '../../../electron/core/verify';
import { arbitraryFor } from '../../helpers/zod-arbitrary';
import { tempStation } from '../../helpers/temp-station';

const RUNS = Number(process.env.DOCKSIDE_FUZZ_RUNS ?? '150');

beforeAll(() => {
  // fsync on tmpfs is nearly free: this test is about answers, not durability.
  if (existsSync('/dev/shm')) process.env.TMPDIR = '/dev/shm';
});

const inputFor = (channel: (typeof channelNames)[number]) =>
  fc.oneof({ arbitrary: arbitraryFor(contract[channel].input), weight: 4 }, { arbitrary: fc.anything(), weight: 1 });

describe('every channel under generated input', () => {
  // A fresh station per channel: fuzzing session:signOut or operators:* would end the sessions of
  // the channels after it.
  it.each(channelNames)('%s answers an envelope, never INTERNAL, and the database verifies', async (channel) => {
    const t = await tempStation();
    try {
      const tokens: (string | null)[] = [null, 'forged'];
      for (const role of roles) tokens.push(await t.tokenFor(role));
      await fc.assert(
        fc.asyncProperty(inputFor(channel), fc.constantFrom(...tokens), async (value, token) => {
          const result = await t.station.dispatch(channel, value, { sessionToken: token });
          expect(typeof result.ok).toBe('boolean');
          if (!result.ok) {
            expect(errorCodes).toContain(result.error.code);
            expect(result.error.code, result.error.message).not.toBe('INTERNAL');
            expect(result.error.message.length).toBeGreaterThan(0);
          }
        }),
        { numRuns: RUNS },
      );
      expect(verifyStation(t.station.database.sqlite, t.station.identity.seal.chainKeys())).toMatchObject({ ok: true });
    } finally {
      t.cleanup();
    }
  });
});
