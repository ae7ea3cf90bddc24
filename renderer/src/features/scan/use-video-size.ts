import { useEffect, useState, type RefObject } from 'react';

/** The video's intrinsic frame size once known (and when the camera changes resolution). */
export function useVideoSize(ref: RefObject<HTMLVideoElement | null>): { width: number; height: number } | null {
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  useEffect(() => {
    const video = ref.current;
    if (video === null) return;
    const update = (): void => {
      if (video.videoWidth > 0 && video.videoHeight > 0) {
        setSize((s) => (s?.width === video.videoWidth && s.height === video.videoHeight ? s : { width: video.videoWidth, height: video.videoHeight }));
      }
    };
    update();
    video.addEventListener('loadedmetadata', update);
    video.addEventListener('resize', update);
    return () => {
      video.removeEventListener('loadedmetadata', update);
      video.removeEventListener('resize', update);
    };
  }, [ref]);
  return size;
}
