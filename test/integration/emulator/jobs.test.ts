import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../../electron/practice/emulator/index';
import { CONTOSO, FABRIKAM, PK, call, createBatch, devicesStatus, start } from './helpers';

let emu: RunningEmulator;
beforeEach(async () => {
  await emu?.close();
  emu = await start();
});
afterAll(() => emu.close());

async function submit(devices: unknown[]): Promise<string> {
  const res = await createBatch(emu, devices);
  expect(res.status).toBe(202);
  return `/v1${res.headers.get('location') ?? ''}`;
}

const poll = async (loc: string) => (await call(emu, 'GET', loc)).json;

describe('job progression by polls', () => {
  it('queued -> processing -> finished, one step per poll by default, with times', async () => {
    const loc = await submit([{ productKey: PK.free[0] }]);
    const q = await poll(loc);
    expect(q).toMatchObject({ status: 'queued', startedTime: null, completedTime: null, devicesStatus: [], attributes: { objectType: 'BatchUploadDetails' } });
    expect(q.batchTrackingId).toBe(loc.split('/').pop());
    const p = await poll(loc);
    expect(p.status).toBe('processing');
    expect(Date.parse(String(p.startedTime))).not.toBeNaN();
    expect(p.completedTime).toBeNull();
    expect(emu.control.stats().registrations).toBe(0);
    const f = await poll(loc);
    expect(f.status).toBe('finished');
    expect(Date.parse(String(f.completedTime))).not.toBeNaN();
    expect(devicesStatus(f)).toHaveLength(1);
    expect(emu.control.stats().registrations).toBe(1);
    expect((await poll(loc)).status).toBe('finished');
  });

  it('pollsPerStep and devicesPerStep make devicesStatus fill as devices finish', async () => {
    emu.control.setSwitches({ jobAdvance: { pollsPerStep: 2, devicesPerStep: 2 } });
    const loc = await submit(PK.free.map((productKey) => ({ productKey })));
    const states: [string, number][] = [];
    for (let i = 0; i < 10; i++) {
      const s = await poll(loc);
      states.push([String(s.status), devicesStatus(s).length]);
    }
    expect(states).toEqual([
      ['queued', 0], ['queued', 0], ['processing', 0], ['processing', 0], ['processing', 2], ['processing', 2],
      ['processing', 4], ['processing', 4], ['finished', 5], ['finished', 5],
    ]);
  });

  it('pendingDevicesInStatus lists unfinished devices as in-progress', async () => {
    emu.control.setSwitches({ pendingDevicesInStatus: true, jobAdvance: { devicesPerStep: 1 } });
    const loc = await submit([{ productKey: PK.free[0] }, { productKey: PK.otherTenant }]);
    await poll(loc);
    const processing = await poll(loc);
    expect(devicesStatus(processing).map((d) => d.status)).toEqual(['in-progress', 'in-progress']);
    const half = await poll(loc);
    expect(devicesStatus(half).map((d) => d.status)).toEqual(['finished', 'in-progress']);
    const done = await poll(loc);
    expect(done.status).toBe('finished_with_errors');
    expect(devicesStatus(done).map((d) => d.status)).toEqual(['finished', 'finished_with_errors']);
  });

  it('both triggers 0 finishes jobs at once', async () => {
    emu.control.setSwitches({ jobAdvance: { pollsPerStep: 0, msPerStep: 0 } });
    const loc = await submit([{ productKey: PK.free[0] }]);
    expect(emu.control.stats().registrations).toBe(1);
    expect((await poll(loc)).status).toBe('finished');
  });
});

describe('job progression by time and stuck jobs', () => {
  it('msPerStep advances with the emulator clock, without polls', async () => {
    emu.control.setSwitches({ jobAdvance: { pollsPerStep: 0, msPerStep: 1000 } });
    const loc = await submit([{ productKey: PK.free[0] }]);
    expect((await poll(loc)).status).toBe('queued');
    emu.control.advanceTime(1000);
    expect((await poll(loc)).status).toBe('processing');
    emu.control.advanceTime(1000);
    expect(emu.control.stats().registrations).toBe(1);
    expect((await poll(loc)).status).toBe('finished');
  });

  it('stuckJobs holds jobs in processing until switched off or completed', async () => {
    emu.control.setSwitches({ stuckJobs: true });
    const loc = await submit([{ productKey: PK.free[0] }]);
    const loc2 = await submit([{ productKey: PK.free[1] }]);
    for (let i = 0; i < 5; i++) await poll(loc);
    expect((await poll(loc)).status).toBe('processing');
    emu.control.setSwitches({ stuckJobs: false });
    expect((await poll(loc)).status).toBe('finished');
    emu.control.setSwitches({ stuckJobs: true });
    emu.control.completeJobs();
    expect((await poll(loc2)).status).toBe('finished');
  });
});

describe('job lookup', () => {
  it('404 for an unknown tracking id or another customer\'s job', async () => {
    const loc = await submit([{ productKey: PK.free[0] }]);
    expect((await call(emu, 'GET', `/v1/customers/${CONTOSO}/batchJobStatus/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await call(emu, 'GET', loc.replace(CONTOSO, FABRIKAM))).status).toBe(404);
    expect((await call(emu, 'GET', loc.replace('batchJobStatus', 'BATCHJOBSTATUS'))).status).toBe(200);
  });

  it('locationStyle v1/absolute and statusLink body/both change where the job link goes', async () => {
    emu.control.setSwitches({ locationStyle: 'v1' });
    expect((await createBatch(emu, [{ productKey: PK.free[0] }])).headers.get('location')).toMatch(/^\/v1\/customers\//);
    emu.control.setSwitches({ locationStyle: 'absolute', statusLink: 'body' });
    const body = await createBatch(emu, [{ productKey: PK.free[1] }]);
    expect(body.headers.get('location')).toBeNull();
    expect(body.json.location).toMatch(new RegExp(`^${emu.url}/v1/customers/${CONTOSO}/batchJobStatus/`));
    expect(body.json.links).toMatchObject({ self: { uri: body.json.location, method: 'GET' } });
    expect((await call(emu, 'GET', String(body.json.location))).status).toBe(200);
    emu.control.setSwitches({ locationStyle: 'relative', statusLink: 'both' });
    const both = await createBatch(emu, [{ productKey: PK.free[2] }]);
    expect(both.headers.get('location')).toBe(both.json.location);
  });
});
