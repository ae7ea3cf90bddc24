// The CLI as `npm run emulator` runs it, with the demo seed, driven from this (other) process.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const SEED = 'electron/practice/emulator/seeds/demo.json';
const demo = JSON.parse(readFileSync(SEED, 'utf8')) as {
  customers: { id: string }[];
  _scenarios: Record<string, string[] | string>;
};
const CONTOSO = demo.customers[0]?.id ?? '';

let child: ChildProcess;
let url = '';
let output = '';

beforeAll(async () => {
  child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'test/emulator/cli.ts', '--port', '0', '--seed', SEED], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      output += d.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (m?.[1] && output.includes('<- valid')) resolve(m[1]);
    });
    child.once('exit', () => reject(new Error(`emulator exited early:\n${output}`)));
  });
});

afterAll(() => {
  if (child.exitCode === null) child.kill('SIGKILL');
});

const auth = { Authorization: 'Bearer emulator-app-user-token', 'Content-Type': 'application/json' };

async function upload(productKeys: string[], batchId: string) {
  const res = await fetch(`${url}/v1/customers/${CONTOSO}/deviceBatches`, {
    method: 'POST', headers: auth, body: JSON.stringify({ batchId, devices: productKeys.map((productKey) => ({ productKey })) }),
  });
  expect(res.status).toBe(202);
  const loc = `${url}/v1${res.headers.get('location') ?? ''}`;
  await fetch(`${url}/_emulator/jobs/complete`, { method: 'POST' });
  const job = (await (await fetch(loc, { headers: auth })).json()) as { devicesStatus: { errorCode: string | null }[] };
  return job.devicesStatus.map((d) => d.errorCode);
}

describe('npm run emulator with the demo seed', () => {
  it('prints the URL and the valid token', () => {
    expect(output).toContain('emulator-app-user-token');
    expect(output).toMatch(/customers: 4, registry devices: \d+/);
  });

  it('serves 3-4 customers with Contoso first', async () => {
    const res = await fetch(`${url}/v1/customers?size=10`, { headers: auth });
    const body = (await res.json()) as { totalCount: number; items: { companyProfile: { companyName: string } }[] };
    expect(body.totalCount).toBe(4);
    expect(body.items[0]?.companyProfile.companyName).toBe('Contoso Ltd');
  });

  it('gives each documented scenario its result', async () => {
    const s = demo._scenarios;
    const list = (k: string) => s[k] as string[];
    const succeed = list('succeed (filed, unowned)');
    expect(succeed.every((p) => /^\d{13}$/.test(p))).toBe(true);
    expect(await upload(succeed.slice(0, 3), 'demo-ok')).toEqual([null, null, null]);
    expect(await upload(list('808 owned by another tenant').slice(0, 1), 'demo-808')).toEqual(['808']);
    expect(await upload(list('806 already registered to Contoso').slice(0, 1), 'demo-806')).toEqual(['806']);
    expect(await upload(list('813 filed twice'), 'demo-813')).toEqual(['813']);
    expect(await upload(list('812 not filed').slice(0, 1), 'demo-812')).toEqual(['812']);
  });

  it('registers the demo tuples and refuses a wrong-case one', async () => {
    const devices = [
      { serialNumber: '5CG1234ABC', oemManufacturerName: 'HP', modelName: 'HP EliteBook 840 G8 Notebook PC' },
      { serialNumber: 'PF3ABCD1', oemManufacturerName: 'lenovo', modelName: '21HD0001GE' },
      { serialNumber: '9QW8ER7', oemManufacturerName: 'Dell Inc.', modelName: 'OptiPlex 7010' },
    ];
    const res = await fetch(`${url}/v1/customers/${CONTOSO}/deviceBatches`, { method: 'POST', headers: auth, body: JSON.stringify({ batchId: 'demo-tuples', devices }) });
    await fetch(`${url}/_emulator/jobs/complete`, { method: 'POST' });
    const job = (await (await fetch(`${url}/v1${res.headers.get('location') ?? ''}`, { headers: auth })).json()) as { devicesStatus: { errorCode: string | null }[] };
    expect(job.devicesStatus.map((d) => d.errorCode)).toEqual([null, '812', '808']);
  });

  it('stops on SIGTERM', async () => {
    child.kill('SIGTERM');
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(code).toBe(0);
  });
});
