// The station's structured log: one JSON line per event, {"t": iso, "level", "msg", ...fields}, with
// anything that looks like a secret masked (logging/redact.ts) however a caller words it. Long-lived
// front doors write to <dataDir>/logs (rotated by size) and stderr; one-shot CLI commands to the same
// files, with only errors on stderr (a refusal already reaches the user as a sentence);
// tests are silent. Writing a line never throws: a log that fails must not stop a scan.
import { redactText, redactValue, describeError } from './logging/redact';
import { logDirFor, RotatingFile, type RotatingFileOptions } from './logging/rotating-file';

export type LogLevel = 'info' | 'warn' | 'error';

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, err?: unknown, fields?: Record<string, unknown>): void;
}

/** A line longer than this is cut to its time, level and message (a runaway field must not flood the disk). */
export const MAX_LINE_CHARS = 64 * 1024;

/** The JSON line for one event; exported for tests and for anything that writes a log line by hand. */
export function formatLine(at: Date, level: LogLevel, message: string, fields: Record<string, unknown> = {}, err?: unknown): string {
  const safe = redactValue(fields);
  const rest = typeof safe === 'object' && safe !== null && !Array.isArray(safe) ? safe : {};
  // t, level and msg always come first and cannot be overwritten by a field of the same name.
  const { t: _t, level: _level, msg: _msg, ...extra } = rest as Record<string, unknown>;
  const record: Record<string, unknown> = { t: at.toISOString(), level, msg: redactText(message), ...extra };
  if (err !== undefined) record.error = describeError(err);
  const line = JSON.stringify(record);
  if (line.length <= MAX_LINE_CHARS) return line;
  return JSON.stringify({ t: record.t, level, msg: String(record.msg).slice(0, 2000), truncated: line.length });
}

/** Where formatted lines go; the level lets a sink take only some of them (see atLeast). */
export type LineSink = (line: string, level: LogLevel) => void;

/** A sink that passes on lines at or above `minLevel` only. */
export function atLeast(minLevel: LogLevel, sink: LineSink): LineSink {
  return (line, level) => {
    if (rank[level] >= rank[minLevel]) sink(line, level);
  };
}

export const stderrSink: LineSink = (line) => {
  try {
    process.stderr.write(line + '\n');
  } catch {
    // A closed stderr (EPIPE) loses this copy; the file copy, if any, still has it.
  }
};

const rank: Record<LogLevel, number> = { info: 0, warn: 1, error: 2 };

/** A logger writing each line at or above `minLevel` to every sink; a throwing sink is ignored. */
export function createLogger(write: LineSink | readonly LineSink[] = stderrSink, now: () => number = Date.now, minLevel: LogLevel = 'info'): Logger {
  const sinks = typeof write === 'function' ? [write] : write;
  const emit = (level: LogLevel, message: string, fields: Record<string, unknown> | undefined, err?: unknown) => {
    if (rank[level] < rank[minLevel]) return;
    let line: string;
    try {
      line = formatLine(new Date(now()), level, message, fields, err);
    } catch {
      line = JSON.stringify({ t: new Date().toISOString(), level, msg: redactText(String(message)), unformattable: true });
    }
    for (const sink of sinks) {
      try {
        sink(line, level);
      } catch {
        // See the file's header: never let logging fail the caller.
      }
    }
  };
  return {
    info: (message, fields) => emit('info', message, fields),
    warn: (message, fields) => emit('warn', message, fields),
    error: (message, err, fields) => emit('error', message, fields, err),
  };
}

export interface FileLogger extends Logger {
  /** The current log file (<dataDir>/logs/dockside.log). */
  readonly path: string;
  /** Lines the file could not take (disk full, folder gone); stderr may still have had them. */
  readonly dropped: number;
}

export interface FileLoggerOptions extends Omit<RotatingFileOptions, 'dir'> {
  dataDir: string;
  /**
   * Also write lines to stderr: true for every line (front doors run from a terminal or a service
   * manager), or the lowest level stderr takes (a one-shot command's stderr is for people).
   */
  stderr?: boolean | LogLevel;
  now?: () => number;
}

/** The logger for front doors that stay up: rotated JSON-lines files in the data folder. */
export function createFileLogger(options: FileLoggerOptions): FileLogger {
  const file = new RotatingFile({ ...options, dir: logDirFor(options.dataDir) });
  const now = options.now ?? Date.now;
  let reported = 0;
  const toFile: LineSink = (line) => {
    if (!file.write(line) || file.dropped === reported) return;
    // The disk took a line again: say in the file itself that a gap came before it.
    const lost = file.dropped - reported;
    reported = file.dropped;
    file.write(formatLine(new Date(now()), 'warn', 'log lines were lost: the log file could not be written (disk full or folder unavailable)', { lost }));
  };
  const sinks: LineSink[] = [toFile];
  if (options.stderr === true) sinks.push(stderrSink);
  else if (options.stderr) sinks.push(atLeast(options.stderr, stderrSink));
  const logger = createLogger(sinks, now);
  return {
    ...logger,
    path: file.path,
    get dropped() {
      return file.dropped;
    },
  };
}

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
