import type { CameraView } from '../../../../renderer/src/scanner/camera-views';
import { describe, expect, it, vi } from 'vitest';
import {
  createCameraReaderWith,
  type CameraDeps,
  type CameraError,
  type CameraRead,
  type CameraStream,
} from '../../../../renderer/src/scanner/camera-reader';
import type { CameraAttemptCallback } from '../../../../renderer/src/scanner/camera-zxing';

class FakeTrack extends EventTarget {
  readyState: MediaStreamTrackState = 'live';
  readonly stop = vi.fn(() => {
    this.readyState = 'ended';
  });
  /** The device went away: browsers fire 'ended' only in this case, never for stop(). */
  unplug(): void {
    this.readyState = 'ended';
    this.dispatchEvent(new Event('ended'));
  }
}

class FakeStream implements CameraStream {
  readonly tracks = [new FakeTrack(), new FakeTrack()];
  getTracks(): FakeTrack[] {
    return this.tracks;
  }
}

const DEVICES: ReadonlyArray<Pick<MediaDeviceInfo, 'deviceId' | 'kind' | 'label'>> = [
  { deviceId: 'a', kind: 'videoinput', label: 'Logitech C920' },
  { deviceId: 'm', kind: 'audioinput', label: 'Mic' },
  { deviceId: 'b', kind: 'videoinput', label: '' },
];

function setup(overrides: Partial<CameraDeps<FakeStream>> = {}) {
  const streams: FakeStream[] = [];
  const controls = { stop: vi.fn() };
  let attempt: CameraAttemptCallback = () => {};
  let clock = 0;
  const deps: CameraDeps<FakeStream> = {
    getUserMedia: vi.fn(async () => {
      const stream = new FakeStream();
      streams.push(stream);
      return stream;
    }),
    enumerateDevices: vi.fn(async () => DEVICES),
    decodeStream: vi.fn(async (stream, video, onAttempt) => {
      // What zxing does: show the stream in the preview (typed MediaStream, hence Reflect).
      Reflect.set(video, 'srcObject', stream);
      attempt = onAttempt;
      return controls;
    }),
    ...overrides,
  };
  const reads: CameraRead[] = [];
  const errors: CameraError[] = [];
  const reader = createCameraReaderWith(deps, {
    onRead: (read) => reads.push(read),
    onError: (error) => errors.push(error),
    now: () => clock,
  });
  const video = document.createElement('video');
  return {
    deps,
    reader,
    video,
    streams,
    controls,
    reads,
    errors,
    /** One zxing attempt `ms` after the previous one. */
    /** Returns what the reader tells zxing's loop (the confirmer's decision, for the schedule). */
    frame(ms: number, text?: string, symbology: 'code128' | 'ean13' = 'code128', view: CameraView = 'aim') {
      clock += ms;
      return attempt(text === undefined ? { kind: 'miss', view, decodeMs: 3 } : { kind: 'read', text, symbology, view, decodeMs: 4 });
    },
    fail(error: unknown) {
      attempt({ kind: 'failed', error });
    },
  };
}

describe('camera reader', () => {
  it('opens the chosen camera exactly, or any camera without an id', async () => {
    const t = setup();
    await t.reader.start('cam-1', t.video);
    expect(t.deps.getUserMedia).toHaveBeenLastCalledWith({
      audio: false,
      video: { width: { ideal: 1280 }, height: { ideal: 720 }, deviceId: { exact: 'cam-1' } },
    });
    await t.reader.start(undefined, t.video);
    expect(t.deps.getUserMedia).toHaveBeenLastCalledWith({ audio: false, video: { width: { ideal: 1280 }, height: { ideal: 720 } } });
  });

  it('reports every read with its symbology and the confirmer verdict', async () => {
    const t = setup();
    expect(await t.reader.start(undefined, t.video)).toEqual({ status: 'started' });
    t.frame(75, '3905012345678');
    t.frame(75);
    t.frame(75, '3905012345678');
    t.frame(75, '3905012345678');
    t.frame(75, '4006381333931', 'ean13');
    expect(t.reads).toEqual([
      { text: '3905012345678', symbology: 'code128', view: 'aim', at: 75, decision: 'pending' },
      { text: '3905012345678', symbology: 'code128', view: 'aim', at: 225, decision: 'accepted' },
      { text: '3905012345678', symbology: 'code128', view: 'aim', at: 300, decision: 'suppressed' },
      { text: '4006381333931', symbology: 'ean13', view: 'aim', at: 375, decision: 'pending' },
    ]);
  });

  it('confirms per view: a neighbour read in the whole frame does not break the aim box pair', async () => {
    const t = setup();
    await t.reader.start(undefined, t.video);
    expect(t.frame(75, '3905012345678', 'code128', 'aim')).toBe('pending');
    expect(t.frame(75, '4006381333931', 'ean13', 'whole')).toBe('pending');
    expect(t.frame(75, '3905012345678', 'code128', 'aim')).toBe('accepted');
    // Same view, different value in between: the old rule, the pair is broken.
    expect(t.frame(75, '9ZB4K73', 'code128', 'reduced')).toBe('pending');
    expect(t.frame(75, 'XZB4K73', 'code128', 'reduced')).toBe('pending');
    expect(t.frame(75, '9ZB4K73', 'code128', 'reduced')).toBe('pending');
    expect(t.frame(75, '9ZB4K73', 'code128', 'reduced')).toBe('accepted');
    // A miss tells zxing nothing.
    expect(t.frame(75)).toBeUndefined();
  });

  it('does not confirm the same text read as two different symbologies', async () => {
    const t = setup();
    await t.reader.start(undefined, t.video);
    t.frame(75, '4006381333931', 'code128');
    t.frame(75, '4006381333931', 'ean13');
    expect(t.reads.map((r) => r.decision)).toEqual(['pending', 'pending']);
  });

  it('stop() ends the decode loop, stops every track and detaches the video', async () => {
    const t = setup();
    await t.reader.start(undefined, t.video);
    const stream = t.streams[0];
    if (stream === undefined) throw new Error('no stream opened');
    expect(t.video.srcObject).toBe(stream);
    expect(t.reader.running).toBe(true);
    t.reader.stop();
    expect(t.controls.stop).toHaveBeenCalledTimes(1);
    expect(stream.tracks.map((track) => track.readyState)).toEqual(['ended', 'ended']);
    expect(stream.tracks.every((track) => track.stop.mock.calls.length === 1)).toBe(true);
    expect(t.video.srcObject).toBeNull();
    expect(t.reader.running).toBe(false);
    // Reads arriving after stop are dropped; a second stop is harmless.
    t.frame(75, 'LATE');
    t.reader.stop();
    expect(t.reads).toEqual([]);
    expect(t.errors).toEqual([]);
  });

  it('starting again releases the previous camera first', async () => {
    const t = setup();
    await t.reader.start('a', t.video);
    await t.reader.start('b', t.video);
    expect(t.streams[0]?.tracks.every((track) => track.readyState === 'ended')).toBe(true);
    expect(t.streams[1]?.tracks.every((track) => track.readyState === 'live')).toBe(true);
  });

  it('a stop() while the camera is still opening wins: its tracks are stopped at once', async () => {
    let open: (stream: FakeStream) => void = () => {};
    const pending = new FakeStream();
    const t = setup({ getUserMedia: () => new Promise((resolve) => (open = resolve)) });
    const starting = t.reader.start(undefined, t.video);
    t.reader.stop();
    open(pending);
    expect(await starting).toEqual({ status: 'stopped' });
    expect(pending.tracks.every((track) => track.readyState === 'ended')).toBe(true);
    expect(t.deps.decodeStream).not.toHaveBeenCalled();
    expect(t.reader.running).toBe(false);
  });

  it('maps a refused getUserMedia to a denied error without starting anything', async () => {
    const t = setup({ getUserMedia: () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError')) });
    const result = await t.reader.start(undefined, t.video);
    expect(result.status === 'failed' && result.error.kind).toBe('denied');
    expect(t.reader.running).toBe(false);
  });

  it('fails the start, and releases the camera, when the video cannot play', async () => {
    const t = setup({ decodeStream: () => Promise.reject(new Error('Video stream has ended before any data could be loaded.')) });
    const result = await t.reader.start(undefined, t.video);
    expect(result.status === 'failed' && result.error.kind).toBe('other');
    expect(t.streams[0]?.tracks.every((track) => track.readyState === 'ended')).toBe(true);
  });

  it('an unplugged camera stops the reader and reports "none"', async () => {
    const t = setup();
    await t.reader.start(undefined, t.video);
    t.streams[0]?.tracks[0]?.unplug();
    expect(t.errors.map((e) => e.kind)).toEqual(['none']);
    expect(t.reader.running).toBe(false);
    expect(t.streams[0]?.tracks[1]?.readyState).toBe('ended');
  });

  it('a decoder crash mid-scan stops the reader and reports it', async () => {
    const t = setup();
    await t.reader.start(undefined, t.video);
    t.fail(new RangeError('bad canvas'));
    expect(t.errors.map((e) => e.kind)).toEqual(['other']);
    expect(t.reader.running).toBe(false);
  });

  it('a decoder crash on the very first frame fails start() instead of calling onError', async () => {
    const t = setup({
      decodeStream: async (_stream, _video, onAttempt) => {
        onAttempt({ kind: 'failed', error: new RangeError('bad canvas') });
        return { stop: vi.fn() };
      },
    });
    const result = await t.reader.start(undefined, t.video);
    expect(result.status === 'failed' && result.error.kind).toBe('other');
    expect(t.errors).toEqual([]);
    expect(t.reader.running).toBe(false);
  });

  describe('listCameras', () => {
    it('asks for permission first (so labels are filled), releases that probe, lists video inputs', async () => {
      const t = setup();
      const listed = await t.reader.listCameras();
      expect(t.deps.getUserMedia).toHaveBeenCalledWith({ video: true });
      expect(vi.mocked(t.deps.getUserMedia).mock.invocationCallOrder[0]).toBeLessThan(
        vi.mocked(t.deps.enumerateDevices).mock.invocationCallOrder[0] ?? 0,
      );
      expect(t.streams[0]?.tracks.every((track) => track.readyState === 'ended')).toBe(true);
      expect(listed).toEqual({
        ok: true,
        cameras: [
          { deviceId: 'a', label: 'Logitech C920' },
          { deviceId: 'b', label: 'Camera 2' },
        ],
      });
    });

    it('does not probe again while the camera is running', async () => {
      const t = setup();
      await t.reader.start(undefined, t.video);
      await t.reader.listCameras();
      expect(t.deps.getUserMedia).toHaveBeenCalledTimes(1);
    });

    it('reports "none" when there is no camera, and the mapped error when the probe fails', async () => {
      expect(await setup({ enumerateDevices: async () => [] }).reader.listCameras()).toMatchObject({ ok: false, error: { kind: 'none' } });
      const busy = setup({ getUserMedia: () => Promise.reject(new DOMException('in use', 'NotReadableError')) });
      expect(await busy.reader.listCameras()).toMatchObject({ ok: false, error: { kind: 'busy' } });
    });
  });
});
