import type { AppErrorShape } from '../../../../shared/contract';
import type { TFunction } from 'i18next';
import { clockTime } from '../../../../shared/domain/words';

/** The core's message, plus the lock-out end in this station's local time when the core gave it. */
export function signInErrorText(error: AppErrorShape, t: TFunction<'signIn'>): string {
  const until = typeof error.details === 'object' && error.details !== null && 'until' in error.details ? error.details.until : null;
  if (error.code !== 'LOCKED_OUT' || typeof until !== 'number') return error.message;
  // To the second, like the lock-out itself; on the station's one 24-hour clock.
  const local = clockTime(until, true);
  return t('lockedUntil', { message: error.message, time: local });
}
