// Big name buttons. Arrow keys move, Enter picks, and typing the first letters of a name jumps to it.
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from '../../i18n';
import type { RosterEntry } from '../../store/types';

const TYPEAHEAD_RESET_MS = 800;

interface OperatorPickerProps {
  roster: readonly RosterEntry[];
  onPick: (operator: RosterEntry) => void;
  focusName?: string | null;
}

export function OperatorPicker({ roster, onPick, focusName }: OperatorPickerProps): ReactNode {
  const { t } = useTranslation('signIn');
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const typed = useRef({ text: '', at: 0 });

  useEffect(() => {
    const index = Math.max(0, roster.findIndex((o) => o.name === focusName));
    buttons.current[index]?.focus();
  }, [roster, focusName]);

  function focusAt(index: number): void {
    const count = roster.length;
    if (count > 0) buttons.current[(index + count) % count]?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const current = buttons.current.findIndex((b) => b === document.activeElement);
    if (event.key === 'ArrowDown' || event.key === 'ArrowRight') focusAt(current + 1);
    else if (event.key === 'ArrowUp' || event.key === 'ArrowLeft') focusAt(current - 1);
    else if (event.key === 'Home') focusAt(0);
    else if (event.key === 'End') focusAt(roster.length - 1);
    else if (event.key.length === 1 && event.key !== ' ' && !event.ctrlKey && !event.altKey && !event.metaKey) {
      const now = Date.now();
      typed.current = { text: (now - typed.current.at > TYPEAHEAD_RESET_MS ? '' : typed.current.text) + event.key.toLowerCase(), at: now };
      const match = roster.findIndex((o) => o.name.toLowerCase().startsWith(typed.current.text));
      if (match >= 0) focusAt(match);
    } else return;
    event.preventDefault();
  }

  if (roster.length === 0) {
    return <p className="big-text" data-testid="no-operators">{t('noOperators')}</p>;
  }
  return (
    <div className="operator-grid" role="group" aria-label={t('whoAreYou')} onKeyDown={onKeyDown} data-testid="operator-picker">
      {roster.map((operator, i) => (
        <button
          key={operator.id}
          ref={(el) => {
            buttons.current[i] = el;
          }}
          type="button"
          className="operator-button"
          onClick={() => onPick(operator)}
          data-testid={`operator-${operator.name}`}
        >
          <span className="operator-name">{operator.name}</span>
          <span className="operator-role">{t(`common:role.${operator.role}`)}</span>
        </button>
      ))}
    </div>
  );
}
