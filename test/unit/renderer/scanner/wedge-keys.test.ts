import { describe, expect, it } from 'vitest';
import { altCodeChar, DAMAGED, digitOfCode, meaningOf, type WedgeKeyEvent } from '../../../../renderer/src/scanner/wedge-keys';

const at = (key: string, code: string, mods: Partial<WedgeKeyEvent> = {}): WedgeKeyEvent => ({ key, code, time: 0, ...mods });

describe('meaningOf', () => {
  it.each([
    [at('Shift', 'ShiftLeft'), { type: 'modifier' }],
    [at('AltGraph', 'AltRight'), { type: 'modifier' }],
    [at('Enter', 'NumpadEnter'), { type: 'terminator', terminator: 'Enter' }],
    [at('Tab', 'Tab', { altKey: false }), { type: 'terminator', terminator: 'Tab' }],
    [at('a', 'KeyQ'), { type: 'char', char: 'a', codeDigit: undefined }],
    [at('&', 'Digit1'), { type: 'char', char: '&', codeDigit: '1' }],
    [at('f', 'Numpad6'), { type: 'char', char: 'f', codeDigit: '6' }],
    [at('End', 'Numpad1'), { type: 'char', char: DAMAGED, codeDigit: '1' }],
    [at('Dead', 'BracketLeft'), { type: 'char', char: DAMAGED, codeDigit: undefined }],
    [at('😀', ''), { type: 'char', char: '😀', codeDigit: undefined }],
    [at('2', 'Numpad2', { altKey: true }), { type: 'alt-digit', digit: '2' }],
    [at('@', 'KeyQ', { altKey: true, ctrlKey: true }), { type: 'char', char: '@', codeDigit: undefined }],
    [at('c', 'KeyC', { ctrlKey: true }), { type: 'other', name: 'Ctrl+c' }],
    [at('2', 'Digit2', { altKey: true }), { type: 'other', name: 'Alt+2' }],
    [at('v', 'KeyV', { metaKey: true }), { type: 'other', name: 'Meta+v' }],
    [at('Backspace', 'Backspace'), { type: 'other', name: 'Backspace' }],
    [at('Escape', 'Escape'), { type: 'other', name: 'Escape' }],
  ])('%o', (event, meaning) => {
    expect(meaningOf(event)).toEqual(meaning);
  });
});

describe('digit codes and Alt codes', () => {
  it('reads the digit from Digit and Numpad codes only', () => {
    expect(digitOfCode('Digit0')).toBe('0');
    expect(digitOfCode('Numpad9')).toBe('9');
    expect(digitOfCode('NumpadAdd')).toBeUndefined();
    expect(digitOfCode('KeyA')).toBeUndefined();
    expect(digitOfCode('Digit10')).toBeUndefined();
  });

  it('decodes GS from 029 and 29, ASCII as is, the rest as damage', () => {
    expect(altCodeChar('029')).toBe('\u001d');
    expect(altCodeChar('29')).toBe('\u001d');
    expect(altCodeChar('065')).toBe('A');
    expect(altCodeChar('45')).toBe('-');
    expect(altCodeChar('0233')).toBe(DAMAGED); // é in cp1252, ┘ in cp437: ambiguous, so shown as damage
    expect(altCodeChar('7')).toBe(DAMAGED);
  });
});
