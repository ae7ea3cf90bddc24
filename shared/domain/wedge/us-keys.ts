// What a US-layout keyboard types for each physical key (KeyboardEvent.code), unshifted and shifted.
// Wedge scanners emulate a keyboard and, unless told otherwise, press the US positions of the
// characters they read; the PC's layout then decides what character those positions type. Comparing
// the character typed (`key`) with the US one for the same `code` is how a layout mismatch shows.

const PAIRS: Readonly<Record<string, readonly [string, string]>> = {
  Backquote: ['`', '~'],
  Minus: ['-', '_'],
  Equal: ['=', '+'],
  BracketLeft: ['[', '{'],
  BracketRight: [']', '}'],
  Backslash: ['\\', '|'],
  Semicolon: [';', ':'],
  Quote: ["'", '"'],
  Comma: [',', '<'],
  Period: ['.', '>'],
  Slash: ['/', '?'],
  Space: [' ', ' '],
  NumpadAdd: ['+', '+'],
  NumpadSubtract: ['-', '-'],
  NumpadMultiply: ['*', '*'],
  NumpadDivide: ['/', '/'],
  NumpadDecimal: ['.', '.'],
};

const SHIFTED_DIGITS = ')!@#$%^&*(';

/** The character a US layout types for this key, or undefined for keys it has no character on
 * (IntlBackslash, the ISO key left of Z, exists only on ISO keyboards). */
export function usCharOf(code: string, shift: boolean): string | undefined {
  const letter = /^Key([A-Z])$/.exec(code)?.[1];
  if (letter !== undefined) return shift ? letter : letter.toLowerCase();
  const digit = /^Digit([0-9])$/.exec(code)?.[1];
  if (digit !== undefined) return shift ? SHIFTED_DIGITS.charAt(Number(digit)) : digit;
  const numpad = /^Numpad([0-9])$/.exec(code)?.[1];
  if (numpad !== undefined) return numpad;
  const pair = PAIRS[code];
  return pair === undefined ? undefined : pair[shift ? 1 : 0];
}

/** Whether `typed` is what a US layout types on that key (letter case aside: Caps Lock flips it). */
export function typedAsUs(typed: string, code: string, shift: boolean): boolean | undefined {
  const us = usCharOf(code, shift);
  if (us === undefined) return undefined;
  return typed === us || typed.toUpperCase() === us.toUpperCase();
}
