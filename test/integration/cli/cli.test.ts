import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../helpers/temp-station';
import { docksideEntry } from '../../helpers/dockside-entry';

function dockside(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [docksideEntry(), ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('dockside CLI', () => {
  it('init, then verify passes; a hand-edited audit row makes verify fail naming the row', () => {
    const dir = makeTempDir();
    expect(dockside(['init', '--data-dir', dir, '--admin', 'Ada', '--pin', '482913'])).toMatchObject({ code: 0, out: expect.stringMatching(/Ada is its admin/) });
    expect(dockside(['verify', '--data-dir', dir])).toMatchObject({ code: 0, out: expect.stringMatching(/audit chain: ok/) });
    const db = new Database(join(dir, 'dockside.sqlite'));
    db.prepare("UPDATE audit SET operator_name = 'Mallory' WHERE id = 2").run();
    db.close();
    const after = dockside(['verify', '--data-dir', dir]);
    expect(after.code).toBe(1);
    expect(after.out).toMatch(/audit row 2 \(station:setupFirstAdmin at .*\) was changed/);
  });

  it('refuses a second init and keeps the station as it was', () => {
    const dir = makeTempDir();
    dockside(['init', '--data-dir', dir, '--admin', 'Ada', '--pin', '482913']);
    expect(dockside(['init', '--data-dir', dir, '--admin', 'Eve', '--pin', '482913'])).toMatchObject({ code: 1, err: expect.stringMatching(/already set up/) });
  });

  it('manages operators as an admin given by flags or environment, and refuses the wrong PIN', () => {
    const dir = makeTempDir();
    dockside(['init', '--data-dir', dir, '--admin', 'Ada', '--pin', '482913']);
    expect(dockside(['operators', 'add', 'Olga', '--role', 'operator', '--new-pin', '602817', '--data-dir', dir, '--as', 'Ada', '--pin', '482913']).code).toBe(0);
    const env = { DOCKSIDE_AS: 'ada', DOCKSIDE_PIN: '482913' };
    expect(dockside(['operators', 'disable', 'olga', '--data-dir', dir], env)).toMatchObject({ code: 0, out: 'Disabled Olga.\n' });
    const list = JSON.parse(dockside(['operators', 'list', '--json', '--data-dir', dir], env).out) as { name: string; active: boolean }[];
    expect(list.map((o) => [o.name, o.active])).toEqual([['Ada', true], ['Olga', false]]);
    expect(dockside(['operators', 'list', '--data-dir', dir, '--as', 'Ada', '--pin', '000000'])).toMatchObject({ code: 1, err: expect.stringMatching(/BAD_CREDENTIALS/) });
    expect(dockside(['operators', 'add', 'X', '--role', 'boss', '--new-pin', '602817', '--data-dir', dir], env)).toMatchObject({ code: 2, err: expect.stringMatching(/--role must be one of/) });
  });

  it('a refused command says one plain sentence on stderr; its log line goes to logs/, never a PIN', () => {
    const dir = makeTempDir();
    dockside(['init', '--data-dir', dir, '--admin', 'Ada', '--pin', '482913']);
    const refused = dockside(['operators', 'list', '--data-dir', dir], { DOCKSIDE_AS: 'Ada', DOCKSIDE_PIN: '000917' });
    expect(refused.code).toBe(1);
    expect(refused.err.trim().split('\n')).toHaveLength(1);
    expect(refused.err).not.toContain('{"t"');
    expect(refused.err).toMatch(/BAD_CREDENTIALS/);
    const log = readFileSync(join(dir, 'logs', 'dockside.log'), 'utf8');
    expect(log).toMatch(/"level":"warn".*BAD_CREDENTIALS/);
    expect(log).not.toContain('000917');
  });

  it('explains usage errors with exit code 2', () => {
    expect(dockside(['frobnicate'])).toMatchObject({ code: 2, err: expect.stringMatching(/there is no command "frobnicate". Commands: init, operators/) });
    expect(dockside(['init', '--data-dir', makeTempDir()])).toMatchObject({ code: 2, err: expect.stringMatching(/--admin NAME/) });
    expect(dockside(['operators', 'list', '--data-dir', makeTempDir()], { DOCKSIDE_AS: '', DOCKSIDE_PIN: '' })).toMatchObject({ code: 2 });
  });

  it('stops with a clear message on a damaged database and leaves it alone', () => {
    const dir = makeTempDir();
    writeFileSync(join(dir, 'dockside.sqlite'), 'not a database'.repeat(100));
    expect(dockside(['verify', '--data-dir', dir])).toMatchObject({ code: 3, err: expect.stringMatching(/damaged/) });
  });
});

describe('dockside batches', () => {
  it('creates, lists (text and JSON) and closes batches; refuses an empty close', () => {
    const dir = makeTempDir();
    dockside(['init', '--data-dir', dir, '--admin', 'Ada', '--pin', '482913']);
    const env = { DOCKSIDE_AS: 'Ada', DOCKSIDE_PIN: '482913' };
    expect(dockside(['batches', 'create', 'PO', '4711', '--data-dir', dir], env)).toMatchObject({ code: 0, out: 'Batch PO 4711 is open for scanning.\n' });
    expect(dockside(['batches', 'create', 'po 4711', '--data-dir', dir], env)).toMatchObject({ code: 1, err: expect.stringMatching(/already exists/) });
    expect(dockside(['batches', 'list', '--data-dir', dir], env).out).toMatch(/PO 4711\s+0 devices\s+Open for scanning/);
    expect(dockside(['batches', 'close', 'PO 4711', '--data-dir', dir], env)).toMatchObject({ code: 1, err: expect.stringMatching(/no devices yet/) });
    const listed = JSON.parse(dockside(['batches', 'list', '--json', '--data-dir', dir], env).out) as { name: string; state: string }[];
    expect(listed).toMatchObject([{ name: 'PO 4711', state: 'open' }]);
  });
});
