// PIN rules (NIST SP 800-63B allows numeric secrets of 6+ when online guessing is limited, which the
// lock-out does). Obvious PINs are refused because a warehouse shares one screen.
export const PIN_MIN = 6;
export const PIN_MAX = 12;

export type PinRule = 'digitsOnly' | 'tooShort' | 'tooLong' | 'repeated' | 'consecutive';

/** The first rule a PIN breaks, as a code the screens say in the operator's language. */
export function pinRuleBroken(pin: string): PinRule | null {
  if (!/^\d+$/.test(pin)) return 'digitsOnly';
  if (pin.length < PIN_MIN) return 'tooShort';
  if (pin.length > PIN_MAX) return 'tooLong';
  if (/^(\d)\1+$/.test(pin)) return 'repeated';
  if (isRun(pin, 1) || isRun(pin, -1)) return 'consecutive';
  return null;
}

const PIN_RULE_ENGLISH: Record<PinRule, string> = {
  digitsOnly: 'A PIN is digits only.',
  tooShort: `A PIN has at least ${PIN_MIN} digits.`,
  tooLong: `A PIN has at most ${PIN_MAX} digits.`,
  repeated: 'A PIN of one repeated digit is too easy to guess.',
  consecutive: 'A PIN of consecutive digits (like 123456) is too easy to guess.',
};

/** The broken rule in English, for the core's validation and the CLI. */
export function pinProblem(pin: string): string | null {
  const rule = pinRuleBroken(pin);
  return rule === null ? null : PIN_RULE_ENGLISH[rule];
}

function isRun(pin: string, step: 1 | -1): boolean {
  for (let i = 1; i < pin.length; i++) {
    if ((Number(pin[i - 1]) + step + 10) % 10 !== Number(pin[i])) return false;
  }
  return true;
}

/** Lock-out after this many consecutive failures; each further lock-out doubles the wait. */
export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_BASE_MS = 60_000;
export const LOCKOUT_MAX_MS = 60 * 60_000;

export function lockoutDurationMs(previousLockouts: number): number {
  return Math.min(LOCKOUT_MAX_MS, LOCKOUT_BASE_MS * 2 ** Math.min(previousLockouts, 16));
}
