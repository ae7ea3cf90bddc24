// The PIN rules from shared/domain/pin.ts, each ticked off live as the PIN is typed.
import type { ReactNode } from 'react';
import { PIN_MAX, PIN_MIN } from '../../../shared/domain/pin';
import { useTranslation } from '../i18n';

interface Rule {
  /** components:pinRules.<key> */
  key: 'digits' | 'length' | 'repeated' | 'run';
  met: (pin: string) => boolean;
}

const rules: Rule[] = [
  { key: 'digits', met: (pin) => /^\d+$/.test(pin) },
  { key: 'length', met: (pin) => pin.length >= PIN_MIN && pin.length <= PIN_MAX },
  { key: 'repeated', met: (pin) => /^\d+$/.test(pin) && !/^(\d)\1+$/.test(pin) },
  { key: 'run', met: (pin) => /^\d+$/.test(pin) && !isRun(pin, 1) && !isRun(pin, -1) },
];
// Symbols, not words.
const MET = '✔';
const OPEN = '•';

// The same test as shared/domain/pin.ts, per rule, so each line can be ticked on its own;
// pinProblem() stays the judge of the whole PIN (and the core judges again).
function isRun(pin: string, step: 1 | -1): boolean {
  for (let i = 1; i < pin.length; i++) {
    if ((Number(pin[i - 1]) + step + 10) % 10 !== Number(pin[i])) return false;
  }
  return true;
}


export function PinRules({ pin, id }: { pin: string; id?: string }): ReactNode {
  const { t } = useTranslation('components');
  return (
    <ul className="pin-rules" id={id} data-testid="pin-rules" aria-live="polite">
      {rules.map((rule) => {
        const met = pin.length > 0 && rule.met(pin);
        return (
          <li key={rule.key} className={met ? 'rule-met' : 'rule-open'}>
            <span aria-hidden="true">{met ? MET : OPEN}</span> {t(`pinRules.${rule.key}`, { min: PIN_MIN, max: PIN_MAX })}
            <span className="sr-only">{met ? t('pinRules.done') : t('pinRules.notYet')}</span>
          </li>
        );
      })}
    </ul>
  );
}
