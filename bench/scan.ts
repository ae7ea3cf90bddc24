// Scan figures measured in the core: the durable write alone (scans:record through the dispatcher,
// synchronous=FULL on a real disk) with 100,000 devices already stored. The UI figures (Enter to
// verdict painted, camera first read) are measured in Chromium by bench/scan-ui.ts.
import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { tempStation } from '../test/helpers/temp-station';
import { seedDevices } from './_seed';
import { summary } from './stats';
import { wedgeFigures } from './_wedge-corpus';

export async function run(): Promise<Record<string, unknown>> {
  const t = await tempStation();
  try {
    const token = await t.tokenFor('operator', 'Bench');
    const batch = await t.station.call('batches:create', { name: 'Bench' }, { sessionToken: token });
    if (!batch.ok) throw new Error(batch.error.message);
    const seedBatch = await t.station.call('batches:create', { name: 'Seed' }, { sessionToken: token });
    if (!seedBatch.ok) throw new Error(seedBatch.error.message);
    seedDevices(t.station, seedBatch.value.id, 1, 100_000);
    const samples: number[] = [];
    for (let i = 0; i < 500; i++) {
      const pkid = String(2_000_000_000_000 + i * 7);
      const started = performance.now();
      const result = await t.station.call('scans:record', { batchId: batch.value.id, raw: pkid, source: 'wedge', confirmPkid: true }, { sessionToken: token });
      samples.push(performance.now() - started);
      if (!result.ok || result.value.verdict !== 'accepted') throw new Error(`scan ${pkid} not accepted: ${JSON.stringify(result)}`);
    }
    return { record_ms: summary(samples), record_devices_in_db: 100_500, ...wedgeFigures() };
  } finally {
    t.cleanup();
    rmSync(t.dataDir, { recursive: true, force: true });
  }
}
