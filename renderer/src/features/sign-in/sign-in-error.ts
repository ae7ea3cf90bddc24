import type { AppErrorShape } from '../../../../shared/contract';

/** The core's message, plus the lock-out end in this station's local time when the core gave it. */
export function signInErrorText(error: AppErrorShape): string {
  const until = typeof error.details === 'object' && error.details !== null && 'until' in error.details ? error.details.until : null;
  if (error.code !== 'LOCKED_OUT' || typeof until !== 'number') return error.message;
  const local = new Date(until).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return `${error.message} (That is ${local} on this station's clock.)`;
}
