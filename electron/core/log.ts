// A minimal structured logger. Messages are JSON lines; callers never pass PINs or tokens.
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, err?: unknown, fields?: Record<string, unknown>): void;
}

function describe(err: unknown): Record<string, unknown> {
  if (err instanceof Error) return { error: err.message, stack: err.stack };
  return err === undefined ? {} : { error: String(err) };
}

export function createLogger(write: (line: string) => void = (line) => process.stderr.write(line + '\n')): Logger {
  const emit = (level: string, message: string, fields: Record<string, unknown>) =>
    write(JSON.stringify({ at: new Date().toISOString(), level, message, ...fields }));
  return {
    info: (message, fields = {}) => emit('info', message, fields),
    warn: (message, fields = {}) => emit('warn', message, fields),
    error: (message, err, fields = {}) => emit('error', message, { ...fields, ...describe(err) }),
  };
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
