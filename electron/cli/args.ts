// Flags every command shares, and the rule for who the CLI acts as.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { defaultDataDir } from '../core/data-dir';
import { PIN, secretFrom } from './secrets';

export class UsageError extends Error {}

export const commonOptions = {
  'data-dir': { type: 'string' },
  as: { type: 'string' },
  pin: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsConfig['options'];

/** parseArgs' own messages quote unevenly ("Unknown option '--x'. To specify … as in '-- \"--x\""); say it plainly. */
function parseProblem(err: unknown, options: NonNullable<ParseArgsConfig['options']>): string {
  const message = err instanceof Error ? err.message : String(err);
  const code = (err as { code?: unknown } | null)?.code;
  const flag = /'(-[^' ]+)/.exec(message)?.[1] ?? '';
  const known = Object.entries(options)
    .map(([long, o]) => `--${long}${o.type === 'string' ? ' VALUE' : ''}`)
    .join(', ');
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `there is no option ${flag} for this command. Its options are: ${known}.`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return /does not take an argument/.test(message) ? `${flag.replace(/=.*$/, '')} takes no value.` : `${flag} needs a value after it (e.g. ${flag} VALUE).`;
  }
  return message;
}

export function parse<O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O) {
  const all = { ...commonOptions, ...options };
  try {
    return parseArgs({ args: argv, options: all, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(parseProblem(err, all));
  }
}

export function dataDirFrom(value: string | boolean | undefined): string {
  return typeof value === 'string' && value.length > 0 ? value : defaultDataDir();
}

export interface Credentials {
  name: string;
  pin: string;
}

/** --as NAME with --pin - (asked without echo, or piped), DOCKSIDE_PIN or --pin PIN (visible to others: warned). */
export async function credentialsFrom(values: { as?: string | boolean; pin?: string | boolean }, env: NodeJS.ProcessEnv = process.env): Promise<Credentials> {
  const name = typeof values.as === 'string' ? values.as : env.DOCKSIDE_AS;
  if (!name) throw new UsageError('This command needs an operator: pass --as NAME with --pin - (or set DOCKSIDE_AS and DOCKSIDE_PIN).');
  const pin = await secretFrom(PIN, values.pin, env);
  if (!pin) throw new UsageError(`This command needs ${name}'s PIN: pass --pin - to type it (or pipe it in), or set DOCKSIDE_PIN.`);
  return { name, pin };
}
