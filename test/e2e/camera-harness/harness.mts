// Browser side of the fake-webcam test: the real camera reader on a page, nothing else. The .mts
// extension keeps this DOM file out of the Node tsconfig; ./tsconfig.json type-checks it.
import { createCameraReader, type CameraError, type CameraRead, type CameraReader } from '../../../renderer/src/scanner/camera-reader';
import type { CameraHarness } from './harness-state';

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
const errors: CameraError[] = [];
let startedAt: number | undefined;
let reader: CameraReader = createCameraReader({ onRead: (read) => reads.push(read), onError: (error) => errors.push(error) });

const harness: CameraHarness = {
  listCameras: () => reader.listCameras(),
  start(options = {}) {
    reader.stop();
    reads.length = 0;
    reader = createCameraReader({ ...options, onRead: (read) => reads.push(read), onError: (error) => errors.push(error) });
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
  errors,
};

globalThis.cameraHarness = harness;
