// electron-builder.yml cannot be exercised here (no Electron binary), so its safety-relevant settings
// are checked as text, and every key against the schema of the installed electron-builder.
// No YAML parser is a direct dependency; the file is kept flat enough for these line checks.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const text = readFileSync('electron-builder.yml', 'utf8');
const lines = text.split('\n').filter((line) => line.trim() !== '' && !line.trimStart().startsWith('#'));
const schema = createRequire(import.meta.url)('app-builder-lib/scheme.json') as {
  properties: Record<string, unknown>;
  definitions: Record<string, { properties: Record<string, unknown> }>;
};

/** key: value pairs directly under a top-level key (two-space indent). */
function block(name: string): Record<string, string> {
  const start = lines.findIndex((line) => line === `${name}:`);
  if (start < 0) return {};
  const entries: Record<string, string> = {};
  for (const line of lines.slice(start + 1)) {
    if (!line.startsWith('  ')) break;
    const match = /^ {2}([A-Za-z]+):\s*(.*)$/.exec(line);
    if (match) entries[match[1]!] = match[2]!;
  }
  return entries;
}

function list(name: string): string[] {
  const start = lines.findIndex((line) => line === `${name}:`);
  const items: string[] = [];
  for (const line of lines.slice(start + 1)) {
    const match = /^ {2}- (.*)$/.exec(line);
    if (!match) break;
    items.push(match[1]!.replace(/^"(.*)"$/, '$1'));
  }
  return items;
}

const topLevel = Object.fromEntries(
  lines.filter((line) => /^[A-Za-z]/.test(line)).map((line) => {
    const [key, ...rest] = line.split(':');
    return [key!, rest.join(':').trim()];
  }),
);

describe('electron-builder.yml', () => {
  it('identifies the app', () => {
    expect(topLevel.appId).toBe('com.dockside.station');
    expect(topLevel.productName).toBe('Dockside');
  });

  it('never rebuilds native modules itself, packs an asar and unpacks .node files', () => {
    expect(topLevel.npmRebuild).toBe('false');
    expect(topLevel.asar).toBe('true');
    expect(list('asarUnpack')).toEqual(['**/*.node']);
  });

  it('ships the built app, the migrations and package.json', () => {
    expect(list('files').sort()).toEqual(['db/migrations/**', 'out/**', 'package.json']);
  });

  it('sets the security fuses', () => {
    expect(block('electronFuses')).toEqual({
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableCookieEncryption: 'true',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
      grantFileProtocolExtraPrivileges: 'false',
    });
  });

  it('offers an assisted NSIS installer that can install per machine, and never deletes app data', () => {
    const nsis = block('nsis');
    expect(nsis.oneClick).toBe('false');
    expect(nsis.allowElevation).toBe('true');
    expect(['true', 'false']).toContain(nsis.perMachine);
    expect(nsis.deleteAppDataOnUninstall).toBe('false');
    expect(text).toMatch(/^\s+- target: nsis$/m);
    expect(text).toMatch(/^linux:\n {2}target:\n {4}- AppImage$/m);
  });

  it('uses only keys the installed electron-builder knows', () => {
    for (const key of Object.keys(topLevel)) expect(schema.properties, key).toHaveProperty(key);
    for (const key of Object.keys(block('electronFuses'))) expect(schema.definitions.FuseOptionsV1!.properties, key).toHaveProperty(key);
    for (const key of Object.keys(block('nsis'))) expect(schema.definitions.NsisOptions!.properties, key).toHaveProperty(key);
  });
});
