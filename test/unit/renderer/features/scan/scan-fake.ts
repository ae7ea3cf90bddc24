// A FakeStation (the shell's component-test transport) taught batches, scans and settings, just
// enough for the scan screens. The rules are the core's in miniature; e2e tests use the real core.
import type { BatchSummary } from '../../../../../shared/contract/batches';
import type { DeviceView, ScanVerdict, TupleChoices } from '../../../../../shared/contract/scans';
import type { Result } from '../../../../../shared/contract';
import { classifyRead } from '../../../../../shared/domain/barcode';
import { foldManufacturer } from '../../../../../shared/domain/identity';
import { settingDefaults } from '../../../../../shared/domain/settings';
import { createApiClient, type ApiClient } from '../../../../../renderer/src/api/client';
import { FakeStation } from '../../helpers/fake-transport';
import { MemoryStorage } from '../../helpers/render-app';

const ok = <T,>(value: T): Result<T> => ({ ok: true, value });

export class ScanFake {
  readonly station = new FakeStation();
  readonly batches: BatchSummary[] = [];
  readonly devices: DeviceView[] = [];
  settings: Record<string, unknown> = { ...settingDefaults };
  /** Answers of scans:record are held back until release() while true. */
  hold = false;
  private held: (() => void)[] = [];
  private waitingSerial: string | null = null;
  /** Pairs used on this station, newest first (scans:tupleChoices lists them before the catalogue). */
  readonly recentPairs: { manufacturer: string; model: string }[] = [{ manufacturer: 'HP', model: 'HP ProBook 450 15.6 inch G10 Notebook PC' }];
  /** The data file of firmware spellings, in miniature. */
  readonly catalog: { manufacturer: string; model: string; description: string | null }[] = [
    { manufacturer: 'Dell Inc.', model: 'Latitude 5440', description: null },
    { manufacturer: 'HP', model: 'HP EliteBook 840 14 inch G10 Notebook PC', description: null },
    { manufacturer: 'HP', model: 'HP ProBook 450 15.6 inch G10 Notebook PC', description: null },
    { manufacturer: 'LENOVO', model: '21HD0012US', description: 'ThinkPad T14 Gen 4' },
    { manufacturer: 'LENOVO', model: '20XW0012US', description: 'ThinkPad X1 Carbon Gen 9' },
  ];
  private nextId = 1;
  readonly api: ApiClient;

  constructor(role: 'admin' | 'operator' = 'operator') {
    const me = this.station.addOperator('Ada', role, '246813');
    this.station.sessions.set('token-1', { sessionId: 'session-1', operatorId: me.id });
    const storage = new MemoryStorage();
    storage.setItem('dockside.session', JSON.stringify({ token: 'token-1', sessionId: 'session-1' }));
    this.api = createApiClient(this.station, storage);
    const o = this.station.overrides;
    o.set('batches:list', () => ok(this.batches.filter((b) => b.state === 'open').map((b) => this.summary(b))));
    o.set('batches:create', (input) => {
      const name = String(input.name).trim();
      if (this.batches.some((b) => b.name.toLowerCase() === name.toLowerCase())) return { ok: false, error: { code: 'CONFLICT', message: `A batch called ${name} already exists.` } };
      return ok(this.summary(this.addBatch(name)));
    });
    o.set('batches:close', (input) => {
      const batch = this.batches.find((b) => b.id === input.id);
      if (!batch) return { ok: false, error: { code: 'NOT_FOUND', message: 'No such batch.' } };
      batch.state = 'closed';
      return ok(this.summary(batch));
    });
    o.set('scans:recent', (input) => ok(this.live(Number(input.batchId)).slice(-Number(input.limit ?? 20)).reverse()));
    o.set('scans:undo', (input) => {
      const last = this.live(Number(input.batchId)).at(-1);
      if (!last) return ok({ undid: null, removed: null, box: null, waitingSerial: null, message: 'Nothing of yours to undo in this batch.', count: 0 });
      last.state = 'removed';
      return ok({ undid: 'box', removed: last, box: null, waitingSerial: null, message: `Removed PKID ${last.pkid ?? ''}.`, count: this.live(last.batchId).length });
    });
    o.set('scans:tupleChoices', (input) => ok(this.tupleChoices(typeof input.manufacturer === 'string' ? input.manufacturer : undefined)));
    o.set('scans:recordTuple', (input) => this.recordTuple({ batchId: Number(input.batchId), raw: String(input.raw), source: input.source === 'camera' ? 'camera' : 'wedge', manufacturer: String(input.manufacturer), model: String(input.model) }));
    o.set('settings:get', () => ok(this.settings));
    o.set('settings:update', (input) => {
      const value = input.value;
      if (typeof value !== 'number' || !Number.isFinite(value) || value > 500) return { ok: false, error: { code: 'INVALID_INPUT', message: `${String(input.key)}: Too big: expected number to be <=500` } };
      this.settings = { ...this.settings, [String(input.key)]: value };
      this.station.emit('db:changed', { tables: ['settings', 'audit'] });
      return ok(this.settings);
    });
  }

  addBatch(name: string, devices = 0): BatchSummary {
    const batch: BatchSummary = { id: this.nextId++, name, state: 'open', deviceCount: 0, createdBy: 'Ada', createdAt: Date.UTC(2026, 10, 23, 8, 0), closedAt: null, customerTenantId: null };
    this.batches.push(batch);
    for (let i = 0; i < devices; i++) this.store(batch.id, String(1_000_000_000_000 + batch.id * 1000 + i), null);
    return batch;
  }

  /** Answers held scans:record calls. */
  release(): void {
    const held = this.held;
    this.held = [];
    for (const go of held) go();
  }

  tupleCalls(): Record<string, unknown>[] {
    return this.station.calls.filter((c) => c.channel === 'scans:recordTuple').map((c) => c.input as Record<string, unknown>);
  }

  recordCalls(): Record<string, unknown>[] {
    return this.station.calls.filter((c) => c.channel === 'scans:record').map((c) => c.input as Record<string, unknown>);
  }

  install(): void {
    // scans:record may be held: wrap call() so the answer waits for release().
    const call = this.station.call.bind(this.station);
    this.station.call = async (channel, input, token) => {
      if (channel !== 'scans:record') return call(channel, input, token);
      this.station.calls.push({ channel, input, token });
      if (this.hold) await new Promise<void>((resolve) => this.held.push(resolve));
      return this.record(input as { batchId: number; raw: string; confirmPkid?: boolean; source: 'wedge' | 'camera' });
    };
  }

  private record(input: { batchId: number; raw: string; confirmPkid?: boolean; source: 'wedge' | 'camera' }): Result<ScanVerdict> {
    const count = (): number => this.live(input.batchId).length;
    const read = classifyRead({ raw: input.raw });
    if (read.kind === 'pkid' || (read.kind === 'pkid-unconfirmed' && input.confirmPkid)) {
      if (this.devices.some((d) => d.pkid === read.value && d.state !== 'removed')) {
        return ok({ verdict: 'duplicate', message: `PKID ${read.value} is already in this batch (by Ada, 23 Nov, 08:00).`, value: read.value, where: { scope: 'this-batch', batchId: input.batchId, batchName: 'x', scannedBy: 'Ada', scannedAt: 0 }, count: count() });
      }
      const device = this.store(input.batchId, read.value, this.waitingSerial, input.source);
      this.waitingSerial = null;
      return ok({ verdict: 'accepted', effect: 'new-box', message: `PKID ${read.value} accepted${device.serial ? ` with serial ${device.serial}` : ''}.`, device, count: count() });
    }
    if (read.kind === 'pkid-unconfirmed') return ok({ verdict: 'confirm', message: `${read.value} could also be a retail barcode. Press Enter to keep it as the PKID, or Esc to drop it.`, value: read.value, count: count() });
    if (read.kind === 'serial') {
      this.waitingSerial = read.value;
      return ok({ verdict: 'accepted', effect: 'serial-waiting', message: `Serial ${read.value} noted: now scan this box's PKID.`, device: null, count: count() });
    }
    const reason = 'reason' in read ? read.reason : 'not a PKID';
    return ok({ verdict: 'invalid', message: reason, raw: input.raw, count: count() });
  }

  private tupleChoices(manufacturer: string | undefined): TupleChoices {
    const names = [...this.recentPairs.map((p) => ({ name: p.manufacturer, from: 'recent' as const })), ...this.catalog.map((c) => ({ name: c.manufacturer, from: 'catalog' as const }))];
    const manufacturers = names.filter((n, i) => names.findIndex((m) => m.name === n.name) === i);
    if (manufacturer === undefined) return { manufacturers, models: this.recentPairs.map((p) => ({ ...p, from: 'recent', description: null })) };
    const recent = this.recentPairs.filter((p) => p.manufacturer === manufacturer).map((p) => ({ ...p, from: 'recent' as const, description: null }));
    const listed = this.catalog.filter((c) => c.manufacturer === manufacturer).map((c) => ({ ...c, from: 'catalog' as const }));
    return { manufacturers, models: [...recent, ...listed] };
  }

  private recordTuple(input: { batchId: number; raw: string; source: 'wedge' | 'camera'; manufacturer: string; model: string }): Result<ScanVerdict> {
    const count = (): number => this.live(input.batchId).length;
    const read = classifyRead({ raw: input.raw });
    if (read.kind !== 'serial') return ok({ verdict: 'invalid', message: `${input.raw} is not a serial.`, raw: input.raw, count: count() });
    const same = this.devices.find((d) => d.state !== 'removed' && d.serial === read.value && foldManufacturer(d.manufacturer ?? '') === foldManufacturer(input.manufacturer));
    if (same) return ok({ verdict: 'duplicate', message: `Serial ${read.value} from ${input.manufacturer} is already in this batch.`, value: read.value, where: { scope: 'this-batch', batchId: input.batchId, batchName: 'x', scannedBy: 'Ada', scannedAt: 0 }, count: count() });
    const device: DeviceView = {
      id: this.nextId++, batchId: input.batchId, pkid: null, serial: read.value, manufacturer: input.manufacturer, model: input.model, source: input.source, scannedBy: 'Ada', scannedAt: Date.UTC(2026, 10, 23, 8, 0), state: 'scanned',
      identity: { kind: 'tuple', label: `Serial ${read.value} · ${input.manufacturer} · ${input.model}` },
    };
    this.devices.push(device);
    this.waitingSerial = null;
    return ok({ verdict: 'accepted', effect: 'tuple-box', message: `Serial ${read.value} accepted as ${input.manufacturer} ${input.model} (no PKID).`, device, count: count() });
  }

  private store(batchId: number, pkid: string, serial: string | null, source: DeviceView['source'] = 'import'): DeviceView {
    const device: DeviceView = { id: this.nextId++, batchId, pkid, serial, manufacturer: null, model: null, source, scannedBy: 'Ada', scannedAt: Date.UTC(2026, 10, 23, 8, 0), state: 'scanned', identity: { kind: 'pkid', label: `PKID ${pkid}` } };
    this.devices.push(device);
    return device;
  }

  private live(batchId: number): DeviceView[] {
    return this.devices.filter((d) => d.batchId === batchId && d.state !== 'removed');
  }

  private summary(batch: BatchSummary): BatchSummary {
    return { ...batch, deviceCount: this.live(batch.id).length };
  }
}

export interface TimedKey {
  readonly key: string;
  readonly code: string;
}

export const keyOf = (ch: string): TimedKey => ({ key: ch, code: /\d/.test(ch) ? `Digit${ch}` : /[a-z]/i.test(ch) ? `Key${ch.toUpperCase()}` : 'Minus' });

let clock = 1_000_000;
/** The event time of the last key sent. */
let lastKeyAt = clock;

/** Keydowns at `gapMs` apart on the focused element, with their event times set (jsdom runs them at once). */
export function typeKeys(keys: readonly TimedKey[], gapMs = 5, suffix: TimedKey | null = { key: 'Enter', code: 'Enter' }): void {
  clock += 10_000;
  const all = suffix === null ? keys : [...keys, suffix];
  all.forEach((k, i) => {
    const event = new KeyboardEvent('keydown', { ...k, bubbles: true, cancelable: true });
    Object.defineProperty(event, 'timeStamp', { value: clock + i * gapMs });
    lastKeyAt = clock + i * gapMs;
    (document.activeElement ?? document.body).dispatchEvent(event);
  });
}

/** Types `text` as a scanner would (5 ms a key) and ends it with Enter. */
export function scan(text: string, gapMs = 5): void {
  typeKeys([...text].map(keyOf), gapMs);
}

/** One key pressed by a person, a while after anything else. */
export function press(key: string, init: KeyboardEventInit = {}): void {
  clock += 10_000;
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  Object.defineProperty(event, 'timeStamp', { value: clock });
  lastKeyAt = clock;
  (document.activeElement ?? document.body).dispatchEvent(event);
}

/** One key pressed by a person `ms` after the last key sent (a quick answer to what a scan asked). */
export function pressSoonAfter(key: string, ms: number): void {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
  Object.defineProperty(event, 'timeStamp', { value: lastKeyAt + ms });
  lastKeyAt += ms;
  (document.activeElement ?? document.body).dispatchEvent(event);
}
