// A temp station with an operator, two leads and an open batch, for review/import/approval tests.
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/contract';
import { tempStation, type TempStation } from './temp-station';

export interface ReviewStation extends TempStation {
  operator: string;
  lead: string;
  otherLead: string;
  batchId: number;
  /** Calls a channel and throws on an error envelope (for arranging a test). */
  must<C extends Channel>(channel: C, input: ChannelInput<C>, token?: string): Promise<ChannelOutput<C>>;
  scan(pkid: string, token?: string, batchId?: number): Promise<void>;
  base64(text: string | Uint8Array): string;
  addCustomer(tenantId: string, companyName: string): void;
}

export async function reviewStation(batchName = 'PO-4711'): Promise<ReviewStation> {
  const t = await tempStation();
  const operator = await t.tokenFor('operator', 'Olga');
  const lead = await t.tokenFor('lead', 'Lena');
  const otherLead = await t.tokenFor('lead', 'Liam');
  const must: ReviewStation['must'] = async (channel, input, token = lead) => {
    const r = await t.station.call(channel, input, { sessionToken: token });
    if (!r.ok) throw new Error(`${channel}: ${r.error.code}: ${r.error.message}`);
    return r.value;
  };
  const batch = await must('batches:create', { name: batchName }, operator);
  return {
    ...t,
    operator,
    lead,
    otherLead,
    batchId: batch.id,
    must,
    scan: async (pkid, token = operator, batchId = batch.id) => {
      const v = await must('scans:record', { batchId, raw: pkid, source: 'wedge', confirmPkid: true }, token);
      if (v.verdict !== 'accepted') throw new Error(`scan ${pkid}: ${v.verdict}: ${v.message}`);
    },
    base64: (text) => Buffer.from(typeof text === 'string' ? Buffer.from(text, 'utf8') : text).toString('base64'),
    addCustomer: (tenantId, companyName) => {
      t.station.database.sqlite
        .prepare("INSERT INTO customers (tenant_id, company_name, domain, relationship, refreshed_at) VALUES (?, ?, ?, 'reseller', ?)")
        .run(tenantId, companyName, `${companyName.toLowerCase().replace(/\W/g, '')}.example`, Date.now());
    },
  };
}

export function auditRows(t: TempStation, action: string): { result: string; operator_name: string | null; object_id: string | null; detail: Record<string, unknown> }[] {
  return (t.station.database.sqlite.prepare('SELECT result, operator_name, object_id, detail FROM audit WHERE action = ? ORDER BY id').all(action) as { result: string; operator_name: string | null; object_id: string | null; detail: string }[]).map(
    (r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> }),
  );
}
