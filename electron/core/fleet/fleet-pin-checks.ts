// The PIN checks' fleet half (pin-guard.ts calls these between its own steps, which stay as they are):
// the attempt counted on the hub after the station's own reservation, a lock the hub holds taken into
// the station, and the tries left as the stricter of the two counts says.
import { LOCKOUT_THRESHOLD } from '../../../shared/domain/pin';
import { findById, updateOperator, type OperatorRow } from '../../../db/repos/operators';
import type { HubLockState } from '../../../db/hub/repos/lockouts';
import type { HandlerContext } from '../context';
import type { PinCheckAction, Verdict } from '../pin-guard';
import type { FleetReservation } from './fleet-pins';

/**
 * In a fleet, the hub's count comes after the station's own reservation (which stays the first guard):
 * a name the hub says is locked is locked here too, from now for as long as the hub says.
 */
function lockFromFleet(ctx: HandlerContext, operatorId: number, lockedForMs: number, action: PinCheckAction): number {
  return ctx.write(['operators'], (tx) => {
    const row = findById(tx, operatorId);
    if (!row) throw new Error(`operator ${operatorId} vanished`);
    const lockedUntil = Math.max(row.lockedUntil ?? 0, ctx.now() + lockedForMs);
    ctx.audit(tx, { operatorId: row.id, operatorName: row.name, action: 'session:lockedOut', result: 'denied', objectType: 'operator', objectId: row.id, detail: { lockedUntil, by: action, across: 'fleet' } });
    updateOperator(tx, row.id, { failedAttempts: 0, lockedUntil, updatedAt: ctx.now() });
    return lockedUntil;
  });
}

export type FleetAttempt = { ok: true; reservation: FleetReservation } | { ok: false; until: number };

/** Counts the attempt on the fleet's hub (when in a fleet and the hub answers); refused when the hub has the name locked. */
export async function reserveAcrossFleet(ctx: HandlerContext, row: OperatorRow, action: PinCheckAction): Promise<FleetAttempt> {
  const reservation: FleetReservation = ctx.fleetPins ? await ctx.fleetPins.reserve(row.nameKey) : { counted: 'none' };
  if (reservation.counted === 'hub' && reservation.state.lockedForMs !== null) return { ok: false, until: lockFromFleet(ctx, row.id, reservation.state.lockedForMs, action) };
  return { ok: true, reservation };
}

/**
 * Settles the attempt on the hub before the station settles its own, so a lock the hub decided (the
 * limit reached across docks) is already here when the station's settleAttempt looks. The answer is
 * what the hub allows still, to be told in the refusal.
 */
export async function settleAcrossFleet(ctx: HandlerContext, row: OperatorRow, action: PinCheckAction, attempt: FleetReservation, right: boolean): Promise<HubLockState | null> {
  const state = ctx.fleetPins ? await ctx.fleetPins.settle(row.nameKey, attempt, right) : null;
  if (state !== null && state.lockedForMs !== null) lockFromFleet(ctx, row.id, state.lockedForMs, action);
  return state;
}

/** The tries left, as the stricter of the station's and the hub's counts says. */
export function fewerTries(verdict: Exclude<Verdict, { ok: true }>, hub: HubLockState | null): Exclude<Verdict, { ok: true }> {
  if (verdict.code !== 'BAD_CREDENTIALS' || !hub) return verdict;
  return { ...verdict, triesLeft: Math.max(1, Math.min(verdict.triesLeft, LOCKOUT_THRESHOLD - hub.attempts)) };
}
