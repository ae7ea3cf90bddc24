// The sandboxed preload must be one CommonJS file that requires nothing but 'electron' (a sandboxed
// preload cannot load anything else). This checks what `electron-vite build` really produces; it
// builds first when no build is there (a fresh clone), so it never silently skips.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const builtPreload = 'out/preload/index.cjs';

beforeAll(() => {
  if (!existsSync(builtPreload)) {
    execFileSync(process.execPath, [resolve('node_modules/electron-vite/bin/electron-vite.js'), 'build'], { stdio: 'pipe' });
  }
}, 180_000);

describe('built preload (out/preload/index.cjs)', () => {
  it("is CommonJS and requires only 'electron'", () => {
    const code = readFileSync(builtPreload, 'utf8');
    const required = [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
    expect(required.length).toBeGreaterThan(0);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(code).not.toMatch(/^\s*import\s/m);
    expect(code).not.toMatch(/^\s*export\s/m);
    expect(code).not.toContain('import.meta');
  });
});
