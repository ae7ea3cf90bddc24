// The webcam while the camera panel is on: lists cameras (after the permission prompt), starts the
// remembered or first one, reports errors in plain words, and stops when the panel closes, the page
// is left, or the window is hidden (restarting when it is shown again).
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { createCameraReader, type CameraDevice, type CameraError, type CameraRead, type CameraReader } from '../../scanner/camera-reader';
import { pauseCameraWhileHidden } from '../../scanner/camera-visibility';
import { pickCamera, rememberCamera, rememberedCamera } from './camera-choice';

export type CameraStatus = 'off' | 'starting' | 'on' | 'error';

export interface CameraState {
  readonly videoRef: RefObject<HTMLVideoElement | null>;
  readonly status: CameraStatus;
  readonly error: CameraError | null;
  readonly cameras: readonly CameraDevice[];
  readonly deviceId: string | undefined;
  choose(deviceId: string): void;
  retry(): void;
}

export function useCamera(enabled: boolean, onRead: (read: CameraRead) => void, createReader = createCameraReader): CameraState {
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const onReadRef = useRef(onRead);
  useEffect(() => {
    onReadRef.current = onRead;
  });
  const [status, setStatus] = useState<CameraStatus>('off');
  const [error, setError] = useState<CameraError | null>(null);
  const [cameras, setCameras] = useState<readonly CameraDevice[]>([]);
  const [deviceId, setDeviceId] = useState<string | undefined>(undefined);
  const [attempt, setAttempt] = useState(0);
  const [reader] = useState<CameraReader>(() =>
    createReader({
      onRead: (read) => onReadRef.current(read),
      onError: (failure) => {
        setError(failure);
        setStatus('error');
      },
    }),
  );

  const startOn = useCallback(
    async (id: string | undefined, isCurrent: () => boolean) => {
      const video = videoRef.current;
      if (video === null) return;
      setStatus('starting');
      setError(null);
      const started = await reader.start(id, video);
      if (!isCurrent()) return;
      if (started.status === 'started') setStatus('on');
      else if (started.status === 'failed') {
        setError(started.error);
        setStatus('error');
      }
    },
    [reader],
  );

  useEffect(() => {
    if (!enabled) {
      reader.stop();
      setStatus('off');
      setError(null);
      return;
    }
    let current = true;
    const isCurrent = (): boolean => current;
    void (async () => {
      setStatus('starting');
      const listed = await reader.listCameras();
      if (!current) return;
      if (!listed.ok) {
        setError(listed.error);
        setStatus('error');
        return;
      }
      const chosen = pickCamera(listed.cameras, rememberedCamera());
      setCameras(listed.cameras);
      setDeviceId(chosen);
      await startOn(chosen, isCurrent);
    })();
    const detach = pauseCameraWhileHidden(reader, { onVisible: () => setAttempt((n) => n + 1) });
    return () => {
      current = false;
      detach();
      setStatus('off');
    };
  }, [enabled, attempt, reader, startOn]);

  const choose = useCallback(
    (id: string) => {
      rememberCamera(id);
      setDeviceId(id);
      void startOn(id, () => true);
    },
    [startOn],
  );

  return { videoRef, status, error, cameras, deviceId, choose, retry: () => setAttempt((n) => n + 1) };
}
