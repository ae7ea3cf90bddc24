// Before a lead removes a batch's devices from Autopilot: how many can be removed (registered by this
// partner, not added by the customer itself), and who may do it under approval's two-person rule.
import { failSaying, ok, type ChannelOutput, type Result } from '../../../shared/contract';
import { CUSTOMER_ADDED } from '../../../shared/domain/device-errors';
import { findBatch } from '../../../db/repos/batches';
import { registeredDeviceCodes } from '../../../db/repos/devices';
import { DEREGISTER, twoPersonState } from '../approval/two-person-state';
import type { HandlerContext } from '../context';

export function removalPreview(ctx: HandlerContext, batchId: number): Result<ChannelOutput<'devices:deregisterPreview'>> {
  const session = ctx.session;
  if (!session) return failSaying('NOT_SIGNED_IN', 'session.signInFirst', {}, 'Sign in first.');
  const batch = findBatch(ctx.db, batchId);
  if (!batch) return failSaying('NOT_FOUND', 'batch.notFound', { id: batchId }, `There is no batch with id ${batchId}.`);
  const registered = registeredDeviceCodes(ctx.db, batchId).filter((d) => d.errorCode !== CUSTOMER_ADDED.code).length;
  const rule = twoPersonState(ctx.db, batch, session.operatorId, DEREGISTER);
  return ok({ batchName: batch.name, registered, twoPersonRule: { ...rule, eligible: rule.eligible.map(({ id: who, name, role }) => ({ id: who, name, role })) } });
}
