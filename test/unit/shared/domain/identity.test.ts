import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  compactHash,
  describeIdentity,
  duplicateKeys,
  hashFactsOf,
  hashProblem,
  identityKindOf,
  identityOf,
  identityOfFacts,
  sameSerialOwner,
  storedHashFacts,
  summariseIdentity,
  type IdentityFields,
} from '../../../../shared/domain/identity';

const none: IdentityFields = { pkid: null, serial: null, manufacturer: null, model: null, hardwareHash: null };
const hash = (bytes: number) => randomBytes(bytes).toString('base64');

describe('identityOf', () => {
  it('sends the hash first, with the serial and PKID it has', () => {
    const h = hash(4000);
    expect(identityOf({ ...none, hardwareHash: h, serial: 'SN1', pkid: '3200000000001' })).toEqual({ ok: true, identity: { kind: 'hash', hardwareHash: h, serial: 'SN1', pkid: '3200000000001' } });
  });

  it('sends the PKID when there is no hash, even with a full tuple', () => {
    expect(identityOf({ ...none, pkid: '3200000000001', serial: 'SN1', manufacturer: 'HP', model: 'X' })).toEqual({ ok: true, identity: { kind: 'pkid', pkid: '3200000000001' } });
  });

  it('sends the tuple when serial, manufacturer and model are all there, keeping their case', () => {
    expect(identityOf({ ...none, serial: 'PF1ABCDE', manufacturer: 'LENOVO', model: '20XW0012US' })).toEqual({ ok: true, identity: { kind: 'tuple', serial: 'PF1ABCDE', manufacturer: 'LENOVO', model: '20XW0012US' } });
  });

  it('names what a serial-only record lacks', () => {
    const r = identityOf({ ...none, serial: '7XK4M12', manufacturer: 'Dell Inc.' });
    expect(r).toEqual({ ok: false, problem: expect.stringContaining('needs its model') });
    expect(identityOf({ ...none, serial: '7XK4M12' })).toEqual({ ok: false, problem: expect.stringContaining('manufacturer and model') });
  });

  it('refuses a record with nothing, and treats blanks as nothing', () => {
    expect(identityOf(none).ok).toBe(false);
    expect(identityOf({ ...none, pkid: '  ', hardwareHash: '', serial: ' ' }).ok).toBe(false);
  });

  it('describes each identity in one line', () => {
    expect(describeIdentity({ kind: 'pkid', pkid: '3200000000001' })).toBe('PKID 3200000000001');
    expect(describeIdentity({ kind: 'tuple', serial: 'S', manufacturer: 'HP', model: 'M' })).toBe('Serial S · HP · M');
    expect(describeIdentity({ kind: 'hash', hardwareHash: 'A'.repeat(4000), serial: 'S', pkid: null })).toBe('Hardware hash (4,000 characters) + serial S');
  });
});

describe('duplicate identity', () => {
  it('the same serial from the same manufacturer collides, ignoring the case of the maker', () => {
    const a = duplicateKeys({ ...none, serial: 'SN1', manufacturer: 'Dell Inc.', model: 'A' });
    const b = duplicateKeys({ ...none, serial: 'SN1', manufacturer: 'DELL INC.', model: 'B' });
    expect(a.filter((k) => b.includes(k))).toHaveLength(1);
    expect(sameSerialOwner('Dell Inc.', 'DELL INC.')).toBe(true);
  });

  it('the same serial from two manufacturers does not', () => {
    const a = duplicateKeys({ ...none, serial: 'SN1', manufacturer: 'HP', model: 'A' });
    const b = duplicateKeys({ ...none, serial: 'SN1', manufacturer: 'LENOVO', model: 'A' });
    expect(a.filter((k) => b.includes(k))).toEqual([]);
    expect(sameSerialOwner('HP', 'LENOVO')).toBe(false);
  });

  it('an unknown manufacturer may be anyone', () => {
    expect(sameSerialOwner(null, 'HP')).toBe(true);
  });

  it('hashes collide whatever whitespace a copy added', () => {
    const h = hash(3000);
    const wrapped = h.replace(/(.{76})/g, '$1\r\n');
    expect(duplicateKeys({ ...none, hardwareHash: wrapped })).toEqual(duplicateKeys({ ...none, hardwareHash: h }));
    expect(compactHash(wrapped)).toBe(h);
  });
});

describe('hashProblem', () => {
  it('accepts any full-size base64 hash, wrapped or not', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1024, maxLength: 16_384 }), (bytes) => {
        const h = Buffer.from(bytes).toString('base64');
        return hashProblem(h) === null && hashProblem(h.replace(/(.{64})/g, '$1\n')) === null;
      }),
      { numRuns: 50 },
    );
  });

  it('names a character that is not base64', () => {
    expect(hashProblem(`${hash(3000).slice(0, 100)}-${hash(3000)}`)).toMatch(/holds "-"/);
  });

  it('says a cut-short hash was cut short', () => {
    expect(hashProblem(hash(3000).slice(0, 2001))).toMatch(/cut short/);
  });

  it('refuses an old 128-byte hash and an oversized one', () => {
    expect(hashProblem(hash(128))).toMatch(/only 128 bytes/);
    expect(hashProblem(hash(20_000))).toMatch(/more than any real hash/);
  });

  it('refuses an empty hash', () => {
    expect(hashProblem('  ')).toMatch(/empty/);
  });
});

describe('identity from hash facts (lists read a hash\'s length, never its text)', () => {
  // Each field absent, blank or set; the hash also as a real one, wrapped by a copy, or a short stand-in.
  const text = (value: fc.Arbitrary<string>) => fc.oneof(fc.constant(null), fc.constantFrom('', '  ', '\t'), value);
  const record: fc.Arbitrary<IdentityFields> = fc.record({
    pkid: text(fc.stringMatching(/^\d{13}$/)),
    serial: text(fc.string({ minLength: 1, maxLength: 12 })),
    manufacturer: text(fc.constantFrom('Dell Inc.', 'LENOVO', 'HP', ' ')),
    model: text(fc.string({ minLength: 1, maxLength: 20 })),
    hardwareHash: text(
      fc.oneof(
        fc.uint8Array({ minLength: 1024, maxLength: 6000 }).map((b) => Buffer.from(b).toString('base64')),
        fc.uint8Array({ minLength: 1024, maxLength: 2000 }).map((b) => Buffer.from(b).toString('base64').replace(/(.{76})/g, '$1\r\n')),
        fc.string({ minLength: 1, maxLength: 8 }),
      ),
    ),
  });

  it('gives the same kind, label and problem as the full record, for every kind and every missing field (fast-check)', () => {
    fc.assert(
      fc.property(record, (d) => {
        const full = summariseIdentity(d);
        const facts = { ...d, hardwareHash: hashFactsOf(d.hardwareHash) };
        expect(summariseIdentity(facts)).toEqual(full);
        expect(identityKindOf(facts)).toBe(full.kind);
        const sent = identityOf(d);
        const shown = identityOfFacts(facts);
        expect(shown.ok ? shown.identity.kind : shown.problem).toBe(sent.ok ? sent.identity.kind : sent.problem);
      }),
      { numRuns: 500 },
    );
  });

  it('a stored hash read as its SQL length (compacted on import) gives the same summary as its text', () => {
    fc.assert(
      fc.property(record, (d) => {
        const stored = d.hardwareHash === null || compactHash(d.hardwareHash) === '' ? null : compactHash(d.hardwareHash);
        const row = { ...d, hardwareHash: stored };
        expect(summariseIdentity({ ...row, hardwareHash: storedHashFacts(stored === null ? null : stored.length) })).toEqual(summariseIdentity(row));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps today\'s labels: the hash\'s length and serial, or what is missing', () => {
    expect(summariseIdentity({ ...none, serial: 'PF4HASH01', hardwareHash: storedHashFacts(5000) })).toEqual({ kind: 'hash', label: 'Hardware hash (5,000 characters) + serial PF4HASH01', words: { kind: 'hash', hashLength: 5000, serial: 'PF4HASH01' } });
    expect(summariseIdentity({ ...none, pkid: '3200000000001', hardwareHash: storedHashFacts(null) })).toEqual({ kind: 'pkid', label: 'PKID 3200000000001', words: { kind: 'pkid', pkid: '3200000000001' } });
    expect(summariseIdentity({ ...none, serial: 'SN1', hardwareHash: { length: 0 } })).toEqual({ kind: null, label: expect.stringContaining('needs its manufacturer and model'), words: { kind: 'needsTuple', serial: 'SN1', missing: 'both' } });
  });

  it('the hash still wins over a PKID and a full tuple when only its length is known', () => {
    expect(identityKindOf({ pkid: '3200000000001', serial: 'S', manufacturer: 'HP', model: 'M', hardwareHash: storedHashFacts(4000) })).toBe('hash');
    expect(identityKindOf({ pkid: null, serial: 'S', manufacturer: 'HP', model: 'M', hardwareHash: null })).toBe('tuple');
  });
});
