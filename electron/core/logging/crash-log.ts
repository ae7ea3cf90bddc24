// The last word of a process that fails in a way nobody caught: the reason goes to the station's log
// (logs/dockside.log, so a support bundle carries it) as well as stderr. An uncaught exception may
// have left any state half-changed, so the process stops; a rejected promise nobody awaited has not
// changed anything by being unhandled, so it is logged and the station keeps serving.
import type { Logger } from '../log';

/** The exit code after an uncaught exception (EX_SOFTWARE). */
export const CRASH_EXIT_CODE = 70;

export function logCrashes(logger: Logger, proc: NodeJS.Process = process): () => void {
  const onException = (err: unknown, origin: string) => {
    logger.error('the station stopped after an uncaught exception', err, { origin });
    proc.exit(CRASH_EXIT_CODE);
  };
  const onRejection = (reason: unknown) => {
    logger.error('an unhandled promise rejection (the station keeps running)', reason);
  };
  proc.on('uncaughtException', onException);
  proc.on('unhandledRejection', onRejection);
  return () => {
    proc.off('uncaughtException', onException);
    proc.off('unhandledRejection', onRejection);
  };
}
