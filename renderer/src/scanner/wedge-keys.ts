// What one keydown means to the wedge detector. Scanners type through the PC's keyboard layout, so the
// character (`key`) may be damaged while the physical key (`code`) is not; both are kept.

export interface WedgeKeyEvent {
  readonly key: string;
  readonly code: string;
  /** Event time in ms (KeyboardEvent.timeStamp in the browser). */
  readonly time: number;
  readonly altKey?: boolean;
  readonly ctrlKey?: boolean;
  readonly metaKey?: boolean;
  readonly shiftKey?: boolean;
  /** Auto-repeat of a held-down key. */
  readonly repeat?: boolean;
}

export type KeyMeaning =
  | { readonly type: 'modifier' }
  /** A character; `codeDigit` is the digit its physical key carries, if it is a digit key. */
  | { readonly type: 'char'; readonly char: string; readonly codeDigit: string | undefined; readonly composed?: 'ctrl-bracket' }
  /** Windows Alt+numpad entry: one digit of the decimal character code. */
  | { readonly type: 'alt-digit'; readonly digit: string }
  | { readonly type: 'terminator'; readonly terminator: 'Enter' | 'Tab' }
  /** A key that edits or navigates (Backspace, arrows, Ctrl+A…): never part of a scan. */
  | { readonly type: 'other'; readonly name: string };

const MODIFIERS: ReadonlySet<string> = new Set(['Shift', 'Control', 'Alt', 'AltGraph', 'Meta', 'OS', 'CapsLock', 'NumLock', 'ScrollLock', 'Fn', 'Hyper', 'Super', 'Symbol']);
const DIGIT_CODE = /^(?:Digit|Numpad)([0-9])$/;
// Replacement character: a key that produced no usable character stays visible as damage, so the payload
// can never classify as a valid code by accident.
export const DAMAGED = '\uFFFD';
const GS = '\u001d';

export function digitOfCode(code: string): string | undefined {
  return DIGIT_CODE.exec(code)?.[1];
}

export function meaningOf(event: WedgeKeyEvent): KeyMeaning {
  const { key, code } = event;
  if (MODIFIERS.has(key)) return { type: 'modifier' };
  if (key === 'Enter') return { type: 'terminator', terminator: 'Enter' };
  if (key === 'Tab') return { type: 'terminator', terminator: 'Tab' };
  const codeDigit = digitOfCode(code);
  // Windows sends AltGr as Ctrl+Alt, so only Ctrl or Alt alone marks a shortcut.
  const altGr = event.ctrlKey === true && event.altKey === true;
  if (event.altKey === true && !altGr && code.startsWith('Numpad') && codeDigit !== undefined) return { type: 'alt-digit', digit: codeDigit };
  // Ctrl+] is the ASCII control key for GS (0x1D), a common scanner setting for the GS1 separator. The
  // key is the US "]" position whatever the PC's layout makes of it ("+" on German, "$" on French).
  if (event.ctrlKey === true && !altGr && event.metaKey !== true && (code === 'BracketRight' || key === ']' || key === GS)) return { type: 'char', char: GS, codeDigit: undefined, composed: 'ctrl-bracket' };
  if (event.metaKey === true || (!altGr && (event.ctrlKey === true || event.altKey === true))) return { type: 'other', name: describeShortcut(event) };
  // [...key] counts code points: an astral character is one character, "ArrowLeft" is a name.
  if ([...key].length === 1) return { type: 'char', char: key, codeDigit };
  // Named keys on digit keys: NumLock off ("End" on Numpad1), dead keys, IME "Process", "Unidentified".
  if (codeDigit !== undefined || key === 'Dead' || key === 'Unidentified') return { type: 'char', char: DAMAGED, codeDigit };
  return { type: 'other', name: key };
}

function describeShortcut(event: WedgeKeyEvent): string {
  const parts = [event.ctrlKey === true ? 'Ctrl' : '', event.altKey === true ? 'Alt' : '', event.metaKey === true ? 'Meta' : '', event.key];
  return parts.filter((p) => p !== '').join('+');
}

/** The character a Windows Alt+numpad sequence types. Alt+0nnn is the ANSI/Unicode table, Alt+nnn the OEM
 * (CP437) one; both agree on printable ASCII and on 29, the GS1 group separator that scanners send this way. */
export function altCodeChar(digits: string): string {
  const value = Number.parseInt(digits, 10);
  if (value === 29) return '\u001d';
  if (value >= 32 && value <= 126) return String.fromCharCode(value);
  return DAMAGED;
}
