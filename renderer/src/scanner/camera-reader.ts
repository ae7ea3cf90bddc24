// Webcam scanning: owns the camera stream, feeds zxing's reads through the confirmer, and turns
// every camera failure into a CameraError the page can show.
//
// We call getUserMedia ourselves instead of zxing's decodeFromVideoDevice: zxing keeps every stream
// it opens in a static list and, on stop, ends only the video tracks (browser #17: "camera still
// busy after stop"). Owning the stream lets stop() end every track, which the tests check.
import { createCameraConfirmer, type CameraConfirmOptions, type CameraReadDecision } from './camera-confirm';
import { AIM_FRACTION, type AimFraction } from './camera-aim';
import { cameraErrorOf, toCameraError, type CameraError } from './camera-errors';
import type { CameraSymbology } from './camera-formats';
import type { CameraView } from './camera-views';
import { zxingDecodeStream, type DecodeStream } from './camera-zxing';

export type { CameraError, CameraErrorKind } from './camera-errors';
export type { CameraSymbology } from './camera-formats';
export type { CameraView } from './camera-views';

/** One decode attempt, read or not: for the benchmark's time per frame and reads per second. */
export interface CameraAttemptInfo {
  readonly view: CameraView;
  readonly decodeMs: number;
  readonly decision?: CameraReadDecision;
}

export interface CameraRead {
  readonly text: string;
  readonly symbology: CameraSymbology;
  /** The part of the frame it was read in (camera-views). */
  readonly view: CameraView;
  /** Same clock as `now` (performance.now by default). */
  readonly at: number;
  readonly decision: CameraReadDecision;
}

export interface CameraDevice {
  readonly deviceId: string;
  readonly label: string;
}

export type StartResult =
  | { readonly status: 'started' }
  /** stop() was called while the camera was still opening. */
  | { readonly status: 'stopped' }
  | { readonly status: 'failed'; readonly error: CameraError };

export type ListResult = { readonly ok: true; readonly cameras: readonly CameraDevice[] } | { readonly ok: false; readonly error: CameraError };

export interface CameraReader {
  start(deviceId: string | undefined, video: HTMLVideoElement): Promise<StartResult>;
  /** Ends the decode loop and every track; safe to call at any time, any number of times. */
  stop(): void;
  listCameras(): Promise<ListResult>;
  readonly running: boolean;
}

export interface CameraReaderOptions {
  /** Every decoded frame, with the confirmer's verdict; act on 'accepted' only. */
  readonly onRead: (read: CameraRead) => void;
  /** The camera failed after start() had succeeded (unplugged, decoder crashed). It is stopped. */
  readonly onError?: (error: CameraError) => void;
  /** Pause between decode attempts, clamped to 50–100 ms (default 75). */
  readonly scanIntervalMs?: number;
  readonly confirm?: CameraConfirmOptions;
  /** The aim box (see camera-aim), decoded every other attempt; false leaves it out. */
  readonly aim?: AimFraction | false;
  /** Every attempt's view and decode time (reads and misses). */
  readonly onAttempt?: (attempt: CameraAttemptInfo) => void;
  readonly now?: () => number;
}

export type CameraTrack = Pick<MediaStreamTrack, 'stop' | 'addEventListener'>;
export interface CameraStream {
  getTracks(): CameraTrack[];
}

/** The browser surface the reader uses; tests pass fakes. */
export interface CameraDeps<S extends CameraStream> {
  getUserMedia(constraints: MediaStreamConstraints): Promise<S>;
  enumerateDevices(): Promise<ReadonlyArray<Pick<MediaDeviceInfo, 'deviceId' | 'kind' | 'label'>>>;
  decodeStream: DecodeStream<S>;
}

export const DEFAULT_SCAN_INTERVAL_MS = 75;
const SUCCESS_DELAY_MS = 50;

export function createCameraReader(options: CameraReaderOptions): CameraReader {
  const media: MediaDevices | undefined = navigator.mediaDevices;
  const scanIntervalMs = clampInterval(options.scanIntervalMs);
  // An insecure origin has no navigator.mediaDevices at all; report it like any other failure.
  const unavailable = (): Promise<never> => Promise.reject(new Error('navigator.mediaDevices is unavailable'));
  return createCameraReaderWith<MediaStream>(
    {
      getUserMedia: (constraints) => (media ? media.getUserMedia(constraints) : unavailable()),
      enumerateDevices: () => (media ? media.enumerateDevices() : unavailable()),
      decodeStream: zxingDecodeStream({
        attemptDelayMs: scanIntervalMs,
        successDelayMs: Math.min(SUCCESS_DELAY_MS, scanIntervalMs),
        aim: options.aim === false ? undefined : (options.aim ?? AIM_FRACTION),
      }),
    },
    options,
  );
}

export function createCameraReaderWith<S extends CameraStream>(deps: CameraDeps<S>, options: CameraReaderOptions): CameraReader {
  const now = options.now ?? (() => performance.now());
  const confirmer = createCameraConfirmer(options.confirm);
  // Bumped by every start/stop so a start() overtaken by stop() cleans up instead of running.
  let generation = 0;
  let active: { stream: S; video: HTMLVideoElement; controls?: { stop(): void } } | undefined;

  function release(): void {
    if (active === undefined) return;
    const { stream, video, controls } = active;
    active = undefined;
    controls?.stop();
    for (const track of stream.getTracks()) track.stop();
    video.srcObject = null;
  }

  function fail(error: CameraError): void {
    reader.stop();
    options.onError?.(error);
  }

  const reader: CameraReader = {
    get running() {
      return active !== undefined;
    },

    async start(deviceId, video) {
      reader.stop();
      const mine = generation;
      // A failure before start() returns is start()'s result; after that it goes to onError.
      let startFailure: CameraError | undefined;
      let started = false;
      const failed = (error: CameraError): void => {
        if (mine !== generation) return;
        if (started) fail(error);
        else startFailure ??= error;
      };
      let stream: S;
      try {
        stream = await deps.getUserMedia(constraintsFor(deviceId));
      } catch (error) {
        return { status: 'failed', error: toCameraError(error) };
      }
      if (mine !== generation) {
        for (const track of stream.getTracks()) track.stop();
        return { status: 'stopped' };
      }
      active = { stream, video };
      for (const track of stream.getTracks()) {
        // Fires when the device goes away (USB unplugged), never for our own track.stop().
        track.addEventListener('ended', () => failed(cameraErrorOf('none')));
      }
      let controls: { stop(): void };
      try {
        controls = await deps.decodeStream(stream, video, (attempt) => {
          if (mine !== generation) return undefined;
          if (attempt.kind === 'read') {
            const at = now();
            const key = `${attempt.symbology}:${attempt.text}`;
            const decision = confirmer.read(key, at, attempt.view);
            options.onAttempt?.({ view: attempt.view, decodeMs: attempt.decodeMs, decision });
            options.onRead({ text: attempt.text, symbology: attempt.symbology, view: attempt.view, at, decision });
            return decision;
          }
          if (attempt.kind === 'miss') {
            if (attempt.view !== undefined) options.onAttempt?.({ view: attempt.view, decodeMs: attempt.decodeMs ?? 0 });
          } else {
            failed(toCameraError(attempt.error));
          }
          return undefined;
        });
      } catch (error) {
        if (mine !== generation) return { status: 'stopped' };
        reader.stop();
        return { status: 'failed', error: toCameraError(error) };
      }
      if (mine !== generation || active === undefined) {
        controls.stop();
        return { status: 'stopped' };
      }
      active.controls = controls;
      if (startFailure !== undefined) {
        reader.stop();
        return { status: 'failed', error: startFailure };
      }
      started = true;
      return { status: 'started' };
    },

    stop() {
      generation += 1;
      release();
    },

    async listCameras() {
      try {
        // Without a granted getUserMedia, labels are empty and some platforms list nothing
        // (zxing browser #97). Skip it while running: permission is already there.
        if (active === undefined) {
          const probe = await deps.getUserMedia({ video: true });
          for (const track of probe.getTracks()) track.stop();
        }
        const devices = await deps.enumerateDevices();
        const cameras = devices
          .filter((device) => device.kind === 'videoinput')
          .map((device, index) => ({ deviceId: device.deviceId, label: device.label || `Camera ${index + 1}` }));
        return cameras.length > 0 ? { ok: true, cameras } : { ok: false, error: cameraErrorOf('none') };
      } catch (error) {
        return { ok: false, error: toCameraError(error) };
      }
    },
  };
  return reader;
}

function constraintsFor(deviceId: string | undefined): MediaStreamConstraints {
  // 720p gives fine Code 128 bars enough pixels at arm's length; decode stays a few ms per frame.
  const size = { width: { ideal: 1280 }, height: { ideal: 720 } };
  return { audio: false, video: deviceId === undefined ? size : { ...size, deviceId: { exact: deviceId } } };
}

// Decoding runs synchronously on the renderer's main thread: below 50 ms it starts to cost UI
// smoothness, above 100 ms the second (confirming) read comes noticeably late.
function clampInterval(ms: number | undefined): number {
  return Math.min(100, Math.max(50, ms ?? DEFAULT_SCAN_INTERVAL_MS));
}
