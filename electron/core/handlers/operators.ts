import { failSaying, ok, type Result, type OperatorView } from '../../../shared/contract';
import type { operatorChannels } from '../../../shared/contract/operators';
import { nameKey } from '../../../shared/domain/names';
import { countActiveAdmins, findById, findByNameKey, insertOperator, listOperators, toView, updateOperator, type OperatorRow } from '../../../db/repos/operators';
import type { StationTx } from '../../../db/types';
import type { HandlerContext } from '../context';
import type { Handlers } from '../dispatcher';
import { hashPin } from '../pin-hash';

const LAST_ADMIN = 'This is the last active station admin: add or promote another admin first, or nobody could manage the station.';

/**
 * Changes one operator in a transaction and audits it. Any change that alters what the operator may
 * do ends their open sessions, so they sign in again under the new rules.
 */
function changeOperator(
  ctx: HandlerContext,
  id: number,
  action: string,
  change: (tx: StationTx, row: OperatorRow) => Result<Partial<OperatorRow>>,
  endSessions: boolean,
): Result<OperatorView> {
  const result = ctx.write(['operators'], (tx): Result<OperatorView> => {
    const row = findById(tx, id);
    if (!row) return failSaying('NOT_FOUND', 'operator.notFound', { id }, `There is no operator with id ${id}.`);
    const values = change(tx, row);
    if (!values.ok) return values;
    const updated = updateOperator(tx, id, { ...values.value, updatedAt: ctx.now() });
    const detail = Object.fromEntries(Object.entries(values.value).filter(([k]) => k !== 'pinHash'));
    ctx.audit(tx, { action, objectType: 'operator', objectId: id, detail: { name: row.name, ...detail } });
    return ok(toView(updated));
  });
  if (result.ok && endSessions) {
    for (const s of ctx.sessions.closeOperator(id)) {
      ctx.events.emit('session:changed', { sessionId: s.sessionId, state: 'signedOut', operator: null });
    }
  }
  return result;
}

/** In a fleet, what lifted the lock here lifts the hub's too (else the next attempt would bring it back). */
async function unlockAcrossFleet(ctx: HandlerContext, result: Result<OperatorView>): Promise<Result<OperatorView>> {
  if (result.ok && ctx.fleetPins) await ctx.fleetPins.unlock(nameKey(result.value.name));
  return result;
}

function wouldRemoveLastAdmin(tx: StationTx, row: OperatorRow): boolean {
  return row.role === 'admin' && row.active && countActiveAdmins(tx) <= 1;
}

export const operatorHandlers: Pick<Handlers, keyof typeof operatorChannels> = {
  'operators:list': (_input, ctx) => ok(listOperators(ctx.db).map(toView)),

  'operators:add': async ({ name, role, pin }, ctx) => {
    const key = nameKey(name);
    if (findByNameKey(ctx.db, key)) return failSaying('CONFLICT', 'operator.nameTaken', { name }, `An operator called "${name}" already exists.`);
    const pinHash = await hashPin(pin, ctx.pinCost);
    return ctx.write(['operators'], (tx) => {
      if (findByNameKey(tx, key)) return failSaying('CONFLICT', 'operator.nameTaken', { name }, `An operator called "${name}" already exists.`);
      const row = insertOperator(tx, { name, nameKey: key, role, pinHash, at: ctx.now() });
      ctx.audit(tx, { action: 'operators:add', objectType: 'operator', objectId: row.id, detail: { name, role } });
      return ok(toView(row));
    });
  },

  'operators:setActive': ({ id, active }, ctx) =>
    changeOperator(
      ctx,
      id,
      'operators:setActive',
      (tx, row) => (!active && wouldRemoveLastAdmin(tx, row) ? failSaying('INVALID_STATE', 'operator.lastAdmin', {}, LAST_ADMIN) : ok({ active })),
      !active,
    ),

  'operators:setRole': ({ id, role }, ctx) =>
    changeOperator(
      ctx,
      id,
      'operators:setRole',
      (tx, row) => (role !== 'admin' && wouldRemoveLastAdmin(tx, row) ? failSaying('INVALID_STATE', 'operator.lastAdmin', {}, LAST_ADMIN) : ok({ role })),
      true,
    ),

  'operators:setPin': async ({ id, pin }, ctx) => {
    const pinHash = await hashPin(pin, ctx.pinCost);
    return unlockAcrossFleet(ctx, changeOperator(ctx, id, 'operators:setPin', () => ok({ pinHash, failedAttempts: 0, lockouts: 0, lockedUntil: null }), true));
  },

  'operators:unlock': ({ id }, ctx) =>
    unlockAcrossFleet(ctx, changeOperator(ctx, id, 'operators:unlock', () => ok({ failedAttempts: 0, lockouts: 0, lockedUntil: null }), false)),
};
