// A FakeStation taught the shift lead's desk: batches, review pages (keyset and by position), corrections, expected
// vs scanned, import, export, approval and customers. The rules live in the core (e2e tests use it).
import type { Result } from '../../../../../shared/contract';
import type { ApprovalPreview } from '../../../../../shared/contract/approval';
import type { BatchSummary } from '../../../../../shared/contract/batches';
import type { ExpectedPreview, Reconciliation } from '../../../../../shared/contract/expected';
import type { ImportPreview } from '../../../../../shared/contract/import';
import type { ReviewDevice } from '../../../../../shared/contract/review';
import { summariseIdentity } from '../../../../../shared/domain/identity';
import type { Role } from '../../../../../shared/domain/roles';
import { createApiClient, type ApiClient } from '../../../../../renderer/src/api/client';
import { FakeStation } from '../../helpers/fake-transport';
import { MemoryStorage } from '../../helpers/render-app';

export const ok = <T,>(value: T): Result<T> => ({ ok: true, value });
/** Stands in for a stored 4K hash (5,000 base64 characters): a row only says that one exists. */
const FAKE_HASH = 'A'.repeat(5_000);
export const AT = Date.UTC(2026, 10, 23, 9, 30);

export function device(id: number, batchId: number, extra: Partial<ReviewDevice> = {}): ReviewDevice {
  const d: Omit<ReviewDevice, 'identity'> = {
    id, batchId, pkid: String(3_000_000_000_000 + id), serial: null, manufacturer: null, model: null, hasHardwareHash: false, source: 'wedge', scannedById: 2, scannedBy: 'Olga',
    scannedAt: AT, state: 'scanned', removed: false, removedBy: null, removedAt: null, removedReason: null, errorCode: null, errorText: null, remoteDeviceId: null, heldElsewhere: null, ...extra,
  };
  // As the core summarises it (db/repos/review.ts).
  return { ...d, identity: summariseIdentity({ ...d, hardwareHash: d.hasHardwareHash ? FAKE_HASH : null }) };
}

export function batch(id: number, name: string, state: BatchSummary['state'], deviceCount: number): BatchSummary {
  return { id, name, state, deviceCount, createdBy: 'Olga', createdAt: AT, closedAt: null, customerTenantId: null };
}

export class ReviewFake {
  readonly station = new FakeStation();
  readonly api: ApiClient;
  batches: BatchSummary[] = [batch(1, 'PO-4711', 'closed', 3), batch(2, 'Dock-2', 'open', 0), batch(3, 'Old', 'registered', 5)];
  devices: ReviewDevice[] = [];
  reconciliation: Reconciliation = { expected: 0, scanned: 0, matched: 0, missing: 0, unexpected: 0, missingLines: [], unexpectedDevices: [] };
  yourDevices = 0;
  /** With yourDevices > 0: whether another lead or admin may confirm (the fake's station), or nobody can. */
  othersEligible = true;
  twoPersonRuleOn = true;
  /** What approval:preview says about devices without an identity (the core lists at most 20). */
  noIdentity: ApprovalPreview['noIdentity'] = { count: 0, devices: [] };
  /** What approval:preview says about lines scanned without being expected. */
  unexpected: Pick<ApprovalPreview['expected'], 'unexpected' | 'unexpectedDevices'> = { unexpected: 0, unexpectedDevices: [] };

  constructor(role: Role = 'lead') {
    const me = this.station.addOperator('Liam', role, '246813');
    this.station.sessions.set('token-1', { sessionId: 'session-1', operatorId: me.id });
    const storage = new MemoryStorage();
    storage.setItem('dockside.session', JSON.stringify({ token: 'token-1', sessionId: 'session-1' }));
    this.api = createApiClient(this.station, storage);
    const o = this.station.overrides;
    o.set('batches:list', () => ok(this.batches));
    o.set('batches:get', (input) => {
      const b = this.batches.find((x) => x.id === input.id);
      return b ? ok(b) : { ok: false, error: { code: 'NOT_FOUND', message: 'no batch' } };
    });
    o.set('batches:close', (input) => this.setState(Number(input.id), 'closed'));
    o.set('batches:reopen', (input) => this.setState(Number(input.id), 'open'));
    o.set('review:devices', (input) => ok(this.page(input)));
    o.set('review:rows', (input) => {
      const offset = Number(input.offset ?? 0);
      return ok({ rows: this.matching(input).slice(offset, offset + Number(input.limit ?? 200)), offset });
    });
    o.set('review:removeDevice', (input) => this.change(Number(input.deviceId), { removed: true, removedBy: 'Liam', removedAt: AT, removedReason: String(input.reason) }));
    o.set('review:restoreDevice', (input) => this.change(Number(input.deviceId), { removed: false, removedBy: null, removedAt: null, removedReason: null }));
    o.set('review:fixDevice', (input) => {
      const text = (key: string): Partial<ReviewDevice> => (input[key] !== undefined ? { [key]: input[key] as string | null } : {});
      return this.change(Number(input.deviceId), { ...text('serial'), ...text('manufacturer'), ...text('model') });
    });
    o.set('scans:tupleChoices', (input) =>
      ok({
        manufacturers: [{ name: 'HP', from: 'catalog' }, { name: 'LENOVO', from: 'catalog' }],
        models: input.manufacturer === 'HP' ? [{ manufacturer: 'HP', model: 'HP EliteBook 840 14 inch G10 Notebook PC', from: 'catalog', description: null }] : [],
      }),
    );
    o.set('review:find', (input) => {
      const q = String(input.query);
      const matches = this.devices.filter((d) => d.pkid === q || d.serial?.startsWith(q)).map((d) => ({ ...d, batchName: 'PO-4711', batchState: 'closed' }));
      return ok({ matches, truncated: false });
    });
    o.set('expected:reconcile', () => ok(this.reconciliation));
    o.set('expected:preview', () => ok(this.expectedPreview()));
    o.set('customers:list', (input) => {
      const all = [
        { tenantId: 'tenant-contoso', companyName: 'Contoso Ltd', domain: 'contoso.onmicrosoft.com', relationship: 'reseller', refreshedAt: AT, listed: true },
        { tenantId: 'tenant-fabrikam', companyName: 'Fabrikam Inc', domain: 'fabrikam.onmicrosoft.com', relationship: 'reseller', refreshedAt: AT, listed: true },
      ];
      const q = typeof input.search === 'string' ? input.search.toLowerCase() : '';
      return ok({ refreshedAt: AT, customers: all.filter((c) => !q || c.companyName.toLowerCase().includes(q) || c.domain.includes(q)) });
    });
    o.set('approval:preview', (input) => ok(this.preview(input.customerTenantId as string | undefined)));
    o.set('approval:approve', (input) => {
      const b = this.batches.find((x) => x.id === input.batchId);
      if (!b) return { ok: false, error: { code: 'NOT_FOUND', message: 'no batch' } };
      const second = input.secondPerson as { name: string; pin: string } | undefined;
      if (second && second.pin !== '739154') return { ok: false, error: { code: 'BAD_CREDENTIALS', message: `That PIN is wrong, or there is no active operator called ${second.name}. 4 tries left before ${second.name} is locked for a while.` } };
      b.state = 'approved';
      return ok({ batch: b, approvedBy: 'Liam', confirmedBy: second?.name ?? null, approvedAt: AT, customerName: 'Contoso Ltd' });
    });
  }

  calls(channel: string): Record<string, unknown>[] {
    return this.station.calls.filter((c) => c.channel === channel).map((c) => c.input as Record<string, unknown>);
  }

  fill(batchId: number, count: number): void {
    this.devices = Array.from({ length: count }, (_, i) => device(i + 1, batchId));
  }

  /** What expected:preview says about a supplier's list of 5 lines, one of them refused. */
  expectedPreview(extra: Partial<ExpectedPreview> = {}): ExpectedPreview {
    return {
      fileName: 'asn.csv', sha256: 'x', bytes: 80, encoding: 'utf-8', delimiter: ',', columns: null, rows: 6, accepted: 5, refusedCount: 1, refusedByReason: { 'bad-pkid': 1 },
      refused: [{ line: 4, reason: 'bad-pkid', message: 'This is not a PKID: 12345.' }], token: 'b'.repeat(64), replaces: 0,
      sample: [1, 2, 3, 4, 5].map((i) => ({ line: i + 1, pkid: `390000000000${i}`, serial: null })), ...extra,
    };
  }

  importPreview(extra: Partial<ImportPreview> = {}): ImportPreview {
    return {
      fileName: 'pkids.csv', sha256: 'x', bytes: 100, encoding: 'utf-8', delimiter: ',', columns: null, rows: 4, accepted: 3, refusedCount: 1, refusedByReason: { 'bad-pkid': 1 },
      refused: [{ line: 3, reason: 'bad-pkid', message: 'This is not a PKID: 12345.' }], token: 'a'.repeat(64),
      sample: [{ line: 1, pkid: '3000000000101', serial: null, manufacturer: null, model: null }], ...extra,
    };
  }

  private setState(id: number, state: BatchSummary['state']): Result<unknown> {
    const b = this.batches.find((x) => x.id === id);
    if (!b) return { ok: false, error: { code: 'NOT_FOUND', message: 'no batch' } };
    b.state = state;
    this.station.emit('db:changed', { tables: ['batches', 'audit'] });
    return ok(b);
  }

  private change(id: number, patch: Partial<ReviewDevice>): Result<unknown> {
    const at = this.devices.findIndex((x) => x.id === id);
    const before = this.devices[at];
    if (!before) return { ok: false, error: { code: 'NOT_FOUND', message: 'no device' } };
    // A new object, as from the wire (identity summarised again): the list shows it only once it has reloaded.
    const d = device(before.id, before.batchId, { ...before, ...patch });
    this.devices[at] = d;
    this.station.emit('db:changed', { tables: ['devices', 'audit'] });
    return ok(d);
  }

  private twoPersonRule(): ApprovalPreview['twoPersonRule'] {
    const mine = this.yourDevices > 0;
    const others = this.othersEligible ? [{ id: 7, name: 'Ada Admin', role: 'admin' as const }, { id: 8, name: 'Lee Lead', role: 'lead' as const }] : [];
    const me = { id: 1, name: 'Liam', role: 'lead' as const };
    const enabled = this.twoPersonRuleOn;
    const explanation = !enabled
      ? 'The two-person rule is off on this station: any shift lead or admin may approve alone.'
      : !mine
        ? 'Two-person rule: you changed none of batch PO-4711, so you may approve it.'
        : others.length > 0
          ? `Two-person rule: you imported lines of batch PO-4711. ${others.map((o) => o.name).join(', ')} may approve it, or confirm your approval here with their PIN.`
          : 'Nobody can approve batch PO-4711 under the two-person rule: everyone allowed to approve changed it (Liam imported). Add a shift lead who did not, or: A station admin can turn the two-person rule off in Settings > Station.';
    return {
      enabled,
      yourDevices: this.yourDevices,
      changers: mine ? [{ operatorId: me.id, name: me.name, what: ['imported'] }] : [],
      eligible: !enabled || !mine ? [me, ...others] : others,
      needsSecondPerson: enabled && mine,
      explanation,
    };
  }

  private preview(tenant: string | undefined): ApprovalPreview {
    const b = this.batches[0] as BatchSummary;
    const blockers = [
      ...(tenant ? [] : ['Choose the customer.']),
      ...(this.twoPersonRuleOn && this.yourDevices ? [this.twoPersonRule().explanation] : []),
      ...(this.noIdentity.count ? [`Batch PO-4711 has ${this.noIdentity.count} devices that Partner Center cannot identify.`] : []),
    ];
    return {
      batch: b, deviceCount: 198, sameSerial: [{ serial: 'SN1', deviceIds: [1, 2], batchNames: ['PO-4711'] }],
      expected: { expected: 201, matched: 198, missing: 3, missingLines: [1, 2, 3].map((i) => ({ id: i, line: 199 + i, sourceFile: 'asn.csv', pkid: `390000000000${i}`, serial: null, manufacturer: null, model: null })), ...this.unexpected },
      customer: tenant === 'tenant-contoso' ? { tenantId: tenant, companyName: 'Contoso Ltd', domain: 'contoso.onmicrosoft.com' } : null,
      noIdentity: this.noIdentity,
      twoPersonRule: this.twoPersonRule(), blockers,
    };
  }

  private matching(input: Record<string, unknown>): ReviewDevice[] {
    const state = String(input.state ?? 'live');
    return this.devices.filter((d) => d.batchId === input.batchId).filter((d) => state === 'all' || (state === 'live' ? !d.removed : state === 'removed' ? d.removed : !d.removed && d.state === state));
  }

  private page(input: Record<string, unknown>) {
    const after = Number(input.after ?? 0);
    const limit = Number(input.limit ?? 200);
    const inBatch = this.devices.filter((d) => d.batchId === input.batchId);
    const matching = this.matching(input);
    const rest = matching.filter((d) => d.id > after);
    const rows = rest.slice(0, limit);
    const live = inBatch.filter((d) => !d.removed);
    const n = (s: ReviewDevice['state']) => live.filter((d) => d.state === s).length;
    return {
      rows,
      nextAfter: rest.length > limit ? (rows.at(-1)?.id ?? null) : null,
      totals: {
        matching: matching.length,
        byState: { all: inBatch.length, live: live.length, removed: inBatch.length - live.length, scanned: n('scanned'), queued: n('queued'), sending: n('sending'), registered: n('registered'), failed: n('failed') },
        byOperator: [{ operatorId: 2, name: 'Olga', count: live.length }],
        bySource: [{ source: 'wedge' as const, count: live.length }],
      },
    };
  }
}

/** jsdom lays nothing out: give scrollers a height and rows one, so the virtualiser works. */
export function fakeLayout(): () => void {
  const proto = HTMLElement.prototype;
  const saved = ['clientHeight', 'clientWidth', 'offsetHeight', 'offsetWidth'].map((k) => [k, Object.getOwnPropertyDescriptor(proto, k)] as const);
  Object.defineProperty(proto, 'clientHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(proto, 'clientWidth', { configurable: true, get: () => 1000 });
  Object.defineProperty(proto, 'offsetHeight', { configurable: true, get: () => 600 });
  Object.defineProperty(proto, 'offsetWidth', { configurable: true, get: () => 1000 });
  return () => {
    for (const [k, d] of saved) {
      if (d) Object.defineProperty(proto, k, d);
      else delete (proto as unknown as Record<string, unknown>)[k];
    }
  };
}
