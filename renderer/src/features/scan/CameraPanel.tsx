// The webcam: picker, live picture with the aim box, and what went wrong in plain words (by the
// error's kind, from the catalogs). Retail
// barcodes the camera happens to see are listed faintly, never flashed.
import type { ReactNode } from 'react';
import { useTranslation } from '../../i18n';
import type { CameraRead } from '../../scanner/camera-reader';
import { AimOverlay } from './AimOverlay';
import { CameraPicker } from './CameraPicker';
import { useCamera } from './use-camera';
import { useVideoSize } from './use-video-size';

export function CameraPanel({ onRead, ignored }: { onRead: (read: CameraRead) => void; ignored: string | null }): ReactNode {
  const { t } = useTranslation('scan');
  const camera = useCamera(true, onRead);
  const size = useVideoSize(camera.videoRef);
  return (
    <section className="camera-panel" aria-label={t('camera.label')} data-testid="camera-panel" data-status={camera.status}>
      <div className="camera-frame" style={size ? { aspectRatio: `${size.width} / ${size.height}` } : undefined} hidden={camera.status === 'error'}>
        <video ref={camera.videoRef} className="camera-video" muted playsInline data-testid="camera-video" />
        {size && <AimOverlay width={size.width} height={size.height} />}
      </div>
      {camera.status === 'starting' && <p className="hint">{t('camera.starting')}</p>}
      {camera.status === 'on' && <p className="camera-help">{t('camera.help')}</p>}
      {camera.cameras.length > 0 && <CameraPicker cameras={camera.cameras} deviceId={camera.deviceId} onChoose={camera.choose} />}
      {camera.error !== null && (
        <div className="message message-error camera-error" role="alert" data-testid="camera-error" data-kind={camera.error.kind}>
          <p>{t(`camera.error.${camera.error.kind}`)}</p>
          <button type="button" className="btn" onClick={camera.retry} data-testid="camera-retry">
            {t('camera.retry')}
          </button>
        </div>
      )}
      {ignored !== null && (
        <p className="camera-ignored" data-testid="camera-ignored">
          {ignored}
        </p>
      )}
    </section>
  );
}
