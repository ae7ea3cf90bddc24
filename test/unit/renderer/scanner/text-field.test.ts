import { beforeEach, describe, expect, it } from 'vitest';
import { asTextField, insertText, removeLeakedText, snapshotField, valueAfterTyping } from '../../../../renderer/src/scanner/text-field';

let input: HTMLInputElement;
let inputEvents: number;

beforeEach(() => {
  document.body.innerHTML = '<input id="a" value="abcdef"><input id="e" type="email"><input id="c" type="checkbox"><input id="r" readonly><textarea id="t"></textarea>';
  input = document.getElementById('a') as HTMLInputElement;
  inputEvents = 0;
  input.addEventListener('input', () => inputEvents++);
});

describe('text fields', () => {
  it('knows which targets are text fields', () => {
    expect(asTextField(input)).toBe(input);
    expect(asTextField(document.getElementById('t'))).toBeDefined();
    expect(asTextField(document.getElementById('e'))).toBeDefined();
    expect(asTextField(document.getElementById('c'))).toBeUndefined();
    expect(asTextField(document.getElementById('r'))).toBeUndefined();
    expect(asTextField(document.body)).toBeUndefined();
    expect(asTextField(null)).toBeUndefined();
  });

  it('computes what typing over a selection gives', () => {
    expect(valueAfterTyping({ value: 'abcdef', start: 2, end: 4 }, 'XY')).toBe('abXYef');
    expect(valueAfterTyping({ value: 'abc', start: null, end: null }, 'd')).toBe('abcd');
  });

  it('removes leaked text and restores the selection it replaced', () => {
    input.setSelectionRange(2, 4);
    const snap = snapshotField(input);
    input.setRangeText('61', 2, 4, 'end');
    expect(removeLeakedText(input, snap, '61')).toBe(true);
    expect(input.value).toBe('abcdef');
    expect([input.selectionStart, input.selectionEnd]).toEqual([2, 4]);
    expect(inputEvents).toBe(1);
  });

  it('refuses to touch a field whose value is not snapshot + leaked text', () => {
    input.setSelectionRange(6, 6);
    const snap = snapshotField(input);
    input.value = 'abcdef61!';
    expect(removeLeakedText(input, snap, '61')).toBe(false);
    expect(input.value).toBe('abcdef61!');
    expect(inputEvents).toBe(0);
  });

  it('restores through the prototype setter, past a framework\'s instance override', () => {
    input.setSelectionRange(6, 6);
    const snap = snapshotField(input);
    input.value = 'abcdef61';
    const writes: string[] = [];
    // React tracks values by shadowing `value` on the element itself.
    Object.defineProperty(input, 'value', {
      configurable: true,
      get: () => Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.get?.call(input) as string,
      set: (v: string) => writes.push(v),
    });
    expect(removeLeakedText(input, snap, '61')).toBe(true);
    expect(writes).toEqual([]);
    expect(input.value).toBe('abcdef');
  });

  it('inserts text at the caret and announces it (jsdom has no execCommand)', () => {
    input.focus();
    input.setSelectionRange(3, 3);
    insertText(input, 'XY');
    expect(input.value).toBe('abcXYdef');
    expect(input.selectionStart).toBe(5);
    expect(inputEvents).toBe(1);
    insertText(input, '');
    expect(inputEvents).toBe(1);
  });

  it('appends in a field without a selection API', () => {
    const email = document.getElementById('e') as HTMLInputElement;
    email.value = 'a@b';
    insertText(email, '.c');
    expect(email.value).toBe('a@b.c');
  });
});
