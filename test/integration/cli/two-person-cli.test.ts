// The two-person rule's way out through the CLI, as child processes on a real database file: the lead
// who imported is refused alone, a second person confirms with their PIN, and an admin can turn the
// rule off (audited); a lead cannot.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../helpers/temp-station';
import { docksideEntry } from '../../helpers/dockside-entry';

const TENANT = '11111111-2222-3333-4444-555555555555';

function dockside(args: string[], env: Record<string, string> = {}, input?: string): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [docksideEntry(), ...args], { env: { ...process.env, ...env }, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    if (input !== undefined) child.stdin?.end(input);
    let out = '';
    let err = '';
    child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
    child.once('exit', (code) => resolve({ code, out, err }));
  });
}

describe('dockside approve and settings: the two-person rule', () => {
  it('refuses the importing lead alone, approves with a second PIN, and lets only an admin turn the rule off', async () => {
    const dir = makeTempDir();
    const ada = { DOCKSIDE_AS: 'Ada', DOCKSIDE_PIN: '482913' };
    const lena = { DOCKSIDE_AS: 'Lena', DOCKSIDE_PIN: '739154' };
    expect((await dockside(['init', '--data-dir', dir, '--admin', 'Ada', '--pin', '482913'])).code).toBe(0);
    expect((await dockside(['operators', 'add', 'Lena', '--role', 'lead', '--new-pin', '739154', '--data-dir', dir], ada)).code).toBe(0);
    // The customer list as a refresh from Partner Center leaves it (the refresh itself is tested elsewhere).
    const db = new Database(join(dir, 'dockside.sqlite'));
    db.prepare("INSERT INTO customers (tenant_id, company_name, domain, relationship, refreshed_at) VALUES (?, 'Contoso', 'contoso.example', 'reseller', ?)").run(TENANT, Date.now());
    db.close();
    for (const name of ['PO-1', 'PO-2']) {
      expect((await dockside(['batches', 'create', name, '--data-dir', dir], lena)).code).toBe(0);
      const file = join(dir, `${name}.csv`);
      writeFileSync(file, name === 'PO-1' ? 'PKID\n3905012345678\n' : 'PKID\n3905012345679\n');
      expect((await dockside(['import', file, '--batch', name, '--data-dir', dir], lena)).code).toBe(0);
      expect((await dockside(['batches', 'close', name, '--data-dir', dir], lena)).code).toBe(0);
    }
    const alone = await dockside(['approve', 'PO-1', '--customer', TENANT, '--data-dir', dir], lena);
    expect(alone).toMatchObject({ code: 1, err: expect.stringMatching(/you imported lines of batch PO-1.*Ada may approve it, or confirm your approval with their PIN/) });
    const wrong = await dockside(['approve', 'PO-1', '--customer', TENANT, '--second-as', 'Ada', '--second-pin', '111222', '--data-dir', dir], lena);
    expect(wrong).toMatchObject({ code: 1, err: expect.stringMatching(/BAD_CREDENTIALS/) });
    // Both PINs piped, the approver's line first: neither is on the command line where ps shows it.
    const confirmed = await dockside(['approve', 'PO-1', '--customer', TENANT, '--pin', '-', '--second-as', 'Ada', '--second-pin', '-', '--data-dir', dir], { DOCKSIDE_AS: 'Lena', DOCKSIDE_PIN: '' }, '739154\n482913\n');
    expect(confirmed).toMatchObject({ code: 0, out: expect.stringMatching(/approved for Contoso by Lena, confirmed by Ada\./) });
    expect(confirmed.err).not.toMatch(/can be seen by other users/);

    expect(await dockside(['settings', 'set', 'batches.twoPersonRule', 'off', '--data-dir', dir], lena)).toMatchObject({ code: 1, err: expect.stringMatching(/FORBIDDEN/) });
    expect(await dockside(['settings', 'set', 'batches.twoPersonRule', 'maybe', '--data-dir', dir], ada)).toMatchObject({ code: 2, err: expect.stringMatching(/on or off; "maybe" is neither/) });
    expect(await dockside(['settings', 'set', 'batches.twoPersonRul', 'off', '--data-dir', dir], ada)).toMatchObject({ code: 2, err: expect.stringMatching(/no setting called "batches.twoPersonRul"/) });
    expect(await dockside(['settings', 'set', 'batches.twoPersonRule', 'off', '--data-dir', dir], ada)).toMatchObject({ code: 0, out: 'batches.twoPersonRule is now off.\n' });
    expect(await dockside(['settings', 'get', 'batches.twoPersonRule', '--json', '--data-dir', dir], lena)).toMatchObject({ code: 0, out: '{"batches.twoPersonRule":false}\n' });
    expect(await dockside(['approve', 'PO-2', '--customer', TENANT, '--data-dir', dir], lena)).toMatchObject({ code: 0, out: expect.stringMatching(/approved for Contoso by Lena\./) });

    const check = new Database(join(dir, 'dockside.sqlite'), { readonly: true });
    const rows = check.prepare("SELECT action, result, operator_name AS who, detail FROM audit WHERE action IN ('settings:update', 'approval:approve', 'approval:confirm') ORDER BY id").all();
    check.close();
    expect(rows).toEqual([
      expect.objectContaining({ action: 'approval:approve', result: 'denied', who: 'Lena' }),
      // The wrong second PIN is counted against Ada, like a wrong sign-in.
      expect.objectContaining({ action: 'approval:confirm', result: 'failed', who: 'Ada', detail: '{"reason":"wrong PIN","failedAttempts":1}' }),
      expect.objectContaining({ action: 'approval:confirm', result: 'ok', who: 'Ada' }),
      expect.objectContaining({ action: 'approval:approve', result: 'ok', who: 'Lena', detail: expect.stringContaining('"confirmedByName":"Ada"') }),
      expect.objectContaining({ action: 'settings:update', result: 'ok', who: 'Ada', detail: '{"before":true,"after":false}' }),
      expect.objectContaining({ action: 'approval:approve', result: 'ok', who: 'Lena', detail: expect.stringContaining('"twoPersonRule":false') }),
    ]);
  }, 400_000);
});
