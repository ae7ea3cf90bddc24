// The scanning view's keys. Letters with Alt or Ctrl only (plain keys belong to the scanner), and F2. Matched
// by the character first and by the physical key second, so Ctrl+Z works on QWERTY and AZERTY alike.

export type ScanKeyAction = 'undo' | 'camera' | 'switch' | 'close' | 'keep' | 'drop' | 'tuple';

const LETTER_ACTIONS: Readonly<Record<string, { readonly mod: 'ctrl' | 'alt'; readonly action: ScanKeyAction }>> = {
  z: { mod: 'ctrl', action: 'undo' },
  c: { mod: 'alt', action: 'camera' },
  b: { mod: 'alt', action: 'switch' },
  f: { mod: 'alt', action: 'close' },
};

export interface KeyLike {
  readonly key: string;
  readonly code: string;
  readonly ctrlKey: boolean;
  readonly altKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey: boolean;
}

export function scanKeyAction(event: KeyLike, confirmPending: boolean): ScanKeyAction | undefined {
  const plain = !event.ctrlKey && !event.altKey && !event.metaKey;
  if (confirmPending && plain && event.key === 'Enter') return 'keep';
  if (confirmPending && plain && event.key === 'Escape') return 'drop';
  // F2: "this box has no PKID". A function key, because a wedge never types one.
  if (plain && !event.shiftKey && event.key === 'F2') return 'tuple';
  if (event.metaKey || event.shiftKey || event.ctrlKey === event.altKey) return undefined;
  const letter = event.key.length === 1 ? event.key.toLowerCase() : undefined;
  const fromCode = /^Key([A-Z])$/.exec(event.code)?.[1]?.toLowerCase();
  const hit = (letter !== undefined ? LETTER_ACTIONS[letter] : undefined) ?? (fromCode !== undefined ? LETTER_ACTIONS[fromCode] : undefined);
  if (hit === undefined) return undefined;
  return (hit.mod === 'ctrl') === event.ctrlKey ? hit.action : undefined;
}
