// Approval figures on a real SQLite file (synchronous=FULL), through the dispatcher:
// approval_preview_100k_ms  approval:preview of a closed 100,000-device batch with 100 audited fixes
//                           (median of 5; p-max beside it): the two-person rule reads who changed what
//                           from every live device and its audit rows.
// approve_second_pin_100k_ms approval:approve of that batch with a second person's PIN (scrypt N=2^10
//                           here, as in tests: the PIN cost is the station's, not this code's).
import { performance } from 'node:perf_hooks';
import { tempStation } from '../test/helpers/temp-station';
import { seedDevices } from './_seed';
import { percentile, round } from './stats';

const TENANT = '11111111-2222-3333-4444-555555555555';

export async function run(): Promise<Record<string, number>> {
  const t = await tempStation();
  try {
    const lead = await t.tokenFor('lead', 'Bench Lead');
    await t.tokenFor('lead', 'Second Lead');
    const call = async <T,>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> => {
      const r = await p;
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    const batch = await call(t.station.call('batches:create', { name: 'Bench-approve' }, { sessionToken: lead }));
    const sqlite = t.station.database.sqlite;
    const leadId = (sqlite.prepare("SELECT id FROM operators WHERE name = 'Bench Lead'").get() as { id: number }).id;
    seedDevices(t.station, batch.id, leadId, 100_000, 4_000_000_000_000);
    const ids = (sqlite.prepare('SELECT id FROM devices WHERE batch_id = ? ORDER BY id LIMIT 100').all(batch.id) as { id: number }[]).map((r) => r.id);
    for (const deviceId of ids) await call(t.station.call('review:fixDevice', { deviceId, serial: `SN${deviceId}`, manufacturer: 'Contoso', model: 'Bench', reason: 'bench fix' }, { sessionToken: lead }));
    await call(t.station.call('batches:close', { id: batch.id }, { sessionToken: lead }));
    sqlite.prepare("INSERT INTO customers (tenant_id, company_name, domain, relationship, refreshed_at) VALUES (?, 'Contoso', 'contoso.example', 'reseller', ?)").run(TENANT, Date.now());
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      const preview = await call(t.station.call('approval:preview', { batchId: batch.id, customerTenantId: TENANT }, { sessionToken: lead }));
      times.push(performance.now() - started);
      if (!preview.twoPersonRule.needsSecondPerson) throw new Error('the bench lead should need a second person');
    }
    const started = performance.now();
    await call(t.station.call('approval:approve', { batchId: batch.id, customerTenantId: TENANT, secondPerson: { name: 'Second Lead', pin: '739154' } }, { sessionToken: lead }));
    const approveMs = performance.now() - started;
    return { approval_preview_100k_ms: round(percentile(times, 50)), approval_preview_100k_max_ms: round(Math.max(...times)), approve_second_pin_100k_ms: round(approveMs) };
  } finally {
    t.cleanup();
  }
}
