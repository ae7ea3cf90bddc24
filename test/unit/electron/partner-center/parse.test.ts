import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { camelKey, camelKeys, parseBody, readJson, stripBom } from '../../../../electron/partner-center/parse';
import { faultDetails, kindForStatus } from '../../../../electron/partner-center/errors';
import { customerSchema } from '../../../../electron/partner-center/customers';
import { batchJobStatusSchema } from '../../../../electron/partner-center/jobs';

const job = {
  batchTrackingId: 't1',
  status: 'finished',
  devicesStatus: [{ deviceId: 'd1', productKey: '3300000000001', status: 'finished_with_errors', errorCode: 808, errorDescription: 'ZtdDeviceAssignedToOtherTenant' }],
  attributes: { objectType: 'BatchUploadDetails' },
};

function pascal(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pascal);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.charAt(0).toUpperCase() + k.slice(1), pascal(v)]));
  }
  return value;
}

describe('camelKey', () => {
  it.each([
    ['BatchId', 'batchId'], ['batchId', 'batchId'], ['DevicesStatus', 'devicesStatus'], ['ID', 'id'], ['Id', 'id'],
    ['URLLink', 'urlLink'], ['MS-ContinuationToken', 'mS-ContinuationToken'], ['', ''], ['x', 'x'],
  ])('%s -> %s', (input, out) => expect(camelKey(input)).toBe(out));
});

describe('readJson / parseBody', () => {
  it('strips a UTF-8 BOM', () => {
    expect(stripBom('\uFEFF{"a":1}')).toBe('{"a":1}');
    expect(readJson('\uFEFF{"A":1}')).toEqual({ ok: true, value: { a: 1 } });
  });

  it('reads an empty body as undefined and reports non-JSON', () => {
    expect(readJson('')).toEqual({ ok: true, value: undefined });
    expect(readJson('\uFEFF  ')).toEqual({ ok: true, value: undefined });
    expect(readJson('<html>')).toMatchObject({ ok: false });
  });

  it('normalises keys at every depth, arrays included; camelCase wins over a PascalCase twin', () => {
    expect(camelKeys({ Items: [{ CompanyProfile: { TenantId: 'x' } }] })).toEqual({ items: [{ companyProfile: { tenantId: 'x' } }] });
    expect(camelKeys({ id: 'camel', Id: 'pascal' })).toEqual({ id: 'camel' });
  });

  it('parses the same job status from camelCase, PascalCase and BOM-prefixed PascalCase', () => {
    const expected = parseBody(JSON.stringify(job), batchJobStatusSchema);
    expect(expected).toMatchObject({ ok: true, value: { status: 'finished', done: true, devices: [{ errorCode: '808', failed: true }] } });
    expect(parseBody(JSON.stringify(pascal(job)), batchJobStatusSchema)).toEqual(expected);
    expect(parseBody('\uFEFF' + JSON.stringify(pascal(job)), batchJobStatusSchema)).toEqual(expected);
  });

  it('tolerates unknown status words and in-progress devices', () => {
    const r = parseBody(JSON.stringify({ status: 'Weird', devicesStatus: [{ status: 'in-progress' }] }), batchJobStatusSchema);
    expect(r).toMatchObject({ ok: true, value: { status: 'unknown', done: false, devices: [{ status: 'in-progress', failed: false }] } });
  });

  it('flattens a customer whether camel or Pascal', () => {
    const wire = { id: 'T1', companyProfile: { tenantId: 't1', domain: 'a.example', companyName: 'A' }, relationshipToPartner: 'Reseller' };
    const want = { tenantId: 't1', companyName: 'A', domain: 'a.example', relationship: 'reseller', allowDelegatedAccess: null };
    expect(parseBody(JSON.stringify(wire), customerSchema)).toEqual({ ok: true, value: want });
    expect(parseBody(JSON.stringify(pascal(wire)), customerSchema)).toEqual({ ok: true, value: want });
  });

  it('names the failing path', () => {
    expect(parseBody('{"items":"no"}', z.object({ items: z.array(z.string()) }))).toMatchObject({ ok: false, problem: expect.stringMatching(/at items/) });
  });
});

describe('fault bodies', () => {
  it('reads classic, extended and 429 shapes, BOM or not', () => {
    expect(faultDetails('{"code":409,"description":"exists","data":[],"source":"PartnerFD"}')).toEqual({ code: '409', description: 'exists' });
    expect(faultDetails('\uFEFF{"Code":600,"Message":"m","Description":"d","ErrorName":"X"}')).toEqual({ code: '600', description: 'd' });
    expect(faultDetails('{"statusCode":429,"message":"Rate limit is exceeded. Try again in 57 seconds."}')).toEqual({ code: '429', description: 'Rate limit is exceeded. Try again in 57 seconds.' });
    expect(faultDetails('')).toEqual({ code: null, description: null });
    expect(faultDetails('Bad Gateway')).toEqual({ code: null, description: 'Bad Gateway' });
  });

  it('maps statuses to kinds', () => {
    expect([401, 403, 404, 409, 429, 408, 500, 503, 400, 417, 302].map(kindForStatus)).toEqual([
      'auth', 'forbidden', 'not-found', 'conflict', 'throttled', 'timeout', 'server', 'server', 'bad-request', 'bad-request', 'unexpected',
    ]);
  });
});
