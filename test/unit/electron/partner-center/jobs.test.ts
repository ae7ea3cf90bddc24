import { describe, expect, it } from 'vitest';
import { batchJobStatusSchema } from '../../../../electron/partner-center/jobs';

const parse = (device: Record<string, unknown>) => {
  const job = batchJobStatusSchema.parse({ status: 'finished', devicesStatus: [device] });
  return job.devices[0];
};

describe('a device status', () => {
  it.each([
    ['no errorCode', { status: 'finished' }, false],
    ['errorCode null', { status: 'finished', errorCode: null }, false],
    ['errorCode ""', { status: 'finished', errorCode: '' }, false],
    ['errorCode "  "', { status: 'finished', errorCode: '  ' }, false],
    ['errorCode "0"', { status: 'finished', errorCode: '0' }, false],
    ['errorCode 0 (a number)', { status: 'finished', errorCode: 0 }, false],
    ['errorCode "808"', { status: 'finished_with_errors', errorCode: '808' }, true],
    ['errorCode "806" with status finished', { status: 'finished', errorCode: '806' }, true],
    ['finished_with_errors without a code', { status: 'finished_with_errors', errorCode: '' }, true],
    ['"0" but finished_with_errors', { status: 'finished_with_errors', errorCode: '0' }, true],
  ])('%s: failed=%s', (_name, device, failed) => {
    expect(parse(device)?.failed).toBe(failed);
  });

  it('reads "0" as no code at all', () => {
    expect(parse({ status: 'finished', errorCode: '0' })?.errorCode).toBeNull();
  });

  it('may name no device id (hash-only uploads)', () => {
    expect(parse({ status: 'finished' })).toMatchObject({ deviceId: null, serialNumber: null, productKey: null });
  });
});
