// A throwaway PostgreSQL cluster for tests: initdb in a temp folder, listening on 127.0.0.1 only on a
// free port with its unix socket inside the folder, so no server the machine runs is ever touched.
// PostgreSQL refuses to run as root; when the tests are root (CI), the folder is given to the
// unprivileged `postgres` user and every server tool runs as that user.
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PgCluster {
  readonly port: number;
  readonly dir: string;
  /** A superuser URL (password auth over TCP) for the test's own setup. */
  readonly adminUrl: string;
  readonly adminPassword: string;
  /** Stops the server at once (like a crash or a pulled cable); `start()` brings it back on the same port. */
  stop(): void;
  start(): void;
  /** Stops and removes the whole cluster. */
  destroy(): void;
}

function findBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : [];
  const newest = versions.toSorted((a, b) => Number(b) - Number(a))[0];
  if (!newest) throw new Error('PostgreSQL is not installed (no initdb under /usr/lib/postgresql/*/bin): apt-get install postgresql');
  return join(root, newest, 'bin');
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startPgCluster(): Promise<PgCluster> {
  const bin = findBinDir();
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'dockside-pg-'));
  const data = join(dir, 'data');
  const adminPassword = `test-${Math.random().toString(36).slice(2)}`;
  const run = (tool: string, args: string[]) => {
    const command = asRoot ? 'runuser' : join(bin, tool);
    const fullArgs = asRoot ? ['-u', 'postgres', '--', join(bin, tool), ...args] : args;
    execFileSync(command, fullArgs, { stdio: 'pipe', cwd: dir });
  };
  if (asRoot) {
    chmodSync(dir, 0o700);
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const pwFile = join(dir, 'pw');
  writeFileSync(pwFile, adminPassword, { mode: 0o600 });
  if (asRoot) chownSync(pwFile, Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), 0);
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=scram-sha-256', `--pwfile=${pwFile}`, '-E', 'UTF8', '--no-sync', '--locale=C']);
  rmSync(pwFile);
  const port = await freePort();
  // fsync off: the tests crash the server, never the machine, so the OS keeps what was written. A commit
  // is still written before it is acknowledged (synchronous_commit stays on): with it off, the immediate
  // stop of `stop()` forgot acknowledged claims, and the fleet fault loop saw two docks keep one box.
  const options = `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${dir} -c fsync=off -c full_page_writes=off`;
  const start = () => run('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-o', options, '-w', '-t', '30', 'start']);
  const stop = () => run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
  start();
  let running = true;
  return {
    port,
    dir,
    adminPassword,
    adminUrl: `postgres://postgres:${encodeURIComponent(adminPassword)}@127.0.0.1:${port}/postgres`,
    stop() {
      if (running) stop();
      running = false;
    },
    start() {
      if (!running) start();
      running = true;
    },
    destroy() {
      try {
        if (running) stop();
      } finally {
        running = false;
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
