// What a newcomer meets first: `dockside --help` exited 2 on stderr while a bare `dockside` exited 0;
// an unknown command, `--format xml` and an unknown flag did not say what was wrong (the flag's message
// came straight from parseArgs, with an unbalanced quote). The real CLI, as a child process.
import { spawnSync } from 'node:child_process';
import { describe, expect, it, vi } from 'vitest';

// Each step is a real `dockside` child process (tsx start-up, a station opened): seconds apiece on a
// loaded machine, so these tests get minutes rather than the default half-minute.
vi.setConfig({ testTimeout: 240_000, hookTimeout: 240_000 });

function dockside(args: string[]) {
  const r = spawnSync(process.execPath, ['bin/dockside.js', ...args], { encoding: 'utf8', env: { ...process.env, DOCKSIDE_AS: 'Ada', DOCKSIDE_PIN: '482913' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('dockside help and usage errors', () => {
  it.each([[[]], [['--help']], [['-h']], [['help']]])('%j prints the usage on stdout and exits 0', (args) => {
    const r = dockside(args);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toMatch(/^Usage: dockside <command>/);
    expect(r.out).toContain('dockside export NAME');
  });

  it.each([[['export', '--help']], [['export', '-h']], [['help', 'export']], [['export', 'PO 1', '--format', 'xml', '--help']]])('%j prints the help of that command on stdout and exits 0', (args) => {
    const r = dockside(args);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('dockside export NAME --format partner-center|report');
    expect(r.out).not.toContain('dockside import FILE');
  });

  it('has help for every command', () => {
    for (const command of ['serve', 'support-bundle', 'operators']) {
      const r = dockside([command, '--help']);
      expect(r.code).toBe(0);
      expect(r.out).toContain(`dockside ${command}`);
    }
  });

  it('names an unknown command and lists the commands there are', () => {
    const r = dockside(['exprot', 'PO 1']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/there is no command "exprot"\. Commands: init, operators, batches, .*export.*support-bundle/);
    expect(r.out).toBe('');
  });

  it('names a wrong --format and the formats there are', () => {
    const r = dockside(['export', 'PO 1', '--format', 'xml', '--out', 'x.csv']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--format must be partner-center or report, not "xml"/);
  });

  it('names an unknown flag in a plain sentence with the options there are', () => {
    const r = dockside(['export', 'PO 1', '--fromat', 'report']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/there is no option --fromat for this command\. Its options are: .*--format VALUE/);
    expect(r.err).not.toMatch(/['"]/);
    const missing = dockside(['verify', '--data-dir']);
    expect(missing).toMatchObject({ code: 2, err: expect.stringMatching(/--data-dir needs a value after it/) });
  });
});
