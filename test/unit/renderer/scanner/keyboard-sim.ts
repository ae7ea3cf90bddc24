import { vi } from 'vitest';

// jsdom dispatches KeyboardEvents but performs no default action: no character appears, Tab moves no
// focus. A real browser (Chromium) does, right after the keydown listeners ran, unless one called
// preventDefault(). This helper plays that part, so tests see exactly what a user would: the default
// action happens only for keys the listener did not prevent. The Playwright e2e test checks the same in
// Chromium with trusted events.

export interface SimKey {
  readonly key: string;
  readonly code: string;
  readonly shiftKey?: boolean;
  readonly altKey?: boolean;
  readonly ctrlKey?: boolean;
  readonly repeat?: boolean;
  readonly isComposing?: boolean;
}

export interface SimLog {
  prevented: string[];
  enterDefaults: number;
}

export function createKeyboard(): { press(key: SimKey, afterMs: number): boolean; log: SimLog } {
  const log: SimLog = { prevented: [], enterDefaults: 0 };
  function press(k: SimKey, afterMs: number): boolean {
    // Advancing fake time first also fires the listener's silence timer when it is due.
    vi.advanceTimersByTime(afterMs);
    const target = document.activeElement ?? document.body;
    const event = new KeyboardEvent('keydown', { ...k, bubbles: true, cancelable: true, composed: true });
    const notPrevented = target.dispatchEvent(event);
    if (!notPrevented) log.prevented.push(k.key);
    else defaultAction(target, k, log);
    return notPrevented;
  }
  return { press, log };
}

function defaultAction(target: Element, k: SimKey, log: SimLog): void {
  const field = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement ? target : undefined;
  const printable = [...k.key].length === 1 && !(k.ctrlKey === true && k.altKey !== true);
  if (printable && field !== undefined) {
    field.setRangeText(k.key, field.selectionStart ?? field.value.length, field.selectionEnd ?? field.value.length, 'end');
    field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: k.key }));
  } else if (k.key === 'Backspace' && field !== undefined) {
    const end = field.selectionEnd ?? field.value.length;
    const start = field.selectionStart === field.selectionEnd ? Math.max(0, end - 1) : (field.selectionStart ?? end);
    field.setRangeText('', start, end, 'end');
    field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'deleteContentBackward' }));
  } else if (k.key === 'Tab') {
    const focusable = [...document.querySelectorAll<HTMLElement>('input, textarea, button')];
    const next = focusable[(focusable.indexOf(target as HTMLElement) + 1) % focusable.length];
    next?.focus();
  } else if (k.key === 'Enter') {
    log.enterDefaults += 1;
  }
}
