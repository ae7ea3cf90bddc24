// Flags every command shares, and the rule for who the CLI acts as.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { defaultDataDir } from '../core/data-dir';

export class UsageError extends Error {}

export const commonOptions = {
  'data-dir': { type: 'string' },
  as: { type: 'string' },
  pin: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsConfig['options'];

export function parse<O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options: { ...commonOptions, ...options }, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

export function dataDirFrom(value: string | boolean | undefined): string {
  return typeof value === 'string' && value.length > 0 ? value : defaultDataDir();
}

export interface Credentials {
  name: string;
  pin: string;
}

/** --as/--pin, or DOCKSIDE_AS/DOCKSIDE_PIN so a PIN need not appear in shell history. */
export function credentialsFrom(values: { as?: string | boolean; pin?: string | boolean }, env: NodeJS.ProcessEnv = process.env): Credentials {
  const name = typeof values.as === 'string' ? values.as : env.DOCKSIDE_AS;
  const pin = typeof values.pin === 'string' ? values.pin : env.DOCKSIDE_PIN;
  if (!name || !pin) throw new UsageError('This command needs an operator: pass --as NAME --pin PIN (or set DOCKSIDE_AS and DOCKSIDE_PIN).');
  return { name, pin };
}
