// A modal panel for the lead's desk: Esc closes it, Tab stays inside, the first field takes focus.
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';

interface Props {
  title: string;
  testId: string;
  onClose(): void;
  wide?: boolean;
  children: ReactNode;
}

const focusable = 'button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), [tabindex="0"]';

export function Dialog({ title, testId, onClose, wide = false, children }: Props): ReactNode {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const target = box.current?.querySelector<HTMLElement>('[data-autofocus]') ?? box.current?.querySelector<HTMLElement>(focusable);
    target?.focus();
    return () => before?.focus();
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab') return;
    const all = [...event.currentTarget.querySelectorAll<HTMLElement>(focusable)];
    const at = all.indexOf(document.activeElement as HTMLElement);
    const next = at === -1 ? 0 : (at + (event.shiftKey ? -1 : 1) + all.length) % all.length;
    if ((event.shiftKey && at === 0) || (!event.shiftKey && at === all.length - 1) || at === -1) {
      event.preventDefault();
      all[next]?.focus();
    }
  }

  return (
    <div className="lead-backdrop">
      <div ref={box} className={`lead-dialog${wide ? ' lead-dialog-wide' : ''}`} role="dialog" aria-modal="true" aria-label={title} onKeyDown={onKeyDown} data-testid={testId}>
        <h2>{title}</h2>
        {children}
      </div>
    </div>
  );
}
