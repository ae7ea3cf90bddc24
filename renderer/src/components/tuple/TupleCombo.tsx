// One field of the tuple picker: type to filter, arrows to move, Enter to choose; the list shows
// recent values first, then the catalogue, with a model code's description beside it.
import { useState, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { useTranslation } from '../../i18n';
import { filterOptions, type TupleOption } from './tuple-options';

/** More than this is a list nobody reads at arm's length: typing narrows it. */
const SHOWN = 40;

interface Props {
  id: string;
  label: string;
  value: string;
  options: readonly TupleOption[];
  onChange(value: string): void;
  /** An option was chosen from the list (Enter or a click). */
  onChoose(value: string): void;
  /** Enter with no option highlighted. */
  onEnter(): void;
  inputRef?: Ref<HTMLInputElement>;
  placeholder: string;
  children?: ReactNode;
}

export function TupleCombo({ id, label, value, options, onChange, onChoose, onEnter, inputRef, placeholder, children }: Props): ReactNode {
  const { t } = useTranslation('tuple');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const shown = filterOptions(options, value);
  const visible = shown.slice(0, SHOWN);
  const listId = `${id}-list`;
  const highlighted = open ? visible[active] : undefined;
  const listShown = open && visible.length > 0;

  function choose(option: TupleOption): void {
    setOpen(false);
    setActive(-1);
    onChoose(option.value);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (visible.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setOpen(true);
      setActive((at) => (open ? Math.min(Math.max(at + step, 0), visible.length - 1) : step === 1 ? 0 : visible.length - 1));
    } else if (event.key === 'Enter' && !event.ctrlKey && !event.altKey) {
      event.preventDefault();
      if (highlighted !== undefined) choose(highlighted);
      else onEnter();
    } else if (event.key === 'Tab') {
      setOpen(false);
    }
  }

  return (
    <div className="tuple-field">
      <label htmlFor={id} className="tuple-label">
        {label}
      </label>
      <input
        id={id}
        ref={inputRef}
        className="tuple-input"
        value={value}
        role="combobox"
        aria-expanded={listShown}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={highlighted ? `${listId}-${active}` : undefined}
        autoComplete="off"
        spellCheck={false}
        maxLength={100}
        placeholder={placeholder}
        onChange={(e) => {
          onChange(e.target.value);
          setOpen(true);
          setActive(e.target.value.trim() === '' ? -1 : 0);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        data-testid={id}
      />
      {/* The spelling warning waits while the list is showing: it would only flag the text being typed to narrow it. */}
      {!listShown && children}
      {listShown && (
        <ul id={listId} className="tuple-list" role="listbox" aria-label={label} data-testid={`${id}-list`}>
          {visible.map((option, i) => (
            <li
              key={`${option.from}-${option.value}`}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={`tuple-option${i === active ? ' tuple-option-active' : ''}`}
              data-testid={`${id}-option`}
              data-value={option.value}
              data-from={option.from}
              // mousedown, not click: the input must not lose focus (and close the list) first.
              onMouseDown={(e) => {
                e.preventDefault();
                choose(option);
              }}
            >
              <span className="tuple-option-value">{option.value}</span>
              {option.description !== null && <span className="tuple-option-description">{option.description}</span>}
              {option.from === 'recent' && <span className="tuple-option-recent">{t('recent')}</span>}
            </li>
          ))}
          {shown.length > visible.length && <li className="tuple-option-more">{t('more', { count: shown.length - visible.length })}</li>}
        </ul>
      )}
    </div>
  );
}
