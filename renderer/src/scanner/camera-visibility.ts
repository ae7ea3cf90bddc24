// A minimised or hidden station window must not hold the webcam: other programs (Teams, the
// Windows Camera app) would find it busy, and decoding hidden frames wastes the shared CPU.

export interface StoppableCamera {
  readonly running: boolean;
  stop(): void;
}

export type VisibilitySource = Pick<Document, 'visibilityState' | 'addEventListener' | 'removeEventListener'>;

export interface PauseWhileHiddenOptions {
  /** Called when the page is visible again after we stopped a running camera: restart it here. */
  readonly onVisible: () => void;
  readonly source?: VisibilitySource;
}

/**
 * Stops `camera` whenever the page becomes hidden and calls `onVisible` when it comes back, but only
 * if the camera was running when hidden (a camera the user turned off stays off). The returned
 * function detaches and stops the camera: call it on unmount (a useEffect cleanup).
 */
export function pauseCameraWhileHidden(camera: StoppableCamera, options: PauseWhileHiddenOptions): () => void {
  const source = options.source ?? document;
  let pausedByUs = false;

  function onChange(): void {
    if (source.visibilityState === 'hidden') {
      if (camera.running) {
        pausedByUs = true;
        camera.stop();
      }
    } else if (pausedByUs) {
      pausedByUs = false;
      options.onVisible();
    }
  }

  source.addEventListener('visibilitychange', onChange);
  return () => {
    source.removeEventListener('visibilitychange', onChange);
    camera.stop();
  };
}
