// The PIN rules from shared/domain/pin.ts, each ticked off live as the PIN is typed.
import type { ReactNode } from 'react';
import { PIN_MAX, PIN_MIN } from '../../../shared/domain/pin';

interface Rule {
  text: string;
  met: (pin: string) => boolean;
}

const rules: Rule[] = [
  { text: 'Digits only', met: (pin) => /^\d+$/.test(pin) },
  { text: `${PIN_MIN} to ${PIN_MAX} digits`, met: (pin) => pin.length >= PIN_MIN && pin.length <= PIN_MAX },
  { text: 'Not one repeated digit (like 111111)', met: (pin) => /^\d+$/.test(pin) && !/^(\d)\1+$/.test(pin) },
  { text: 'Not consecutive digits (like 123456 or 654321)', met: (pin) => /^\d+$/.test(pin) && !isRun(pin, 1) && !isRun(pin, -1) },
];

// The same test as shared/domain/pin.ts, per rule, so each line can be ticked on its own;
// pinProblem() stays the judge of the whole PIN (and the core judges again).
function isRun(pin: string, step: 1 | -1): boolean {
  for (let i = 1; i < pin.length; i++) {
    if ((Number(pin[i - 1]) + step + 10) % 10 !== Number(pin[i])) return false;
  }
  return true;
}


export function PinRules({ pin, id }: { pin: string; id?: string }): ReactNode {
  return (
    <ul className="pin-rules" id={id} data-testid="pin-rules" aria-live="polite">
      {rules.map((rule) => {
        const met = pin.length > 0 && rule.met(pin);
        return (
          <li key={rule.text} className={met ? 'rule-met' : 'rule-open'}>
            <span aria-hidden="true">{met ? '✔' : '•'}</span> {rule.text}
            <span className="sr-only">{met ? ' (done)' : ' (not yet)'}</span>
          </li>
        );
      })}
    </ul>
  );
}
