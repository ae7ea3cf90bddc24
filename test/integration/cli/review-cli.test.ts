// dockside import | export | status | approve as child processes, like a script would run them.
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

describe('dockside import, export, status, approve', () => {
  it('imports with line-numbered refusals, exports atomically, shows status, and approves as a second lead', () => {
    const dir = makeTempDir();
    const ada = { DOCKSIDE_AS: 'Ada', DOCKSIDE_PIN: '482913' };
    const lena = { DOCKSIDE_AS: 'Lena', DOCKSIDE_PIN: '739154' };
    expect(dockside(['init', '--data-dir', dir, '--admin', 'Ada', '--pin', '482913']).code).toBe(0);
    expect(dockside(['operators', 'add', 'Lena', '--role', 'lead', '--new-pin', '739154', '--data-dir', dir], ada).code).toBe(0);
    expect(dockside(['batches', 'create', 'PO-1', '--data-dir', dir], ada).code).toBe(0);

    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'PKID\n12345\nabc\n');
    const refused = dockside(['import', bad, '--batch', 'PO-1', '--data-dir', dir], ada);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/line 2: 5 digits \(12345\): a PKID has exactly 13 digits/);
    expect(refused.err).toMatch(/line 3: "abc" is not a PKID/);
    expect(refused.err).toMatch(/Nothing in bad\.csv can be imported/);

    const good = join(dir, 'good.csv');
    writeFileSync(good, 'Windows Product ID;Device Serial Number\r\n3905012345678;SN1\r\n3905012345679;SN2\r\n3905012345678;SN3\r\n');
    const imported = dockside(['import', good, '--batch', 'po-1', '--data-dir', dir], ada);
    expect(imported).toMatchObject({ code: 0, out: expect.stringMatching(/3 lines \(utf-8, delimiter ";"\): 2 to import, 1 refused\.\nImported 2 devices into batch PO-1\./) });
    expect(imported.err).toMatch(/line 4: PKID 3905012345678 is also on line 2 of this file/);

    const out = join(dir, 'pc.csv');
    expect(dockside(['export', 'PO-1', '--format', 'partner-center', '--out', out, '--data-dir', dir], ada)).toMatchObject({ code: 0 });
    expect(readFileSync(out, 'utf8')).toBe('Device Serial Number,Windows Product ID,Hardware Hash,Manufacturer name,Device model\r\n,3905012345678,,,\r\n,3905012345679,,,\r\n');

    const status = JSON.parse(dockside(['status', 'PO-1', '--json', '--data-dir', dir], ada).out) as { totals: { live: number }; devices: { pkid: string; state: string; source: string }[] };
    expect(status.totals.live).toBe(2);
    expect(status.devices.map((d) => [d.pkid, d.state, d.source])).toEqual([
      ['3905012345678', 'scanned', 'import'],
      ['3905012345679', 'scanned', 'import'],
    ]);

    const db = new Database(join(dir, 'dockside.sqlite'));
    db.prepare("INSERT INTO customers (tenant_id, company_name, relationship, refreshed_at) VALUES ('t-1', 'Contoso', 'reseller', 0)").run();
    db.close();
    expect(dockside(['batches', 'close', 'PO-1', '--data-dir', dir], ada).code).toBe(0);
    expect(dockside(['approve', 'PO-1', '--customer', 't-1', '--data-dir', dir], ada)).toMatchObject({ code: 1, err: expect.stringMatching(/two-person rule/i) });
    expect(dockside(['approve', 'PO-1', '--customer', 't-2', '--data-dir', dir], lena)).toMatchObject({ code: 1, err: expect.stringMatching(/refresh the customer list/) });
    expect(dockside(['approve', 'PO-1', '--customer', 't-1', '--data-dir', dir], lena)).toMatchObject({ code: 0, out: 'Batch PO-1 (2 devices) is approved for Contoso by Lena.\n' });
    expect(dockside(['export', 'PO-1', '--format', 'pdf', '--out', out, '--data-dir', dir], ada).code).toBe(2);
  }, 120_000);
});
