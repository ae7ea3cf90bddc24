// PINs and tokens given on the command line can be read by every user of the machine (`ps`, /proc) and
// end up in shell history. Each secret flag therefore also takes `-` (read it from standard input: typed
// at a prompt that does not echo when stdin is a terminal, or one line of piped input) and an
// environment variable; a value on the command line still works but earns a warning.
import { UsageError } from './args';
import { CommandFailed } from './run';

export interface SecretFlag {
  /** The flag, e.g. "--pin". */
  readonly flag: string;
  /** The environment variable read when the flag is absent, e.g. "DOCKSIDE_PIN". */
  readonly env: string;
  /** What to ask for at the prompt, e.g. "PIN". */
  readonly prompt: string;
}

export const PIN: SecretFlag = { flag: '--pin', env: 'DOCKSIDE_PIN', prompt: 'PIN' };
export const NEW_PIN: SecretFlag = { flag: '--new-pin', env: 'DOCKSIDE_NEW_PIN', prompt: 'PIN for the new operator' };
export const SECOND_PIN: SecretFlag = { flag: '--second-pin', env: 'DOCKSIDE_SECOND_PIN', prompt: 'PIN of the second person' };
export const PARTNER_TOKEN: SecretFlag = { flag: '--token', env: 'DOCKSIDE_PARTNER_CENTER_TOKEN', prompt: 'Partner Center token' };
export const HOST_TOKEN: SecretFlag = { flag: '--host-token', env: 'DOCKSIDE_HOST_TOKEN', prompt: 'Host token' };

/** Piped standard input, read once and handed out a line per `-` flag, in the order they are asked for. */
let pipedLines: string[] | null = null;

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
  return text;
}

/** Asks on stderr and reads keys without echoing them (raw mode); Ctrl+C stops the command. */
function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  return new Promise((resolve, reject) => {
    let value = '';
    // Echo goes off before the prompt shows: a PIN typed the moment "PIN: " appears is never echoed.
    stdin.setRawMode(true);
    process.stderr.write(`${question}: `);
    const finish = (err?: Error) => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: Buffer | string) => {
      for (const ch of typeof chunk === 'string' ? chunk : chunk.toString('utf8')) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return finish();
        if (ch === '\u0003') return finish(new CommandFailed('Stopped: no value was entered.', 130));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.resume();
    stdin.on('data', onData);
  });
}

async function fromStdin(secret: SecretFlag): Promise<string> {
  let value: string | undefined;
  if (process.stdin.isTTY) value = await promptHidden(secret.prompt);
  else {
    pipedLines ??= (await readAll(process.stdin)).split(/\r?\n/);
    value = pipedLines.shift();
  }
  if (value === undefined || value === '') throw new UsageError(`${secret.flag} - reads the ${secret.prompt} from standard input, but none came. Type it at the prompt, pipe it in, or set ${secret.env}.`);
  return value;
}

/** The secret from `flag -` (stdin), `flag VALUE` (with a warning) or the environment; undefined when none is given. */
export async function secretFrom(secret: SecretFlag, value: string | boolean | undefined, env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  if (value === '-') return fromStdin(secret);
  if (typeof value === 'string') {
    process.stderr.write(
      `dockside: warning: ${secret.flag} on the command line can be seen by other users of this computer (ps) and stays in shell history; use ${secret.flag} - (typed without echo, or piped) or ${secret.env} instead.\n`,
    );
    return value;
  }
  return env[secret.env] || undefined;
}
