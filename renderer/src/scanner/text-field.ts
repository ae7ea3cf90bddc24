// Editing a focused text field from outside its own typing: put back characters the wedge listener held,
// or take out the first characters of a scan that reached the field before the scan was recognised.
// Frameworks (React) track an input's value, so every change goes through the native setter or
// setRangeText and is announced with an 'input' event, as typing would be.

export type TextField = HTMLInputElement | HTMLTextAreaElement;

const TEXT_INPUT_TYPES: ReadonlySet<string> = new Set(['text', 'search', 'url', 'tel', 'password', 'email', 'number', '']);

export function asTextField(target: EventTarget | null): TextField | undefined {
  if (target instanceof HTMLTextAreaElement) return target.readOnly || target.disabled ? undefined : target;
  if (target instanceof HTMLInputElement && TEXT_INPUT_TYPES.has(target.type)) return target.readOnly || target.disabled ? undefined : target;
  return undefined;
}

export interface FieldSnapshot {
  readonly value: string;
  /** null where the input type has no selection API (email, number). */
  readonly start: number | null;
  readonly end: number | null;
}

function selectionOf(field: TextField): { start: number | null; end: number | null } {
  try {
    return { start: field.selectionStart, end: field.selectionEnd };
  } catch {
    return { start: null, end: null };
  }
}

export function snapshotField(field: TextField): FieldSnapshot {
  return { value: field.value, ...selectionOf(field) };
}

/** The value typing `text` over the snapshot's selection gives (at the end when there is no selection API). */
export function valueAfterTyping(snapshot: FieldSnapshot, text: string): string {
  const start = snapshot.start ?? snapshot.value.length;
  const end = snapshot.end ?? start;
  return snapshot.value.slice(0, start) + text + snapshot.value.slice(end);
}

function setNativeValue(field: TextField, value: string): void {
  // The prototype's setter, not the element's: React shadows `value` on the instance to track changes.
  const proto = field instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter === undefined) field.value = value;
  else setter.call(field, value);
}

function announce(field: TextField, inputType: string, data: string | null): void {
  field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType, data }));
}

/** Types `text` at the field's caret, as the held keys would have. */
export function insertText(field: TextField, text: string): void {
  if (text === '') return;
  const doc = field.ownerDocument;
  // In Chromium, execCommand goes through the editor: undo stack, maxlength, beforeinput and input events.
  if (doc.activeElement === field && typeof doc.execCommand === 'function') {
    try {
      if (doc.execCommand('insertText', false, text)) return;
    } catch {
      // fall through to the manual edit
    }
  }
  const { start, end } = selectionOf(field);
  if (start !== null && end !== null) field.setRangeText(text, start, end, 'end');
  else setNativeValue(field, field.value + text);
  announce(field, 'insertText', text);
}

/** Puts the field back as the snapshot was with only `keep` typed at its caret (a person's keys just
 * before a scan), if and only if its value is exactly the snapshot plus `leaked` typed at the caret:
 * anything else means someone else edited it, and it is left alone. */
export function removeLeakedText(field: TextField, snapshot: FieldSnapshot, leaked: string, keep = ''): boolean {
  if (field.value !== valueAfterTyping(snapshot, leaked)) return false;
  setNativeValue(field, keep === '' ? snapshot.value : valueAfterTyping(snapshot, keep));
  if (snapshot.start !== null && snapshot.end !== null) {
    try {
      const caret = snapshot.start + keep.length;
      if (keep === '') field.setSelectionRange(snapshot.start, snapshot.end);
      else field.setSelectionRange(caret, caret);
    } catch {
      // selection API missing for this input type: value restored, caret wherever the browser puts it
    }
  }
  announce(field, 'deleteContentBackward', null);
  return true;
}
