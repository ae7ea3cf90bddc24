import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { rendererBuildReason } from '../../../bench/_renderer';

describe('bench: is the built renderer missing or stale?', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  function clone(): string {
    const root = mkdtempSync(join(tmpdir(), 'dockside-bench-renderer-'));
    dirs.push(root);
    mkdirSync(join(root, 'renderer', 'src', 'scanner'), { recursive: true });
    writeFileSync(join(root, 'renderer', 'src', 'scanner', 'camera-views.ts'), 'export {};');
    writeFileSync(join(root, 'package.json'), '{}');
    return root;
  }

  const at = (path: string, seconds: number): void => utimesSync(path, seconds, seconds);

  it('says it is missing on a fresh clone (nothing built)', () => {
    expect(rendererBuildReason(clone())).toBe(join('out', 'renderer', 'index.html') + ' is missing');
  });

  it('is satisfied by a build newer than every source, and not by one older than a changed file', () => {
    const root = clone();
    const source = join(root, 'renderer', 'src', 'scanner', 'camera-views.ts');
    for (const path of [source, join(root, 'renderer', 'src', 'scanner'), join(root, 'renderer', 'src'), join(root, 'renderer'), join(root, 'package.json')]) at(path, 1_000);
    mkdirSync(join(root, 'out', 'renderer'), { recursive: true });
    writeFileSync(join(root, 'out', 'renderer', 'index.html'), '<!doctype html>');
    at(join(root, 'out', 'renderer', 'index.html'), 2_000);
    expect(rendererBuildReason(root)).toBeUndefined();
    // An edit deep in the sources, after the build.
    at(source, 3_000);
    expect(rendererBuildReason(root)).toBe('renderer changed after the last build');
  });
});
