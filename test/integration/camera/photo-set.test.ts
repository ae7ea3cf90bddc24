// The station's camera reader against plain zxing, photo by photo, in Debian Chromium: the committed
// JPEG sample (test/fixtures/camera/photos) and a seeded set rendered now (other sizes, 1920 x 1080
// included). Plain zxing = BrowserMultiFormatReader with its defaults on the whole frame, one try.
// The station = the real frame decoder, view schedule and confirmer, attempt after attempt on the
// same frame as on a label held still. It must read every photo plain zxing reads, never accept a
// value that is not printed, and read the frame-filling codes the aim box alone lost.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../../e2e/camera-harness/harness-state';
import type { PhotoComparison } from '../../e2e/camera-harness/harness-state';
import { serveCameraHarness, type HarnessFile, type HarnessServer } from '../../e2e/camera-harness/serve-harness';
import { photoSpecs, renderPhoto, PHOTO_KINDS, type PhotoSpec } from '../../fixtures/camera/make-photo-set';
import { encodeGreyPng } from '../../fixtures/camera/png';
import { SAMPLE_DIR } from '../../fixtures/camera/write-photo-sample';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../helpers/chromium';

interface Sample {
  readonly seed: number;
  readonly photos: readonly PhotoSpec[];
}

const sample = JSON.parse(readFileSync(join(SAMPLE_DIR, 'photos.json'), 'utf8')) as Sample;

describe('camera reader on realistic label photos', () => {
  let server: HarnessServer;
  let browser: Browser;
  let page: Page;
  const specs = new Map<string, PhotoSpec>();

  beforeAll(async () => {
    const files = new Map<string, HarnessFile>();
    for (const spec of sample.photos) {
      files.set(`sample/${spec.id}.jpg`, { type: 'image/jpeg', body: readFileSync(join(SAMPLE_DIR, `${spec.id}.jpg`)) });
      specs.set(`sample/${spec.id}.jpg`, spec);
    }
    // A different seed from the sample's, one photo of each kind, at the generator's own sizes.
    for (const spec of photoSpecs(PHOTO_KINDS.length, 4242)) {
      files.set(`seeded/${spec.id}.png`, { type: 'image/png', body: encodeGreyPng((await renderPhoto(spec)).image) });
      specs.set(`seeded/${spec.id}.png`, spec);
    }
    server = await serveCameraHarness(files);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
    page = await browser.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => globalThis.cameraHarness !== undefined);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const compare = (cycle?: readonly string[], attempts?: number): Promise<PhotoComparison[]> =>
    page.evaluate(({ names, cycle, attempts }) => globalThis.cameraHarness?.comparePhotos(names, { ...(cycle ? { cycle } : {}), ...(attempts ? { attempts } : {}) }) ?? Promise.resolve([]), {
      names: [...specs.keys()],
      cycle,
      attempts,
    });

  it('reads every photo plain zxing reads, accepts nothing that is not printed, and reads the frame-filling codes the aim box lost', async () => {
    const station = await compare();
    // The reader before issue 13: the aim box only (4 attempts are plenty for a deterministic view).
    const aimOnly = await compare(['aim'], 4);
    expect(station).toHaveLength(specs.size);
    const printed = (name: string): readonly string[] => specs.get(name)?.printed ?? [];
    const rows: string[] = [];
    for (const [i, photo] of station.entries()) {
      const spec = specs.get(photo.name);
      if (spec === undefined) throw new Error(`no spec for ${photo.name}`);
      const old = aimOnly[i];
      rows.push(`${photo.name.padEnd(24)} ${`${photo.width}x${photo.height}`.padEnd(10)} plain ${photo.plain?.text ?? '-'} | station ${photo.accepted.join(',') || '-'} | aim only ${old?.accepted.join(',') || '-'}`);
      // Zero wrong values: not accepted, and not even read raw by the station.
      for (const value of photo.accepted) expect(printed(photo.name), `${photo.name}: accepted ${value}`).toContain(value);
      for (const read of photo.reads) expect(printed(photo.name), `${photo.name}: read ${read.text} in ${read.view}`).toContain(read.text);
      // Never a read plain zxing had that the station lacks.
      if (photo.plain !== null && printed(photo.name).includes(photo.plain.text)) {
        expect(photo.accepted, `${photo.name}: plain zxing read ${photo.plain.text}`).toContain(photo.plain.text);
      }
      if (spec.kind === 'none') expect(photo.accepted).toEqual([]);
    }
    console.log(`[photo set]\n${rows.join('\n')}`);
    const count = (list: readonly PhotoComparison[], read: (p: PhotoComparison) => boolean): number => list.filter(read).length;
    const plainReads = count(station, (p) => p.plain !== null && printed(p.name).includes(p.plain.text));
    const stationReads = count(station, (p) => p.accepted.length > 0);
    const oldReads = count(aimOnly, (p) => p.accepted.length > 0);
    console.log(`[photo set] ${specs.size} photos: plain zxing ${plainReads}, station ${stationReads}, aim box only ${oldReads}`);
    expect(stationReads).toBeGreaterThanOrEqual(plainReads);
    // The finding of issue 13: codes filling the frame. The aim box alone must have lost some that
    // the station now reads (if it lost none, this set would not test the fix).
    const filling = station.filter((p) => specs.get(p.name)?.kind === 'filling');
    expect(filling.length).toBeGreaterThanOrEqual(2);
    const fillingOld = aimOnly.filter((p) => specs.get(p.name)?.kind === 'filling');
    expect(count(filling, (p) => p.accepted.length > 0)).toBeGreaterThan(count(fillingOld, (p) => p.accepted.length > 0));
    // White-on-black Code 128: plain zxing cannot read it; the station reads at least one.
    const inverted = station.filter((p) => specs.get(p.name)?.kind === 'inverted');
    expect(count(inverted, (p) => p.accepted.length > 0)).toBeGreaterThan(0);
  }, 240_000);
});
