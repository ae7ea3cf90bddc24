import { describe, expect, it } from 'vitest';
import { parseStatusUri, statusLocation } from '../../../../electron/partner-center/location';

const CID = 'c7f3c849-0000-4000-8000-000000000001';
const TID = 'beba2053-5e3c-4a12-9d2c-6f1f0b8a1c2e';
const expected = { customerId: CID, trackingId: TID };

describe('parseStatusUri', () => {
  it.each([
    ['relative without /v1 (the documented sample)', `/customers/${CID}/batchJobStatus/${TID}`],
    ['relative with /v1', `/v1/customers/${CID}/batchJobStatus/${TID}`],
    ['absolute', `https://api.partnercenter.microsoft.com/v1/customers/${CID}/batchJobStatus/${TID}`],
    ['absolute emulator', `http://127.0.0.1:4010/v1/customers/${CID}/batchJobStatus/${TID}`],
    ['other casing', `/V1/Customers/${CID}/batchjobstatus/${TID}`],
    ['trailing slash', `/customers/${CID}/batchJobStatus/${TID}/`],
    ['query string', `/customers/${CID}/batchJobStatus/${TID}?x=1`],
    ['no leading slash', `customers/${CID}/batchJobStatus/${TID}`],
    ['surrounding spaces', `  /customers/${CID}/batchJobStatus/${TID}  `],
  ])('reads %s', (_name, uri) => {
    expect(parseStatusUri(uri)).toEqual(expected);
  });

  it('decodes percent-encoded segments', () => {
    expect(parseStatusUri(`/customers/${CID}/batchJobStatus/a%20b`)).toEqual({ customerId: CID, trackingId: 'a b' });
  });

  it.each([undefined, null, '', '/customers', `/customers/${CID}/deviceBatches/x`, 'http://', 'not a url at all'])('rejects %s', (uri) => {
    expect(parseStatusUri(uri)).toBeUndefined();
  });
});

describe('statusLocation', () => {
  it('prefers the Location header', () => {
    expect(statusLocation(`/customers/${CID}/batchJobStatus/${TID}`, { location: `/customers/${CID}/batchJobStatus/other` }, CID)).toEqual(expected);
  });

  it('falls back to a link in the body: location, links.self.uri, or a bare batchTrackingId', () => {
    expect(statusLocation(null, { location: `/v1/customers/${CID}/batchJobStatus/${TID}` }, CID)).toEqual(expected);
    expect(statusLocation(null, { links: { self: { uri: `/customers/${CID}/batchJobStatus/${TID}` } } }, CID)).toEqual(expected);
    expect(statusLocation(null, { batchTrackingId: TID }, CID)).toEqual(expected);
  });

  it('uses the body when the header is unreadable', () => {
    expect(statusLocation('/something/else', { batchTrackingId: TID }, CID)).toEqual(expected);
  });

  it('gives up when neither names a status', () => {
    expect(statusLocation(null, undefined, CID)).toBeUndefined();
    expect(statusLocation('', { other: 1 }, CID)).toBeUndefined();
    expect(statusLocation(null, [1, 2], CID)).toBeUndefined();
  });
});
