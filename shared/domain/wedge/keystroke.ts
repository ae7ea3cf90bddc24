// One character's keystroke as the wedge detector saw it: enough to learn a scanner's keyboard map
// and to read the next scan with it. `code` is the physical key, `key` what the PC's layout made of it.

export interface Keystroke {
  readonly key: string;
  readonly code: string;
  readonly shift: boolean;
  /** AltGr (Ctrl+Alt on Windows) was down: the third level of a European layout. */
  readonly altGr: boolean;
  /** Made without the layout: Alt+numpad entry ("alt-code") or Ctrl+] ("ctrl-bracket"), giving `key`. */
  readonly composed?: 'alt-code' | 'ctrl-bracket';
}

/** The identity of a key press in a learned map: modifiers + physical key. */
export function keyIdOf(k: Pick<Keystroke, 'code' | 'shift' | 'altGr'>): string {
  return `${k.altGr ? 'altgr+' : ''}${k.shift ? 'shift+' : ''}${k.code}`;
}
