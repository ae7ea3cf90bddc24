// Operator names are shown on a shared screen and compared case-insensitively at sign-in.
export const operatorNamePattern = /^[\p{L}\p{N}][\p{L}\p{N} .'-]{0,39}$/u;

export function nameKey(name: string): string {
  return name.trim().normalize('NFC').toLocaleLowerCase('en-US');
}
