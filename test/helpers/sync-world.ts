// A station, an emulator and an upload engine wired together over loopback, for upload tests.
// Devices are stored with the real schema; approval is the same outbox call the approve channel makes.
import type { UploadGate } from '../../electron/core/sync/upload-gate';
import { startEmulator, type RegistrySeed, type RunningEmulator } from '../../electron/practice/emulator';
import type { IdentityFields } from '../../shared/domain/identity';
import type { SwitchesPatch } from '../../electron/practice/emulator/switches';
import { createPartnerCenterClient, type PartnerCenterClient } from '../../electron/partner-center/client';
import { staticTokenProvider, type TokenProvider } from '../../electron/partner-center/token-provider';
import { SyncEngine } from '../../electron/core/sync/engine';
import { queueUploadChunks } from '../../electron/core/sync/outbox';
import type { SyncOptions } from '../../electron/core/sync/sync-context';
import { silentLogger } from '../../electron/core/log';
import { tempStation, type TempStation } from './temp-station';

export const CUSTOMER = '6f1c4a2e-8d3b-4c5f-9a7e-2b1d0c9e8f71';
export const OTHER_TENANT = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c64';
export const TOKEN = 'emulator-app-user-token';

export const fastSync: Partial<SyncOptions> = { firstPollMs: 5, maxPollMs: 40, retryBaseMs: 10, retryMaxMs: 80, idleMs: 10, slowJobMs: 2_000, slowPollMaxMs: 160 };

export interface SyncWorld {
  t: TempStation;
  emu: RunningEmulator;
  client: PartnerCenterClient;
  engine: SyncEngine;
  tokens: { current: string };
  operatorId: number;
  /** Stores `pkids` as a closed batch and approves it for CUSTOMER with the given chunk size. */
  approvedBatch(name: string, pkids: readonly string[], chunkSize?: number): number;
  /** Stores devices of any identity (fields left out are null) as a closed batch and approves it for CUSTOMER. */
  approvedDevices(name: string, devices: readonly Partial<IdentityFields>[], chunkSize?: number): number;
  /** Stores devices as a closed, not yet approved batch (to approve through the channel). */
  closedBatch(name: string, devices: readonly Partial<IdentityFields>[]): number;
  batchState(batchId: number): string;
  deviceStates(batchId: number): Record<string, number>;
  /** `now` replaces the engine's clock (slow jobs are tested without waiting). */
  newEngine(options?: Partial<SyncOptions>, now?: () => number, gate?: UploadGate): SyncEngine;
  close(): Promise<void>;
}

/** PKIDs filed with the emulator's simulated OEM registry, owned by nobody yet. */
export function filedPkids(count: number, start = 0): string[] {
  return Array.from({ length: count }, (_, i) => String(3_200_000_000_000 + (start + i) * 11));
}

export async function syncWorld(options: { switches?: SwitchesPatch; registry?: RegistrySeed[]; filed?: number; clientTimeoutMs?: number; tokenProvider?: TokenProvider } = {}): Promise<SyncWorld> {
  const emu = await startEmulator({
    seed: {
      customers: [{ id: CUSTOMER, companyProfile: { companyName: 'Contoso Ltd', domain: 'contoso.onmicrosoft.com' }, relationshipToPartner: 'reseller' }],
      registry: [...filedPkids(options.filed ?? 0).map((pkid) => ({ pkid })), ...(options.registry ?? [])],
    },
    switches: { throttle: { enabled: false }, ...options.switches },
  });
  const t = await tempStation();
  const sqlite = t.station.database.sqlite;
  sqlite.prepare("INSERT INTO customers (tenant_id, company_name, domain, relationship, refreshed_at) VALUES (?, 'Contoso Ltd', 'contoso.onmicrosoft.com', 'reseller', ?)").run(CUSTOMER, Date.now());
  const operatorId = (sqlite.prepare('SELECT id FROM operators LIMIT 1').get() as { id: number }).id;
  const tokens = { current: TOKEN };
  const tokenProvider: TokenProvider = options.tokenProvider ?? { ...staticTokenProvider(TOKEN), getToken: async () => tokens.current };
  const client = createPartnerCenterClient({ baseUrl: emu.url, tokenProvider, timeoutMs: options.clientTimeoutMs ?? 2_000, retry: { baseDelayMs: 5, maxDelayMs: 40, maxAttempts: 3 } });
  const newEngine = (opts: Partial<SyncOptions> = {}, now: () => number = Date.now, gate?: UploadGate) =>
    new SyncEngine({ db: t.station.database.db, now, events: t.station.events, logger: silentLogger, station: t.station.identity, client: () => client, options: { ...fastSync, ...opts }, gate });

  // Written with SQL, not the scan channels: tests need records the station's own paths would refuse.
  function storeBatch(name: string, list: readonly Partial<IdentityFields>[], state: 'approved' | 'closed'): number {
    const now = Date.now();
    const batchId = Number(sqlite.prepare('INSERT INTO batches (name, name_key, state, created_by, created_at, customer_tenant_id, approved_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(name, name.toLowerCase(), state, operatorId, now, state === 'approved' ? CUSTOMER : null, state === 'approved' ? now : null).lastInsertRowid);
    const insert = sqlite.prepare("INSERT INTO devices (batch_id, pkid, serial, manufacturer, model, hardware_hash, raw, source, scanned_by, scanned_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'import', ?, ?)");
    sqlite.transaction(() => list.forEach((d) => insert.run(batchId, d.pkid ?? null, d.serial ?? null, d.manufacturer ?? null, d.model ?? null, d.hardwareHash ?? null, d.pkid ?? d.serial ?? 'hash', operatorId, now)))();
    return batchId;
  }
  function approve(batchId: number, chunkSize: number): number {
    t.station.database.db.transaction((tx) => queueUploadChunks(tx, batchId, chunkSize, Date.now()), { behavior: 'immediate' });
    return batchId;
  }

  return {
    t,
    emu,
    client,
    engine: newEngine(),
    tokens,
    operatorId,
    newEngine,
    approvedBatch(name, pkids, chunkSize = 500) {
      return approve(storeBatch(name, pkids.map((pkid) => ({ pkid })), 'approved'), chunkSize);
    },
    approvedDevices(name, list, chunkSize = 500) {
      return approve(storeBatch(name, list, 'approved'), chunkSize);
    },
    closedBatch: (name, list) => storeBatch(name, list, 'closed'),
    batchState: (batchId) => (sqlite.prepare('SELECT state FROM batches WHERE id = ?').get(batchId) as { state: string }).state,
    deviceStates(batchId) {
      const rows = sqlite.prepare("SELECT coalesce(error_code, state) AS k, count(*) AS n FROM devices WHERE batch_id = ? AND removed_at IS NULL GROUP BY k").all(batchId) as { k: string; n: number }[];
      return Object.fromEntries(rows.map((r) => [r.k, r.n]));
    },
    async close() {
      await emu.close();
      t.cleanup();
    },
  };
}
