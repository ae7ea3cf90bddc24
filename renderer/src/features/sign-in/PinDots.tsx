import type { ReactNode } from 'react';
import { PIN_MAX } from '../../../../shared/domain/pin';
import { useTranslation } from '../../i18n';

/** The PIN as dots: how many digits are in, never which. */
export function PinDots({ length }: { length: number }): ReactNode {
  const { t } = useTranslation('signIn');
  return (
    <div className="pin-display" data-testid="pin-display" data-length={length} aria-live="polite" aria-label={t('pinTyped', { count: length })}>
      {length === 0 ? (
        <span className="pin-hint">{t('typePin')}</span>
      ) : (
        Array.from({ length: Math.min(length, PIN_MAX) }, (_, i) => <span key={i} className="pin-dot" aria-hidden="true" />)
      )}
    </div>
  );
}
