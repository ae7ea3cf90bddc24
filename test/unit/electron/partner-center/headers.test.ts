import { describe, expect, it } from 'vitest';
import { requestHeaders } from '../../../../electron/partner-center/headers';
import { apiRoot, resolveUrl } from '../../../../electron/partner-center/request';
import { isLoopbackUrl } from '../../../../electron/cli/partner-options';

describe('requestHeaders', () => {
  const base = { token: 'tok', requestId: 'r-1', correlationId: 'c-1' };

  it('sends the documented headers; Content-Type only with a body', () => {
    expect(requestHeaders({ ...base, hasBody: false })).toMatchObject({
      Authorization: 'Bearer tok', Accept: 'application/json', 'MS-RequestId': 'r-1', 'MS-CorrelationId': 'c-1', 'MS-Contract-Version': 'v1',
    });
    expect(requestHeaders({ ...base, hasBody: false })['Content-Type']).toBeUndefined();
    expect(requestHeaders({ ...base, hasBody: true })['Content-Type']).toBe('application/json');
  });

  it('adds link headers (MS-ContinuationToken) but never lets them replace the token or the ids', () => {
    const h = requestHeaders({ ...base, hasBody: false, extra: [
      { key: 'MS-ContinuationToken', value: 'next' }, { key: 'authorization', value: 'Bearer evil' }, { key: 'MS-RequestId', value: 'other' },
    ] });
    expect(h).toMatchObject({ 'MS-ContinuationToken': 'next', Authorization: 'Bearer tok', 'MS-RequestId': 'r-1' });
    expect(h.authorization).toBeUndefined();
  });
});

describe('URLs', () => {
  it('apiRoot adds /v1 once', () => {
    expect(apiRoot('https://api.partnercenter.microsoft.com')).toBe('https://api.partnercenter.microsoft.com/v1');
    expect(apiRoot('https://api.partnercenter.microsoft.com/v1/')).toBe('https://api.partnercenter.microsoft.com/v1');
    expect(apiRoot('http://127.0.0.1:4010/V1')).toBe('http://127.0.0.1:4010/v1');
  });

  it('resolves paths and server links with or without /v1, and absolute links on the same origin only', () => {
    const root = 'https://api.partnercenter.microsoft.com/v1';
    expect(resolveUrl(root, '/customers', { size: '500', filter: undefined })).toBe(`${root}/customers?size=500`);
    expect(resolveUrl(root, '/v1/customers?size=2&seekOperation=Next')).toBe(`${root}/customers?size=2&seekOperation=Next`);
    expect(resolveUrl(root, 'customers/x/deviceBatches')).toBe(`${root}/customers/x/deviceBatches`);
    expect(resolveUrl(root, `${root}/customers/x`)).toBe(`${root}/customers/x`);
    expect(resolveUrl(root, 'https://evil.example/v1/customers')).toBeUndefined();
  });

  it('knows a loopback URL (practice mode) from a remote one', () => {
    expect(['http://127.0.0.1:4010', 'http://localhost:1', 'http://[::1]:9', 'http://127.9.9.9'].every(isLoopbackUrl)).toBe(true);
    expect(['https://api.partnercenter.microsoft.com', 'http://127.0.0.1.example.com', 'not a url'].some(isLoopbackUrl)).toBe(false);
  });
});
