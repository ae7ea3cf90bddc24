import type { ReactNode } from 'react';
import { PIN_MAX } from '../../../../shared/domain/pin';

/** The PIN as dots: how many digits are in, never which. */
export function PinDots({ length }: { length: number }): ReactNode {
  return (
    <div className="pin-display" data-testid="pin-display" data-length={length} aria-live="polite" aria-label={`PIN, ${length} ${length === 1 ? 'digit' : 'digits'} typed`}>
      {length === 0 ? (
        <span className="pin-hint">Type your PIN</span>
      ) : (
        Array.from({ length: Math.min(length, PIN_MAX) }, (_, i) => <span key={i} className="pin-dot" aria-hidden="true" />)
      )}
    </div>
  );
}
