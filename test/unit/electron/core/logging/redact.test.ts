import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatLine } from '../../../../../electron/core/log';
import { describeError, isSecretKey, REDACTED, redactText, redactValue } from '../../../../../electron/core/logging/redact';

const AT = new Date('2026-12-05T07:00:00.000Z');

/** Keys a caller might use for a secret, in the spellings code and HTTP libraries use. */
const secretKeys = ['pin', 'PIN', 'newPin', 'pin_code', 'password', 'clientSecret', 'client_secret', 'secret', 'token', 'sessionToken', 'accessToken', 'refresh_token', 'refreshToken', 'id_token', 'authorization', 'Authorization', 'client_assertion', 'assertion', 'x-api-key', 'hostToken', 'cookie'];

describe('which keys are secret', () => {
  it.each(secretKeys)('%s is secret', (key) => expect(isSecretKey(key)).toBe(true));
  it.each(['operator', 'batchId', 'pkid', 'serial', 'channel', 'fileName', 'tookMs', 'station', 'message', 'kind'])('%s is not', (key) => expect(isSecretKey(key)).toBe(false));
});

describe('redaction (property)', () => {
  it('a secret value under any secret key, at any depth, never appears in the line', () => {
    const key = fc.tuple(fc.constantFrom('', 'new', 'old', 'partner.', 'x-', 'my_'), fc.constantFrom(...secretKeys)).map(([prefix, k]) => prefix + k);
    const secret = fc.stringMatching(/^[A-Za-z0-9+/=_.~-]{10,40}$/);
    fc.assert(
      fc.property(key, secret, fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 3 }), fc.nat(3), (k, s, path, variant) => {
        const placed = [s, [s], { inner: s }, { list: [1, s] }][variant]!;
        let fields: Record<string, unknown> = { [k]: placed, operator: 'Ada' };
        for (const step of path) fields = { [step]: fields, n: 1 };
        const line = formatLine(AT, 'info', 'signed in', fields);
        const baseline = formatLine(AT, 'info', 'signed in', JSON.parse(JSON.stringify(fields).split(s).join('x')) as Record<string, unknown>);
        fc.pre(!baseline.includes(s));
        expect(line.includes(s)).toBe(false);
        expect(line).toContain(REDACTED);
        expect(JSON.parse(line)).toMatchObject({ t: AT.toISOString(), level: 'info', msg: 'signed in' });
      }),
      { numRuns: 300 },
    );
  });

  it('a Bearer token or a JWT inside any message or text field never appears in the line', () => {
    const part = fc.stringMatching(/^[A-Za-z0-9_-]{8,30}$/);
    fc.assert(
      fc.property(part, part, part, fc.string({ maxLength: 20 }), (a, b, c, text) => {
        const jwt = `eyJ${a}.${b}.${c}`;
        const bearer = `${b}${c}`;
        const line = formatLine(AT, 'error', `${text} Authorization: Bearer ${bearer} then ${jwt}`, { detail: `token ${jwt}` });
        expect(line.includes(jwt)).toBe(false);
        expect(line.includes(`Bearer ${bearer}`)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

describe('redaction of text', () => {
  it('masks key=value pairs in query strings, form bodies and JSON text', () => {
    expect(redactText('POST /token client_secret=abc123&grant_type=refresh_token&refresh_token=r3fr3sh')).toBe(
      `POST /token client_secret=${REDACTED}&grant_type=refresh_token&refresh_token=${REDACTED}`,
    );
    expect(redactText('{"pin":"482913","name":"Ada"}')).toBe(`{"pin":"${REDACTED}","name":"Ada"}`);
    expect(redactText('sign-in failed for Ada (pin: 482913)')).not.toContain('482913');
    expect(redactText('scanned 3 boxes into batch B-7')).toBe('scanned 3 boxes into batch B-7');
  });

  it('keeps numbers, booleans and structure; drops functions; survives cycles and depth', () => {
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic.self = cyclic;
    let deep: Record<string, unknown> = { leaf: 1 };
    for (let i = 0; i < 20; i += 1) deep = { deep };
    expect(redactValue({ count: 3, ok: true, none: null, fn: () => 1, big: 10n, when: new Date(0) })).toEqual({ count: 3, ok: true, none: null, big: '10', when: '1970-01-01T00:00:00.000Z' });
    expect(redactValue(cyclic)).toEqual({ name: 'loop', self: '[circular]' });
    expect(JSON.stringify(redactValue(deep))).toContain('[nested too deep]');
  });
});

describe('errors', () => {
  it('are logged with name, message and stack, secrets masked, cause kept', () => {
    const err = Object.assign(new TypeError('request failed: Authorization: Bearer abc.def.ghi'), { code: 'ECONNRESET' });
    (err as Error).cause = new Error('password=hunter2hunter2');
    const described = describeError(err);
    expect(described).toMatchObject({ name: 'TypeError', code: 'ECONNRESET', message: `request failed: Authorization: Bearer ${REDACTED}` });
    expect(typeof described === 'object' && described.stack).toContain('TypeError');
    expect(JSON.stringify(described)).not.toContain('hunter2hunter2');
    const line = JSON.parse(formatLine(AT, 'error', 'upload step failed', { chunk: 4 }, err)) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 'error', msg: 'upload step failed', chunk: 4, error: { name: 'TypeError' } });
  });

  it('a field cannot overwrite the time, level or message', () => {
    expect(JSON.parse(formatLine(AT, 'warn', 'real', { t: 'fake', level: 'info', msg: 'fake' }))).toEqual({ t: AT.toISOString(), level: 'warn', msg: 'real' });
  });
});
