// Camera figures, measured in Debian Chromium with the real reader (test/e2e/camera-harness):
//  - photos: per photo, plain zxing (BrowserMultiFormatReader, defaults, whole frame, one try) vs
//    the station's reader (its views, schedule and two-agreeing-reads confirmer, 16 attempts on the
//    still frame) vs the aim box alone (the reader before issue 13). The committed JPEG sample plus
//    a seeded set rendered now (44 photos, four of each kind, 640x480 to 1920x1080).
//    CAMERA_PHOTO_DIR=<dir> adds a folder of your own photos (.jpg/.jpeg/.png): with no truth to
//    compare against, it reports agreement with plain zxing (photo_dir_*).
//  - live: a fake webcam playing the label video (640x480: PKID, serial and EAN-13 panned past)
//    and a PKID filling a 1280x720 frame, 10 s each: attempts and reads per second, accepted
//    reads, decode time per attempt (canvas pixels -> luminance -> one view decoded; median, p99,
//    per view), and the page's main-thread busy share (CDP Performance.getMetrics TaskDuration
//    over wall time), i.e. the CPU the camera costs the station's UI thread.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import '../test/e2e/camera-harness/harness-state';
import type { HarnessAttempt, PhotoComparison } from '../test/e2e/camera-harness/harness-state';
import { serveCameraHarness, type HarnessFile } from '../test/e2e/camera-harness/serve-harness';
import { writeFillingVideo } from '../test/fixtures/camera/make-filling-video';
import { writeLabelVideo } from '../test/fixtures/camera/make-label-video';
import { photoSpecs, renderPhoto, PHOTO_KINDS, type PhotoSpec } from '../test/fixtures/camera/make-photo-set';
import { encodeGreyPng } from '../test/fixtures/camera/png';
import { SAMPLE_DIR } from '../test/fixtures/camera/write-photo-sample';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, fakeCameraFlags } from '../test/helpers/chromium';
import { percentile, round } from './stats';

const LIVE_MS = Number(process.env.CAMERA_LIVE_MS ?? 10_000);
const SEEDED = Number(process.env.CAMERA_PHOTOS ?? PHOTO_KINDS.length * 4);

const ms = (samples: readonly number[]) => ({ p50: round(percentile(samples, 50)), p99: round(percentile(samples, 99)), n: samples.length });

async function photoFigures(): Promise<Record<string, unknown>> {
  const files = new Map<string, HarnessFile>();
  const specs = new Map<string, PhotoSpec>();
  const sample = JSON.parse(readFileSync(join(SAMPLE_DIR, 'photos.json'), 'utf8')) as { photos: PhotoSpec[] };
  for (const spec of sample.photos) {
    files.set(`sample/${spec.id}.jpg`, { type: 'image/jpeg', body: readFileSync(join(SAMPLE_DIR, `${spec.id}.jpg`)) });
    specs.set(`sample/${spec.id}.jpg`, spec);
  }
  for (const spec of photoSpecs(SEEDED, 2026)) {
    files.set(`seeded/${spec.id}.png`, { type: 'image/png', body: encodeGreyPng((await renderPhoto(spec)).image) });
    specs.set(`seeded/${spec.id}.png`, spec);
  }
  const own: string[] = [];
  const photoDir = process.env.CAMERA_PHOTO_DIR;
  if (photoDir !== undefined && existsSync(photoDir)) {
    for (const name of readdirSync(photoDir).sort()) {
      const ext = extname(name).toLowerCase();
      if (!['.jpg', '.jpeg', '.png'].includes(ext)) continue;
      files.set(`own/${name}`, { type: ext === '.png' ? 'image/png' : 'image/jpeg', body: readFileSync(join(photoDir, name)) });
      own.push(`own/${name}`);
    }
  }
  const server = await serveCameraHarness(files);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  try {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => globalThis.cameraHarness !== undefined);
    const compare = (names: string[], cycle?: string[], attempts?: number): Promise<PhotoComparison[]> =>
      page.evaluate(
        ({ names, cycle, attempts }) => globalThis.cameraHarness?.comparePhotos(names, { ...(cycle ? { cycle } : {}), ...(attempts ? { attempts } : {}) }) ?? Promise.resolve([]),
        { names, cycle, attempts },
      );
    const names = [...specs.keys()];
    const station = await compare(names);
    const aimOnly = await compare(names, ['aim'], 4);
    const printed = (p: PhotoComparison): readonly string[] => specs.get(p.name)?.printed ?? [];
    const plainRight = (p: PhotoComparison): boolean => p.plain !== null && printed(p).includes(p.plain.text);
    const read = (p: PhotoComparison): boolean => p.accepted.some((v) => printed(p).includes(v));
    const byKind: Record<string, { photos: number; plain: number; station: number; aim_only: number }> = {};
    station.forEach((p, i) => {
      const kind = specs.get(p.name)?.kind ?? '?';
      const row = (byKind[kind] ??= { photos: 0, plain: 0, station: 0, aim_only: 0 });
      row.photos += 1;
      row.plain += plainRight(p) ? 1 : 0;
      row.station += read(p) ? 1 : 0;
      row.aim_only += aimOnly[i] !== undefined && read(aimOnly[i]) ? 1 : 0;
    });
    const bySize: Record<string, number[]> = {};
    for (const p of station) (bySize[`${p.width}x${p.height}`] ??= []).push(...p.decodeMs);
    const figures: Record<string, unknown> = {
      photos: station.length,
      photos_plain_zxing_read: station.filter(plainRight).length,
      photos_station_read: station.filter(read).length,
      photos_aim_box_only_read: aimOnly.filter(read).length,
      photos_plain_read_station_missed: station.filter((p) => plainRight(p) && !p.accepted.includes(p.plain?.text ?? '')).map((p) => p.name),
      photos_station_wrong_accepts: station.flatMap((p) => p.accepted.filter((v) => !printed(p).includes(v)).map((v) => `${p.name}: ${v}`)),
      photos_station_wrong_raw_reads: station.flatMap((p) => p.reads.filter((r) => !printed(p).includes(r.text)).map((r) => `${p.name}: ${r.text} (${r.view})`)),
      photos_plain_wrong: station.filter((p) => p.plain !== null && !plainRight(p)).map((p) => `${p.name}: ${p.plain?.text}`),
      photos_by_kind: byKind,
      photos_attempts_to_accept: ms(station.flatMap((p) => (p.attemptsToAccept === null ? [] : [p.attemptsToAccept]))),
      photos_decode_ms_by_frame: Object.fromEntries(Object.entries(bySize).map(([size, samples]) => [size, ms(samples)])),
      photos_plain_decode_ms: ms(station.map((p) => p.plainMs)),
    };
    if (own.length > 0) {
      const mine = await compare(own);
      figures.photo_dir = photoDir;
      figures.photo_dir_photos = mine.length;
      figures.photo_dir_plain_read = mine.filter((p) => p.plain !== null).length;
      figures.photo_dir_station_read = mine.filter((p) => p.accepted.length > 0).length;
      figures.photo_dir_plain_read_station_missed = mine.filter((p) => p.plain !== null && !p.accepted.includes(p.plain.text)).map((p) => `${p.name}: ${p.plain?.text}`);
      figures.photo_dir_station_only = mine.filter((p) => p.plain === null && p.accepted.length > 0).map((p) => `${p.name}: ${p.accepted.join(',')}`);
    }
    return figures;
  } finally {
    await browser.close();
    await server.close();
  }
}

async function taskSeconds(page: Page): Promise<() => Promise<number>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const read = async (): Promise<number> => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
  return read;
}

async function liveFigures(name: string, videoPath: string): Promise<Record<string, unknown>> {
  const server = await serveCameraHarness();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: fakeCameraFlags(videoPath) });
  try {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => globalThis.cameraHarness !== undefined);
    const busy = await taskSeconds(page);
    // Warm-up: camera start, JIT; not what the dock feels all day.
    await page.evaluate(() => globalThis.cameraHarness?.start());
    await page.waitForTimeout(1_500);
    const before = await page.evaluate(() => ({ attempts: globalThis.cameraHarness?.attempts.length ?? 0, reads: globalThis.cameraHarness?.reads.length ?? 0 }));
    const busyBefore = await busy();
    const started = Date.now();
    await page.waitForTimeout(LIVE_MS);
    const busyAfter = await busy();
    const wall = (Date.now() - started) / 1000;
    const state = await page.evaluate(() => ({
      attempts: [...(globalThis.cameraHarness?.attempts ?? [])],
      reads: [...(globalThis.cameraHarness?.reads ?? [])],
      startedAt: globalThis.cameraHarness?.startedAt ?? 0,
    }));
    const firstAccept = state.reads.find((r) => r.decision === 'accepted');
    await page.evaluate(() => globalThis.cameraHarness?.stop());
    const attempts: HarnessAttempt[] = state.attempts.slice(before.attempts);
    const reads = state.reads.slice(before.reads);
    const byView: Record<string, { attempts: number; reads: number; decode_ms: ReturnType<typeof ms> }> = {};
    for (const view of new Set(attempts.map((a) => a.view))) {
      const mine = attempts.filter((a) => a.view === view);
      byView[view] = { attempts: mine.length, reads: mine.filter((a) => a.decision !== undefined).length, decode_ms: ms(mine.map((a) => a.decodeMs)) };
    }
    return {
      [`live_${name}_attempts_per_s`]: round(attempts.length / wall),
      [`live_${name}_reads_per_s`]: round(reads.length / wall),
      // From camera start (its warm-up included): a label left in view is accepted once, then suppressed.
      [`live_${name}_first_accept_ms`]: firstAccept === undefined ? null : round(firstAccept.at - state.startedAt),
      [`live_${name}_accepted_after_warm_up`]: reads.filter((r) => r.decision === 'accepted').map((r) => r.text),
      [`live_${name}_decode_ms`]: ms(attempts.map((a) => a.decodeMs)),
      [`live_${name}_by_view`]: byView,
      [`live_${name}_main_thread_busy_pct`]: round((100 * (busyAfter - busyBefore)) / wall, 1),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

export async function run(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'dockside-bench-camera-'));
  try {
    const label = await writeLabelVideo(join(dir, 'label.y4m'), { writePngs: false });
    const filling = await writeFillingVideo(join(dir, 'filling.y4m'), { width: 1280, height: 720, frames: 8 });
    return {
      ...(await photoFigures()),
      ...(await liveFigures('label_640x480', label.path)),
      ...(await liveFigures('filling_1280x720', filling.path)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
