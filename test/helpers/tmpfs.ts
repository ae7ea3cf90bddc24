// A real, small tmpfs for disk-full tests: the kernel answers ENOSPC exactly as a full disk does.
// Mounting needs root (or a user+mount namespace: run the suite under `unshare -rm`); when it is not
// allowed the caller gets an error that says so, never a quietly skipped test.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Tmpfs {
  dir: string;
  /** Free bytes as the file system reports them. */
  freeBytes(): number;
  unmount(): void;
}

function run(command: string, args: string[]): string | null {
  try {
    execFileSync(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    return null;
  } catch (err) {
    const stderr = typeof err === 'object' && err !== null && 'stderr' in err ? String(err.stderr).trim() : '';
    return stderr || (err instanceof Error ? err.message : String(err));
  }
}

export function mountTmpfs(sizeBytes: number): Tmpfs {
  const dir = mkdtempSync(join(tmpdir(), 'dockside-tmpfs-'));
  const problem = run('mount', ['-t', 'tmpfs', '-o', `size=${sizeBytes},mode=0700`, 'tmpfs', dir]);
  if (problem !== null) {
    rmSync(dir, { recursive: true, force: true });
    const uid = process.getuid?.() ?? -1;
    throw new Error(
      `Cannot mount a ${sizeBytes}-byte tmpfs at ${dir} (${problem}). This test needs a real small file system: ` +
        `run it as root, or inside a user and mount namespace (\`unshare -rm npm run test:fault\`)` +
        (uid === 0 ? '; this process is root, so the kernel or container forbids tmpfs mounts here.' : `; this process runs as uid ${uid}.`),
    );
  }
  return {
    dir,
    freeBytes() {
      const s = statfsSync(dir);
      return Number(s.bavail) * Number(s.bsize);
    },
    unmount() {
      const failed = run('umount', [dir]);
      if (failed !== null) throw new Error(`Cannot unmount the test tmpfs at ${dir}: ${failed}`);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
