// Operator names are shown on a shared screen and compared case-insensitively at sign-in.
export const operatorNamePattern = /^[\p{L}\p{N}][\p{L}\p{N} .'-]{0,39}$/u;

export function nameKey(name: string): string {
  return name.trim().normalize('NFC').toLocaleLowerCase('en-US');
}

/** A name of digits alone looks like a PIN typed into the wrong field: it is refused, never stored. */
export const nameLooksLikePin = (name: string): boolean => !/\p{L}/u.test(name);
export const PIN_LIKE_NAME = 'A name needs at least one letter: digits alone look like a PIN, and a PIN is never stored as a name.';
