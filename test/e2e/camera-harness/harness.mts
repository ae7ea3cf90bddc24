// Browser side of the fake-webcam test: the real camera reader on a page, nothing else. The .mts
// extension keeps this DOM file out of the Node tsconfig; ./tsconfig.json type-checks it.
import { BrowserMultiFormatReader } from '@zxing/browser';
import { BarcodeFormat } from '@zxing/library';
import { AIM_FRACTION } from '../../../renderer/src/scanner/camera-aim';
import { createCameraConfirmer, DEFAULT_REPEAT_MS } from '../../../renderer/src/scanner/camera-confirm';
import {
  createCameraReader,
  DEFAULT_SCAN_INTERVAL_MS,
  type CameraAttemptInfo,
  type CameraError,
  type CameraRead,
  type CameraReader,
} from '../../../renderer/src/scanner/camera-reader';
import { createViewSchedule, DEFAULT_CYCLE } from '../../../renderer/src/scanner/camera-schedule';
import { CAMERA_VIEWS, type CameraView } from '../../../renderer/src/scanner/camera-views';
import { createCanvasAttempt } from '../../../renderer/src/scanner/camera-zxing';
import type { CameraHarness, CompareOptions, PhotoComparison } from './harness-state';

const video = document.querySelector('video');
if (video === null) throw new Error('harness page has no <video>');

// Keep every stream handed out, to prove stop() ended all their tracks.
const handedOut: MediaStream[] = [];
const getUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
navigator.mediaDevices.getUserMedia = async (constraints) => {
  const stream = await getUserMedia(constraints);
  handedOut.push(stream);
  return stream;
};

const reads: CameraRead[] = [];
const attempts: CameraAttemptInfo[] = [];
const errors: CameraError[] = [];
let startedAt: number | undefined;
const callbacks = {
  onRead: (read: CameraRead) => reads.push(read),
  onAttempt: (attempt: CameraAttemptInfo) => attempts.push(attempt),
  onError: (error: CameraError) => errors.push(error),
};
let reader: CameraReader = createCameraReader(callbacks);

// Plain zxing as anyone would use it: BrowserMultiFormatReader, no hints, the whole canvas.
// Its MultiFormatReader console.warns every NotFound (zxing-js/library #648): silence it here only.
const plainReader = new BrowserMultiFormatReader();
function plainDecode(canvas: HTMLCanvasElement): PhotoComparison['plain'] {
  const warn = console.warn;
  console.warn = () => undefined;
  try {
    const result = plainReader.decodeFromCanvas(canvas);
    return { text: result.getText(), format: BarcodeFormat[result.getBarcodeFormat()] ?? String(result.getBarcodeFormat()) };
  } catch {
    return null;
  } finally {
    console.warn = warn;
  }
}

const isView = (view: string): view is CameraView => (CAMERA_VIEWS as readonly string[]).includes(view);

async function comparePhoto(name: string, options: CompareOptions): Promise<PhotoComparison> {
  const image = new Image();
  image.src = `/files/${encodeURIComponent(name)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.naturalWidth;
  canvas.height = image.naturalHeight;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (context === null) throw new Error('no 2D context');
  context.drawImage(image, 0, 0);
  const plainStarted = performance.now();
  const plain = plainDecode(canvas);
  const plainMs = performance.now() - plainStarted;

  // The station's reader on a still frame, as the live loop runs it: the same decoder, schedule and
  // confirmer, one view per attempt, attempts DEFAULT_SCAN_INTERVAL_MS apart on the confirmer's clock.
  const cycle = options.cycle?.filter(isView) ?? DEFAULT_CYCLE;
  const schedule = createViewSchedule(cycle);
  const confirmer = createCameraConfirmer();
  const attempt = createCanvasAttempt(AIM_FRACTION);
  const total = options.attempts ?? DEFAULT_CYCLE.length + 4;
  const accepted: string[] = [];
  const raw: Array<{ text: string; view: string }> = [];
  const decodeMs: number[] = [];
  let attemptsToAccept: number | null = null;
  for (let n = 0; n < total; n++) {
    const started = performance.now();
    // Every attempt reads the canvas afresh, as the live loop does with each new frame.
    const view = schedule.next();
    const read = attempt(context, canvas.width, canvas.height, view);
    decodeMs.push(performance.now() - started);
    if (read === undefined) {
      schedule.report(view, 'miss');
      continue;
    }
    raw.push({ text: read.text, view });
    const decision = confirmer.read(`${read.symbology}:${read.text}`, n * DEFAULT_SCAN_INTERVAL_MS, view);
    schedule.report(view, decision === 'pending' ? 'pending' : 'done');
    if (decision === 'accepted') {
      accepted.push(read.text);
      attemptsToAccept ??= n + 1;
    }
  }
  if (total * DEFAULT_SCAN_INTERVAL_MS >= DEFAULT_REPEAT_MS) throw new Error('too many attempts: a still label would be accepted twice');
  return { name, width: canvas.width, height: canvas.height, plain, accepted, reads: raw, attemptsToAccept, decodeMs, plainMs };
}

const harness: CameraHarness = {
  async comparePhotos(names, options = {}) {
    const out: PhotoComparison[] = [];
    for (const name of names) out.push(await comparePhoto(name, options));
    return out;
  },
  listCameras: () => reader.listCameras(),
  start(options = {}) {
    reader.stop();
    reads.length = 0;
    attempts.length = 0;
    reader = createCameraReader({ ...options, ...callbacks });
    startedAt = performance.now();
    return reader.start(undefined, video);
  },
  stop() {
    reader.stop();
    return {
      trackStates: handedOut.flatMap((stream) => stream.getTracks().map((track) => track.readyState)),
      videoSourceCleared: video.srcObject === null,
      running: reader.running,
    };
  },
  get startedAt() {
    return startedAt;
  },
  reads,
  attempts,
  errors,
};

globalThis.cameraHarness = harness;
