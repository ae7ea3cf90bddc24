// The second half of "move to another customer": the core has put the boxes in a new open batch; close
// it and approve it for the chosen customer (approval's own checks and two-person rule apply; the same
// second person may confirm). If approval is refused, the boxes wait in that batch for a lead.
import type { ApiClient } from '../../api';
import { errorText } from '../../i18n/errors';
import type { SecondPerson } from '../../components/TwoPersonPanel';
import type { MoveChoice } from './MoveToCustomer';
import type { MoveOutcome } from './DeregisterOutcome';

export async function moveToCustomer(api: ApiClient, batchId: number, move: MoveChoice, secondPerson: SecondPerson | undefined): Promise<MoveOutcome> {
  const batchName = move.batchName.trim();
  const closed = await api.call('batches:close', { id: batchId });
  if (!closed.ok) return { batchName, approved: false, customerName: null, problem: errorText(closed.error) };
  const approved = await api.call('approval:approve', { batchId, customerTenantId: move.tenantId, ...(secondPerson ? { secondPerson } : {}) });
  if (!approved.ok) return { batchName, approved: false, customerName: null, problem: errorText(approved.error) };
  return { batchName, approved: true, customerName: approved.value.customerName, problem: null };
}
