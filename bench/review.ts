// Shift lead's desk figures, measured through the dispatcher on real SQLite files (synchronous=FULL):
// import_100k_s   import:commit of a 100,000-line CSV (it re-reads and re-validates the file, then
//                 writes every line in one transaction); import_preview_100k_s is the preview alone;
//                 import_100k_quoted_s the same file with every field quoted (csv-parse throughout).
// lookup_1m_ms    review:find of an exact PKID with 1,000,000 devices stored (median; p99 beside it).
// export_100k_s   export:batch of a 100,000-device batch as the Partner Center CSV (report beside it).
// first_render_100k_ms is a UI figure, measured elsewhere.
import { performance } from 'node:perf_hooks';
import type { TempStation } from '../test/helpers/temp-station';
import { tempStation } from '../test/helpers/temp-station';
import { percentile, round } from './stats';

async function must<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const value = await fn();
  return [value, performance.now() - started];
}

function csv100k(first: number): string {
  const lines = ['Windows Product ID,Device Serial Number,Manufacturer name,Device model'];
  for (let i = 0; i < 100_000; i++) lines.push(`${first + i},SN${(first + i).toString(36).toUpperCase()},LENOVO,ThinkPad T14 Gen 4`);
  return lines.join('\r\n') + '\r\n';
}

async function importAndExport(t: TempStation): Promise<Record<string, number>> {
  const lead = await t.tokenFor('lead', 'Bench Lead');
  const batch = await must(t.station.call('batches:create', { name: 'Bench-import' }, { sessionToken: lead }));
  const text = csv100k(3_000_000_000_000);
  const input = { batchId: batch.id, fileName: 'bench.csv', contentBase64: Buffer.from(text).toString('base64') };
  const [preview, previewMs] = await timed(() => must(t.station.call('import:preview', input, { sessionToken: lead })));
  if (preview.accepted !== 100_000) throw new Error(`preview accepted ${preview.accepted}`);
  const [done, commitMs] = await timed(() => must(t.station.call('import:commit', { ...input, token: preview.token }, { sessionToken: lead })));
  if (done.imported !== 100_000) throw new Error(`imported ${done.imported}`);
  const [pc, pcMs] = await timed(() => must(t.station.call('export:batch', { batchId: batch.id, format: 'partner-center' }, { sessionToken: lead })));
  if (pc.rows !== 100_000) throw new Error(`exported ${pc.rows}`);
  const [, reportMs] = await timed(() => must(t.station.call('export:batch', { batchId: batch.id, format: 'report' }, { sessionToken: lead })));
  // Reconcile with 100,000 expected lines against 100,000 scanned ones (all matched but the last 1,000).
  const expectedText = csv100k(3_000_000_001_000);
  await must(t.station.call('expected:import', { batchId: batch.id, fileName: 'asn.csv', contentBase64: Buffer.from(expectedText).toString('base64'), mode: 'replace' }, { sessionToken: lead }));
  const [rec, reconcileMs] = await timed(() => must(t.station.call('expected:reconcile', { batchId: batch.id, limit: 100 }, { sessionToken: lead })));
  if (rec.matched !== 99_000 || rec.unexpected !== 1_000) throw new Error(`reconcile ${JSON.stringify({ ...rec, missingLines: [], unexpectedDevices: [] })}`);
  const [, reviewMs] = await timed(() => must(t.station.call('review:devices', { batchId: batch.id, limit: 1000 }, { sessionToken: lead })));
  // The same size with every field quoted: no fast path, csv-parse reads every character.
  const quotedBatch = await must(t.station.call('batches:create', { name: 'Bench-quoted' }, { sessionToken: lead }));
  const quoted = csv100k(3_100_000_000_000).replace(/[^,\r\n]+/g, (cell) => `"${cell}"`);
  const quotedInput = { batchId: quotedBatch.id, fileName: 'quoted.csv', contentBase64: Buffer.from(quoted).toString('base64') };
  const quotedPreview = await must(t.station.call('import:preview', quotedInput, { sessionToken: lead }));
  const [quotedDone, quotedMs] = await timed(() => must(t.station.call('import:commit', { ...quotedInput, token: quotedPreview.token }, { sessionToken: lead })));
  if (quotedDone.imported !== 100_000) throw new Error(`quoted imported ${quotedDone.imported}`);
  return {
    import_100k_s: round(commitMs / 1000, 3),
    import_preview_100k_s: round(previewMs / 1000, 3),
    import_100k_quoted_s: round(quotedMs / 1000, 3),
    export_100k_s: round(pcMs / 1000, 3),
    export_report_100k_s: round(reportMs / 1000, 3),
    reconcile_100k_ms: round(reconcileMs),
    review_page_100k_ms: round(reviewMs),
  };
}

async function lookup(t: TempStation): Promise<Record<string, number>> {
  const lead = await t.tokenFor('lead', 'Bench Lead');
  const batch = await must(t.station.call('batches:create', { name: 'Bench-1m' }, { sessionToken: lead }));
  const sqlite = t.station.database.sqlite;
  const insert = sqlite.prepare("INSERT INTO devices (batch_id, pkid, serial, raw, source, scanned_by, scanned_at) VALUES (?, ?, ?, ?, 'import', 1, ?)");
  const first = 1_000_000_000_000;
  const started = performance.now();
  sqlite.transaction(() => {
    for (let i = 0; i < 1_000_000; i++) {
      const pkid = String(first + i);
      insert.run(batch.id, pkid, `S${i.toString(36).toUpperCase().padStart(8, '0')}`, pkid, i);
    }
  })();
  const seedMs = performance.now() - started;
  const samples: number[] = [];
  const serialSamples: number[] = [];
  for (let i = 0; i < 300; i++) {
    const n = Math.floor(Math.random() * 1_000_000);
    const [found, ms] = await timed(() => must(t.station.call('review:find', { query: String(first + n) }, { sessionToken: lead })));
    if (found.matches.length !== 1) throw new Error(`lookup ${first + n}: ${found.matches.length} matches`);
    samples.push(ms);
    const [, serialMs] = await timed(() => must(t.station.call('review:find', { query: `S${n.toString(36).toUpperCase().padStart(8, '0').slice(0, 6)}` }, { sessionToken: lead })));
    serialSamples.push(serialMs);
  }
  return {
    lookup_1m_ms: round(percentile(samples, 50), 3),
    lookup_1m_p99_ms: round(percentile(samples, 99), 3),
    lookup_serial_prefix_1m_ms: round(percentile(serialSamples, 50), 3),
    seed_1m_s: round(seedMs / 1000, 2),
  };
}

export async function run(): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  // BENCH_ONLY=import skips the 1M-device lookup part (its seeding takes a while).
  for (const part of process.env.BENCH_ONLY === 'import' ? [importAndExport] : [importAndExport, lookup]) {
    const t = await tempStation();
    try {
      Object.assign(figures, await part(t));
    } finally {
      t.cleanup();
    }
  }
  return figures;
}

// `npx tsx bench/review.ts` runs this group alone without touching results.json.
if (process.argv[1]?.endsWith('bench/review.ts')) console.log(await run());
