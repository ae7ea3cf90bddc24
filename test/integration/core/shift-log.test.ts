// The log tells a shift's story for support: sign-ins and lock-outs, scans and undos, refusals the
// user saw, approvals, and never a PIN or a token.
import { afterEach, describe, expect, it } from 'vitest';
import type { LogLevel, Logger } from '../../../electron/core/log';
import { formatLine } from '../../../electron/core/log';
import { tempStation, type TempStation } from '../../helpers/temp-station';

let t: TempStation | undefined;
afterEach(() => t?.cleanup());

/** A logger that keeps the JSON lines the file logger would write. */
function memoryLogger(lines: string[]): Logger {
  const write = (level: LogLevel) => (msg: string, a?: unknown, b?: Record<string, unknown>) =>
    lines.push(level === 'error' ? formatLine(new Date(), level, msg, b, a) : formatLine(new Date(), level, msg, a as Record<string, unknown> | undefined));
  return { info: write('info'), warn: write('warn'), error: (msg, err, fields) => lines.push(formatLine(new Date(), 'error', msg, fields, err)) };
}

describe('the shift log', () => {
  it('has a line for each sign-in, failed PIN, lock-out, scan, undo, refusal and batch step, without secrets', async () => {
    const lines: string[] = [];
    t = await tempStation({ logger: memoryLogger(lines) });
    const lead = await t.tokenFor('lead', 'Lena');
    const created = await t.station.call('batches:create', { name: 'Dock 1' }, { sessionToken: lead });
    if (!created.ok) throw new Error(created.error.message);
    const batchId = created.value.id;
    await t.station.call('scans:record', { batchId, raw: '3905012345678', source: 'wedge' }, { sessionToken: lead });
    await t.station.call('scans:record', { batchId, raw: '3905012345678', source: 'wedge' }, { sessionToken: lead });
    await t.station.call('scans:undo', { batchId }, { sessionToken: lead });
    await t.station.call('batches:create', { name: 'dock 1' }, { sessionToken: lead });
    for (let i = 0; i < 6; i++) await t.station.call('session:signIn', { name: 'Lena', pin: '000000' });

    const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const msgs = records.map((r) => r.msg);
    expect(msgs).toContain('audit session:signIn');
    expect(msgs).toContain('audit batches:create');
    expect(records.find((r) => r.msg === 'audit scans:record' && r.result === 'ok')).toMatchObject({ operator: 'Lena', pkid: '3905012345678', source: 'wedge' });
    expect(records.find((r) => r.msg === 'audit scans:undo')).toMatchObject({ operator: 'Lena', undid: 'box' });
    expect(records.find((r) => r.msg === 'refused batches:create')).toMatchObject({ level: 'warn', code: 'CONFLICT', operator: 'Lena' });
    expect(records.filter((r) => r.msg === 'audit session:signIn' && r.result === 'failed').length).toBeGreaterThan(0);
    expect(msgs).toContain('audit session:lockedOut');
    // PINs never: neither the one that worked nor the wrong ones.
    const text = lines.join('\n');
    expect(text).not.toContain('000000');
    expect(text).not.toContain('739154');
    expect(text).not.toMatch(/"pin"/i);
  });
});
