import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../../../shared/contract';
import { createApiClient } from '../../../../../renderer/src/api/client';
import { TransportError } from '../../../../../renderer/src/api/transport';
import { createScanStore, RECENT_LIMIT } from '../../../../../renderer/src/features/scan/scan-store';
import type { FeedbackSound } from '../../../../../renderer/src/scanner/feedback-sounds';
import { ScanFake } from './scan-fake';

afterEach(() => vi.useRealTimers());

function setup(fake = new ScanFake()) {
  fake.install();
  const batch = fake.addBatch('Pallet 7');
  const sounds: FeedbackSound[] = [];
  const store = createScanStore({ api: fake.api, batch, feedback: (s) => sounds.push(s), retryMs: 50 });
  store.getState().activate();
  return { fake, store, sounds };
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('scan store', () => {
  it('plays one sound per verdict: accepted, duplicate, invalid, and two beeps for a question', async () => {
    const { store, sounds } = setup();
    for (const raw of ['3905012345678', '3905012345678', '123456789013', '4006381333931']) store.getState().submit({ raw, source: 'wedge' });
    await vi.waitFor(() => expect(store.getState().queued).toBe(0));
    expect(sounds).toEqual(['accepted', 'duplicate', 'invalid', 'duplicate']);
    expect(store.getState().banner.kind).toBe('confirm');
  });

  it('pauses the queue on a question and resumes in order after the answer', async () => {
    const { fake, store } = setup();
    store.getState().submit({ raw: '4006381333931', source: 'wedge' });
    store.getState().submit({ raw: '3905012345678', source: 'wedge' });
    await vi.waitFor(() => expect(store.getState().confirm?.value).toBe('4006381333931'));
    await settle();
    expect(fake.recordCalls()).toHaveLength(1);
    expect(store.getState().queued).toBe(1);
    store.getState().keepPkid();
    await vi.waitFor(() => expect(store.getState().queued).toBe(0));
    expect(fake.recordCalls().map((c) => [c.raw, c.confirmPkid ?? false])).toEqual([
      ['4006381333931', false],
      ['4006381333931', true],
      ['3905012345678', false],
    ]);
    expect(store.getState().count).toBe(2);
  });

  it('a new scan during the question answers it: the same label again keeps it, another one replaces it visibly', async () => {
    const { fake, store } = setup();
    store.getState().submit({ raw: '4006381333931', source: 'wedge' });
    await vi.waitFor(() => expect(store.getState().confirm?.value).toBe('4006381333931'));
    // Another box's label: the question is dropped on screen and in "Last scans", the new read is recorded.
    store.getState().submit({ raw: '3905012345678', source: 'wedge' });
    expect(store.getState().confirm).toBeNull();
    expect(store.getState().banner).toMatchObject({ kind: 'dropped', message: 'Dropped 4006381333931: not recorded. The new scan was taken instead.' });
    await vi.waitFor(() => expect(store.getState().queued).toBe(0));
    expect(store.getState().entries.map((e) => [e.value, e.kind, e.dropped === true])).toEqual([
      ['3905012345678', 'accepted', false],
      ['4006381333931', 'confirm', true],
    ]);
    // The same label scanned again while asked: that is a yes.
    store.getState().submit({ raw: '5012345678900', source: 'wedge' });
    await vi.waitFor(() => expect(store.getState().confirm?.value).toBe('5012345678900'));
    store.getState().submit({ raw: '5012345678900', source: 'wedge' });
    await vi.waitFor(() => expect(store.getState().queued).toBe(0));
    expect(fake.recordCalls().map((c) => [c.raw, c.confirmPkid ?? false])).toEqual([
      ['4006381333931', false],
      ['3905012345678', false],
      ['5012345678900', false],
      ['5012345678900', true],
    ]);
    expect(store.getState().entries[0]).toMatchObject({ value: '5012345678900', kind: 'accepted' });
    expect(store.getState().entries.filter((e) => e.kind === 'confirm' && !e.dropped)).toEqual([]);
  });

  it('Esc leaves the dropped read in "Last scans" as dropped, not as an open question', async () => {
    const { store } = setup();
    store.getState().submit({ raw: '4006381333931', source: 'wedge' });
    await vi.waitFor(() => expect(store.getState().confirm).not.toBeNull());
    store.getState().dropPkid();
    expect(store.getState().entries[0]).toMatchObject({ kind: 'confirm', dropped: true, message: 'Dropped: 4006381333931 was not recorded.' });
  });

  it('keeps a scan when the station cannot be reached and sends it when it answers', async () => {
    const fake = new ScanFake();
    fake.install();
    let down = true;
    const call = fake.station.call.bind(fake.station);
    fake.station.call = async (channel, input, token): Promise<Result<unknown>> => {
      if (down && channel === 'scans:record') throw new TransportError('unreachable', 'The station is not reachable.');
      return call(channel, input, token);
    };
    const batch = fake.addBatch('Pallet 7');
    const api = createApiClient(fake.station, null);
    const store = createScanStore({ api, batch, retryMs: 20 });
    store.getState().activate();
    store.getState().submit({ raw: '3905012345678', source: 'wedge' });
    await vi.waitFor(() => expect(store.getState().offline).toContain('1 scan is kept here'));
    expect(store.getState().queued).toBe(1);
    down = false;
    await vi.waitFor(() => expect(store.getState().banner.kind).toBe('accepted'));
    expect(store.getState().offline).toBeNull();
    expect(store.getState().queued).toBe(0);
  });

  it("shows a core refusal (e.g. a closed batch) as red, with the core's words", async () => {
    const { fake, store, sounds } = setup();
    fake.station.call = async (_channel, _input, _token) => ({ ok: false, error: { code: 'INVALID_STATE', message: 'Batch Pallet 7 is closed for scanning.' } });
    store.getState().submit({ raw: '3905012345678', source: 'camera', symbology: 'code128' });
    await vi.waitFor(() => expect(store.getState().banner.kind).toBe('invalid'));
    expect(store.getState().banner.message).toBe('Batch Pallet 7 is closed for scanning.');
    expect(store.getState().entries[0]).toMatchObject({ kind: 'invalid', source: 'camera' });
    expect(sounds).toEqual(['invalid']);
  });

  it('sends camera reads with their symbology', async () => {
    const { fake, store } = setup();
    store.getState().submit({ raw: '9ZB4K73', source: 'camera', symbology: 'code128' });
    await vi.waitFor(() => expect(store.getState().waitingSerial).toBe('9ZB4K73'));
    expect(fake.recordCalls()[0]).toEqual({ batchId: 1, raw: '9ZB4K73', source: 'camera', symbology: 'code128' });
  });

  it('records the waiting serial by its tuple in queue order, then the box is no longer open', async () => {
    const { fake, store } = setup();
    expect(store.getState().submitTuple({ manufacturer: 'HP', model: 'HP EliteBook 840 14 inch G10 Notebook PC' })).toBe(false);
    store.getState().submit({ raw: '5CG4210XYZ', source: 'wedge' });
    await vi.waitFor(() => expect(store.getState().waitingBox).toMatchObject({ serial: '5CG4210XYZ', manufacturer: 'HP' }));
    expect(store.getState().submitTuple({ manufacturer: 'HP', model: 'HP EliteBook 840 14 inch G10 Notebook PC' })).toBe(true);
    await vi.waitFor(() => expect(store.getState().queued).toBe(0));
    expect(store.getState().banner).toMatchObject({ kind: 'accepted', message: 'Serial 5CG4210XYZ accepted as HP HP EliteBook 840 14 inch G10 Notebook PC (no PKID).' });
    expect(fake.tupleCalls()).toEqual([{ batchId: 1, raw: '5CG4210XYZ', source: 'wedge', manufacturer: 'HP', model: 'HP EliteBook 840 14 inch G10 Notebook PC' }]);
    expect(store.getState()).toMatchObject({ waitingSerial: null, waitingBox: null, count: 1 });
    expect(store.getState().entries[0]?.identity).toEqual({ kind: 'tuple', label: 'Serial 5CG4210XYZ · HP · HP EliteBook 840 14 inch G10 Notebook PC' });
  });

  it('keeps at most the last 20 lines, newest first', async () => {
    const { store } = setup();
    for (let i = 0; i < 25; i++) store.getState().submit({ raw: `12345${i}`, source: 'wedge' });
    await vi.waitFor(() => expect(store.getState().queued).toBe(0));
    const entries = store.getState().entries;
    expect(entries).toHaveLength(RECENT_LIMIT);
    expect(entries[0]?.value).toBe('1234524');
  });

  it('sends nothing after dispose', async () => {
    const { fake, store } = setup();
    store.getState().dispose();
    store.getState().submit({ raw: '3905012345678', source: 'wedge' });
    await settle();
    expect(fake.recordCalls()).toEqual([]);
  });
});
