import { useId, type ReactNode } from 'react';
import { useTranslation } from '../../i18n';
import type { CameraDevice } from '../../scanner/camera-reader';

/** Which webcam; the choice is remembered on this machine. */
export function CameraPicker({ cameras, deviceId, onChoose }: { cameras: readonly CameraDevice[]; deviceId: string | undefined; onChoose: (id: string) => void }): ReactNode {
  const { t } = useTranslation('scan');
  const id = useId();
  return (
    <div className="field camera-picker">
      <label htmlFor={id}>{t('camera.which')}</label>
      <select id={id} value={deviceId ?? ''} onChange={(e) => onChoose(e.target.value)} data-testid="camera-picker">
        {cameras.map((c) => (
          <option key={c.deviceId} value={c.deviceId}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}
