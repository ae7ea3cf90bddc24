// A large on-screen numeric keypad that also listens to the physical digit keys, Backspace, Enter and
// Escape, so a PIN can be typed with gloves on the screen or on any keyboard.
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from '../../i18n';

export interface KeypadProps {
  onDigit: (digit: string) => void;
  onBackspace: () => void;
  onEnter: () => void;
  onEscape?: () => void;
  disabled?: boolean;
  enterLabel?: string;
}

// A glyph, not a word: the button's name for screen readers comes from the catalog.
const BACKSPACE_GLYPH = '⌫';

const digitRows = [
  ['1', '2', '3'],
  ['4', '5', '6'],
  ['7', '8', '9'],
];

function isTextField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

export function Keypad({ onDigit, onBackspace, onEnter, onEscape, disabled = false, enterLabel }: KeypadProps): ReactNode {
  const { t } = useTranslation('signIn');
  // The window listener reads the latest handlers through a ref, so it is added once.
  const handlers = useRef({ onDigit, onBackspace, onEnter, onEscape, disabled });
  useEffect(() => {
    handlers.current = { onDigit, onBackspace, onEnter, onEscape, disabled };
  });

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      if (event.ctrlKey || event.altKey || event.metaKey || isTextField(event.target)) return;
      const h = handlers.current;
      if (/^[0-9]$/.test(event.key)) {
        event.preventDefault();
        if (!h.disabled) h.onDigit(event.key);
      } else if (event.key === 'Backspace') {
        event.preventDefault();
        if (!h.disabled) h.onBackspace();
      } else if (event.key === 'Enter') {
        // Also stops Enter from "clicking" a focused keypad button and adding its digit.
        event.preventDefault();
        if (!h.disabled) h.onEnter();
      } else if (event.key === 'Escape' && h.onEscape) {
        event.preventDefault();
        h.onEscape();
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <div className="keypad" role="group" aria-label={t('keypad')} data-testid="keypad">
      {digitRows.flat().map((digit) => (
        <button key={digit} type="button" className="key" onClick={() => onDigit(digit)} disabled={disabled} data-testid={`keypad-${digit}`}>
          {digit}
        </button>
      ))}
      <button type="button" className="key key-action" onClick={onBackspace} disabled={disabled} data-testid="keypad-backspace" aria-label={t('deleteDigit')}>
        {BACKSPACE_GLYPH}
      </button>
      <button type="button" className="key" onClick={() => onDigit('0')} disabled={disabled} data-testid="keypad-0">
        0
      </button>
      <button type="button" className="key key-enter" onClick={onEnter} disabled={disabled} data-testid="keypad-enter">
        {enterLabel ?? t('signIn')}
      </button>
    </div>
  );
}
