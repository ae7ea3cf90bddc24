// A FakeStation taught Partner Center, customers, the upload engine and batch results: just enough
// for the partner and upload screens. The core's rules live in the core; e2e tests use it for real.
import { useEffect, type ReactNode } from 'react';
import type { ChannelOutput, Result } from '../../../../../shared/contract';
import type { BatchSummary } from '../../../../../shared/contract/batches';
import type { CustomerView } from '../../../../../shared/contract/customers';
import type { PartnerStatus } from '../../../../../shared/contract/partner';
import { PROFILES_NOTE } from '../../../../../shared/contract/profiles';
import type { ReviewDevice } from '../../../../../shared/contract/review';
import type { SyncStatus } from '../../../../../shared/contract/sync';
import { settingDefaults } from '../../../../../shared/domain/settings';
import type { Role } from '../../../../../shared/domain/roles';
import { createApiClient, type ApiClient } from '../../../../../renderer/src/api/client';
import { useAppStore } from '../../../../../renderer/src/store/provider';
import { summariseIdentity } from '../../../../../shared/domain/identity';
import { FakeStation } from '../../helpers/fake-transport';
import { MemoryStorage } from '../../helpers/render-app';

export const ok = <T,>(value: T): Result<T> => ({ ok: true, value });
/** Stands in for a stored 4K hash (5,000 base64 characters): a row only says that one exists. */
const FAKE_HASH = 'A'.repeat(5_000);
const AT = Date.UTC(2026, 10, 23, 9, 30);

export function device(id: number, batchId: number, state: ReviewDevice['state'], pkid: string, errorCode: string | null = null, errorText: string | null = null, extra: Partial<ReviewDevice> = {}): ReviewDevice {
  const d: Omit<ReviewDevice, 'identity'> = {
    id, batchId, pkid, serial: null, manufacturer: null, model: null, hasHardwareHash: false, source: 'wedge', scannedById: 2, scannedBy: 'Bo', scannedAt: AT,
    state, removed: false, removedBy: null, removedAt: null, removedReason: null, errorCode, errorText, remoteDeviceId: state === 'registered' ? `remote-${id}` : null, heldElsewhere: null, ...extra,
  };
  // As the core summarises it (db/repos/review.ts).
  return { ...d, identity: summariseIdentity({ ...d, hardwareHash: d.hasHardwareHash ? FAKE_HASH : null }) };
}

export function batch(id: number, name: string, state: BatchSummary['state'], deviceCount: number): BatchSummary {
  return { id, name, state, deviceCount, createdBy: 'Bo', createdAt: AT, closedAt: AT, customerTenantId: 'tenant-contoso' };
}

export class UploadFake {
  readonly station = new FakeStation();
  readonly api: ApiClient;
  sync: SyncStatus = { state: 'idle', message: 'All uploads settled.', waitingDevices: 0, attentionDevices: 0, active: null, lastError: null, updatedAt: AT };
  partner: PartnerStatus = { configured: true, signedIn: true, account: 'practice@emulator.local', baseUrl: 'http://127.0.0.1:4010', practiceMode: true, lastCustomerRefreshAt: AT };
  customers: CustomerView[] = [
    { tenantId: 'tenant-contoso', companyName: 'Contoso Ltd', domain: 'contoso.onmicrosoft.com', relationship: 'reseller', refreshedAt: AT, listed: true },
    { tenantId: 'tenant-fabrikam', companyName: 'Fabrikam, Inc.', domain: 'fabrikam.onmicrosoft.com', relationship: 'reseller', refreshedAt: AT, listed: true },
  ];
  customersAt: number | null = AT;
  batches: BatchSummary[] = [];
  devices: ReviewDevice[] = [];
  settings: Record<string, unknown> = { ...settingDefaults };
  profiles: Result<ChannelOutput<'profiles:list'>['profiles']> = ok([]);
  /** What `profiles:assign` answers; by default every registered device of the batch is assigned. */
  assignResult: Result<ChannelOutput<'profiles:assign'>> | null = null;
  /** What devices:deregisterPreview says of the two-person rule (by default: the caller changed nothing). */
  deregisterRule: ChannelOutput<'devices:deregisterPreview'>['twoPersonRule'] = {
    enabled: true, yourDevices: 0, changers: [], eligible: [{ id: 1, name: 'Cy', role: 'lead' }], needsSecondPerson: false,
    explanation: 'Two-person rule: you changed none of batch Pallet 7, so you may remove its devices from Autopilot.',
  };

  constructor(role: Role = 'lead') {
    const me = this.station.addOperator('Cy', role, '246813');
    this.station.sessions.set('token-1', { sessionId: 'session-1', operatorId: me.id });
    const storage = new MemoryStorage();
    storage.setItem('dockside.session', JSON.stringify({ token: 'token-1', sessionId: 'session-1' }));
    this.api = createApiClient(this.station, storage);
    const o = this.station.overrides;
    o.set('sync:status', () => ok(this.sync));
    o.set('sync:now', () => ok(this.sync));
    o.set('partner:status', () => ok(this.partner));
    o.set('partner:signIn', () => ok({ account: 'practice@emulator.local' }));
    o.set('partner:signOut', () => ok({ done: true }));
    o.set('customers:list', (input) => {
      const q = typeof input.search === 'string' ? input.search.toLowerCase() : '';
      const customers = this.customers.filter((c) => !q || c.companyName.toLowerCase().includes(q) || (c.domain ?? '').includes(q));
      return ok({ refreshedAt: this.customersAt, customers });
    });
    o.set('customers:refresh', () => ok({ refreshedAt: AT, count: this.customers.length, added: 1, removed: 0, kept: 0, pages: 1 }));
    o.set('customers:relationshipRequest', () => ok({ url: 'https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=abc#/BillingAccounts/partner-invitation', explanation: 'Send this link to the customer. Delegated administration rights (DAP/GDAP) are NOT needed.' }));
    o.set('batches:list', () => ok(this.batches));
    o.set('review:devices', (input) => ok(this.reviewPage(input)));
    o.set('uploads:retryFailed', (input) => {
      const ids = Array.isArray(input.deviceIds) ? (input.deviceIds as number[]) : null;
      const failed = this.devices.filter((d) => d.batchId === input.batchId && d.state === 'failed' && (!ids || ids.includes(d.id)));
      return ok({ queued: failed.length, chunks: 1 });
    });
    o.set('uploads:moveFailed', (input) => ok({ batchId: 99, moved: this.devices.filter((d) => d.batchId === input.batchId && d.state === 'failed').length }));
    o.set('review:removeDevice', (input) => {
      const b = this.batches.find((x) => this.devices.some((d) => d.id === input.deviceId && d.batchId === x.id));
      return { ok: false, error: { code: 'INVALID_STATE', message: `Batch ${b?.name ?? '?'} is needs attention: its lines can no longer be changed.` } };
    });
    o.set('profiles:list', () => (this.profiles.ok ? ok({ profiles: this.profiles.value, note: PROFILES_NOTE }) : this.profiles));
    o.set('profiles:assign', (input) => this.assignResult ?? ok({ assigned: this.devices.filter((d) => d.batchId === input.batchId && d.state === 'registered').length, skipped: 0, failed: [], stillRunning: 0 }));
    o.set('profiles:waiting', (input) => {
      const reg = this.devices.filter((d) => d.batchId === input.batchId && d.state === 'registered');
      return ok({ registered: reg.length, withProfile: 0, waitingCount: reg.length, waiting: reg.map((d) => ({ deviceId: d.id, pkid: d.pkid, serial: d.serial, reason: 'No profile assigned yet.', manageable: true })) });
    });
    o.set('inventory:batches', () => ok({ batches: this.batches.map((b) => ({ remoteBatchId: b.name, devicesCount: b.deviceCount, status: 'completed', refreshedAt: AT })), refreshedAt: AT }));
    o.set('inventory:refresh', () => ok({ batchesRead: this.batches.length, batchesUnchanged: 0, batchesDropped: 0 }));
    o.set('devices:deregisterPreview', (input) => {
      const b = this.batches.find((x) => x.id === input.batchId);
      return ok({ batchName: b?.name ?? '?', registered: this.devices.filter((d) => d.batchId === input.batchId && d.state === 'registered').length, twoPersonRule: this.deregisterRule });
    });
    o.set('devices:deregister', (input) => {
      const ids = Array.isArray(input.deviceIds) ? (input.deviceIds as number[]) : this.devices.filter((d) => d.batchId === input.batchId && d.state === 'registered').map((d) => d.id);
      return ok({ requested: ids.length, deregistered: ids.length, failed: [], pending: 0, movedToBatchId: null });
    });
    o.set('settings:get', () => ok(this.settings));
    o.set('settings:update', (input) => {
      this.settings[String(input.key)] = input.value;
      return ok(this.settings);
    });
  }

  calls(channel: string): unknown[] {
    return this.station.calls.filter((c) => c.channel === channel).map((c) => c.input);
  }

  private reviewPage(input: Record<string, unknown>) {
    const batchId = Number(input.batchId);
    const state = String(input.state ?? 'live');
    const limit = Number(input.limit ?? 200);
    const after = Number(input.after ?? 0);
    const inBatch = this.devices.filter((d) => d.batchId === batchId && !d.removed);
    const matching = inBatch.filter((d) => state === 'live' || state === 'all' || d.state === state);
    const rows = matching.filter((d) => d.id > after).slice(0, limit);
    const count = (s: ReviewDevice['state']) => inBatch.filter((d) => d.state === s).length;
    return {
      rows,
      nextAfter: rows.length === limit && matching.some((d) => d.id > (rows.at(-1)?.id ?? 0)) ? (rows.at(-1)?.id ?? null) : null,
      totals: {
        matching: matching.length,
        byState: { all: inBatch.length, live: inBatch.length, removed: 0, scanned: count('scanned'), queued: count('queued'), sending: count('sending'), registered: count('registered'), failed: count('failed') },
        byOperator: [],
        bySource: [],
      },
    };
  }
}

/** Restores the stored session as the app's boot does, so the page knows the operator's role. */
export function SignedIn({ children }: { children: ReactNode }): ReactNode {
  const restore = useAppStore((s) => s.restoreSession);
  const operator = useAppStore((s) => s.operator);
  useEffect(() => void restore(), [restore]);
  return operator ? children : null;
}

/** jsdom lays nothing out: give the device list a height and each row one, so the virtualiser works. */
export function fakeLayout(): () => void {
  const proto = HTMLElement.prototype;
  const saved = ['clientHeight', 'clientWidth', 'offsetHeight', 'offsetWidth'].map((k) => [k, Object.getOwnPropertyDescriptor(proto, k)] as const);
  Object.defineProperty(proto, 'clientHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(proto, 'clientWidth', { configurable: true, get: () => 1000 });
  Object.defineProperty(proto, 'offsetHeight', { configurable: true, get: () => 100 });
  Object.defineProperty(proto, 'offsetWidth', { configurable: true, get: () => 1000 });
  return () => {
    for (const [k, d] of saved) {
      if (d) Object.defineProperty(proto, k, d);
      else delete (proto as unknown as Record<string, unknown>)[k];
    }
  };
}
