// PIN rules (NIST SP 800-63B allows numeric secrets of 6+ when online guessing is limited, which the
// lock-out does). Obvious PINs are refused because a warehouse shares one screen.
export const PIN_MIN = 6;
export const PIN_MAX = 12;

export function pinProblem(pin: string): string | null {
  if (!/^\d+$/.test(pin)) return 'A PIN is digits only.';
  if (pin.length < PIN_MIN) return `A PIN has at least ${PIN_MIN} digits.`;
  if (pin.length > PIN_MAX) return `A PIN has at most ${PIN_MAX} digits.`;
  if (/^(\d)\1+$/.test(pin)) return 'A PIN of one repeated digit is too easy to guess.';
  if (isRun(pin, 1) || isRun(pin, -1)) return 'A PIN of consecutive digits (like 123456) is too easy to guess.';
  return null;
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
