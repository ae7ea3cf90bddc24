// Runs the real browser host as a child process (`dockside serve`), for tests that kill it.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { docksideEntry } from './dockside-entry';

export interface HostProcess {
  child: ChildProcess;
  origin: string;
  token: string;
  rpc<T = unknown>(channel: string, input: unknown, session?: string): Promise<{ ok: boolean; value?: T; error?: { code: string; message: string } }>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export async function startHostProcess(dataDir: string, extraArgs: string[] = []): Promise<HostProcess> {
  const token = randomBytes(12).toString('hex');
  const child = spawn(process.execPath, [docksideEntry(), 'serve', '--data-dir', dataDir, '--port', '0', '--host-token', token, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const origin = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Dockside is ready at (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`dockside serve exited with ${code}: ${err}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    origin,
    token,
    rpc: async (channel, input, session) => {
      const res = await fetch(`${origin}/rpc/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-dockside-token': token, ...(session ? { 'x-dockside-session': session } : {}) },
        body: JSON.stringify(input),
      });
      return (await res.json()) as never;
    },
    kill: async (signal = 'SIGKILL') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
