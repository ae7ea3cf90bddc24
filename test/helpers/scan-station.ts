// A temp station with a signed-in operator and an open batch, for scan tests.
import type { ScanVerdict } from '../../shared/contract/scans';
import { tempStation, type TempStation } from './temp-station';

export interface ScanStation extends TempStation {
  token: string;
  batchId: number;
  scan(raw: string, extra?: { symbology?: 'ean13' | 'code128' | 'upca'; confirmPkid?: boolean; layoutMismatch?: boolean; usReading?: string; token?: string; batchId?: number }): Promise<ScanVerdict>;
}

export async function scanStation(role: 'operator' | 'lead' = 'operator'): Promise<ScanStation> {
  const t = await tempStation();
  const token = await t.tokenFor(role, 'Olga');
  const created = await t.station.call('batches:create', { name: 'PO-4711' }, { sessionToken: token });
  if (!created.ok) throw new Error(created.error.message);
  const batchId = created.value.id;
  return {
    ...t,
    token,
    batchId,
    scan: async (raw, extra = {}) => {
      const { token: who = token, batchId: into = batchId, ...rest } = extra;
      const result = await t.station.call('scans:record', { batchId: into, raw, source: 'wedge', ...rest }, { sessionToken: who });
      if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
      return result.value;
    },
  };
}

export function liveDeviceCount(t: TempStation): number {
  return (t.station.database.sqlite.prepare('SELECT count(*) AS n FROM devices WHERE removed_at IS NULL').get() as { n: number }).n;
}
