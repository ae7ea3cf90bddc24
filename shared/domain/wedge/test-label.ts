// The scanner test label: one Code 128 whose content the station knows, so the keys a scanner sends
// for it teach the station that scanner. Digits come first and last (every common layout keeps the
// digits on the digit row, so they anchor the content whatever the layout); between them every letter
// (Y, Z, A, Q, W, M move between QWERTY, QWERTZ, AZERTY and Dvorak), the symbols serials and AIM
// identifiers use, and a GS (FNC1 inside a Code 128), to learn how the scanner sends it.

export const LABEL_DIGITS = '0123456789';
export const LABEL_MIDDLE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ-./]';
export const GS = '\u001d';
/** What a scanner reads from the label. */
export const TEST_LABEL_CONTENT = `${LABEL_DIGITS}${LABEL_MIDDLE}${GS}${LABEL_DIGITS}`;
/** The same for bwip-js (code128 with parsefnc): FNC1 spelled ^FNC1. */
export const TEST_LABEL_BWIP_TEXT = `${LABEL_DIGITS}${LABEL_MIDDLE}^FNC1${LABEL_DIGITS}`;
