// The lead's desk in the station's own SQLite (a real migrated file): the copy of other docks' batches
// replaced whole and only when something shown changed, the newest request per batch, the answers, and
// "where is this box?" in the copy of other docks' identities (PKID exact, serial by prefix).
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addRequest, awaitedAnswers, deskBatches, findInCopy, noteAnswers, noteRequestsSent, openRequest, replaceFleetBatches, unsentRequests, type FleetBatchRow } from '../../../../../db/hub/local/desk';
import { copyIdentities } from '../../../../../db/hub/local/copy';
import { openDatabase, type OpenedDatabase } from '../../../../../db/open';
import { makeTempDir } from '../../../../helpers/temp-station';

let opened: OpenedDatabase;
let dir: string;
beforeEach(async () => {
  dir = makeTempDir('dockside-desk-');
  opened = await openDatabase({ path: join(dir, 'station.db') });
});
afterEach(() => {
  opened.close();
  rmSync(dir, { recursive: true, force: true });
});

const DOCK3 = '7f1c1f55-7e60-4a38-9d0f-1f1e4d5b3c01';
const batchRow = (batchName: string, extra: Partial<FleetBatchRow> = {}): FleetBatchRow => ({ stationId: DOCK3, stationName: 'Dock 3', batchName, state: 'closed', devices: 2, createdBy: 'Olga', createdAt: 1, updatedAt: 10, ...extra });

describe("the copy of other docks' batches", () => {
  it('is replaced whole, and says whether anything shown changed (a renewed push time alone is no change)', () => {
    expect(replaceFleetBatches(opened.db, [batchRow('PO-1'), batchRow('PO-2')])).toBe(true);
    expect(replaceFleetBatches(opened.db, [batchRow('PO-1', { updatedAt: 99 }), batchRow('PO-2', { updatedAt: 99 })])).toBe(false);
    expect(replaceFleetBatches(opened.db, [batchRow('PO-1', { state: 'approved' })])).toBe(true);
    expect(deskBatches(opened.db).map((b) => [b.batchName, b.state])).toEqual([['PO-1', 'approved']]);
  });

  it('carries the newest request sent about each batch, with its answer once it came', () => {
    replaceFleetBatches(opened.db, [batchRow('PO-1'), batchRow('PO-2')]);
    const first = addRequest(opened.db, { toStationId: DOCK3, toStationName: 'Dock 3', batchName: 'PO-1', action: 'reopen', customerTenantId: null, requestedBy: 'Lena', requestedAt: 100 });
    expect(openRequest(opened.db, DOCK3, 'PO-1')).toMatchObject({ seq: first.seq, sent: false });
    expect(unsentRequests(opened.db).map((r) => r.seq)).toEqual([first.seq]);
    noteRequestsSent(opened.db, 101, [{ seq: first.seq, hubId: 41 }]);
    expect(unsentRequests(opened.db)).toEqual([]);
    expect(awaitedAnswers(opened.db)).toEqual([41]);
    noteAnswers(opened.db, [{ hubId: 41, outcome: 'refused', reason: 'Batch PO-1 is open.', answeredAt: 120 }]);
    expect(openRequest(opened.db, DOCK3, 'PO-1')).toBeNull();
    const second = addRequest(opened.db, { toStationId: DOCK3, toStationName: 'Dock 3', batchName: 'PO-1', action: 'approve', customerTenantId: 't-1', requestedBy: 'Lena', requestedAt: 130 });
    const rows = deskBatches(opened.db);
    expect(rows.find((b) => b.batchName === 'PO-1')?.request).toEqual({ seq: second.seq, action: 'approve', requestedBy: 'Lena', requestedAt: 130, sent: false, outcome: null, reason: null, answeredAt: null });
    expect(rows.find((b) => b.batchName === 'PO-2')?.request).toBeNull();
  });
});

describe('where is this box, in the copy', () => {
  it('finds a PKID exactly and a serial by its beginning, with the dock, batch, who and when', () => {
    copyIdentities(opened.db, [
      { hubId: 1, kind: 'pkid', pkid: '3811111111111', serial: null, manufacturer: null, model: null, hardwareHashSha256: null, stationName: 'Dock 3', batchName: 'PO-1', operatorName: 'Olga', scannedAt: 5 },
      { hubId: 2, kind: 'tuple', pkid: null, serial: 'CND1234XYZ', manufacturer: 'HP', model: 'EliteBook', hardwareHashSha256: null, stationName: 'Dock 3', batchName: 'PO-1', operatorName: 'Olga', scannedAt: 6 },
      { hubId: 3, kind: 'tuple', pkid: null, serial: 'CND9999', manufacturer: 'HP', model: 'EliteBook', hardwareHashSha256: null, stationName: 'Dock 5', batchName: 'PO-9', operatorName: 'Piotr', scannedAt: 7 },
    ]);
    expect(findInCopy(opened.db, ['3811111111111'], [], 10)).toEqual([{ pkid: '3811111111111', serial: null, manufacturer: null, model: null, stationName: 'Dock 3', batchName: 'PO-1', operatorName: 'Olga', scannedAt: 5 }]);
    expect(findInCopy(opened.db, ['381111111111'], [], 10)).toEqual([]);
    expect(findInCopy(opened.db, [], ['CND1'], 10).map((m) => m.serial)).toEqual(['CND1234XYZ']);
    expect(findInCopy(opened.db, [], ['CND'], 10).map((m) => m.stationName)).toEqual(['Dock 3', 'Dock 5']);
    expect(findInCopy(opened.db, [], ['CND'], 1)).toHaveLength(1);
    expect(findInCopy(opened.db, [], [], 10)).toEqual([]);
  });
});
