import { fail, ok } from '../../../shared/contract';
import type { sessionChannels } from '../../../shared/contract/session';
import { nameKey } from '../../../shared/domain/names';
import { LOCKOUT_THRESHOLD, lockoutDurationMs } from '../../../shared/domain/pin';
import { findById, findByNameKey, listOperators, toView, updateOperator, type OperatorRow } from '../../../db/repos/operators';
import type { HandlerContext } from '../context';
import type { Handlers } from '../dispatcher';
import { burnPinCheck, hashPin, verifyPin } from '../pin-hash';

function lockedMessage(name: string, until: number): string {
  return `${name} is locked after too many wrong PINs until ${new Date(until).toISOString().slice(11, 19)} UTC. Wait, or ask a station admin to unlock.`;
}

/** Counts a wrong PIN inside a transaction, so parallel attempts cannot both slip under the limit. */
function recordFailure(ctx: HandlerContext, operatorId: number): OperatorRow {
  return ctx.write(['operators'], (tx) => {
    const current = findById(tx, operatorId);
    if (!current) throw new Error(`operator ${operatorId} vanished`);
    const failed = current.failedAttempts + 1;
    const base = { operatorId: current.id, operatorName: current.name, objectType: 'operator', objectId: current.id };
    if (failed < LOCKOUT_THRESHOLD) {
      ctx.audit(tx, { ...base, action: 'session:signIn', result: 'failed', detail: { reason: 'wrong PIN', failedAttempts: failed } });
      return updateOperator(tx, current.id, { failedAttempts: failed, updatedAt: ctx.now() });
    }
    const lockedUntil = ctx.now() + lockoutDurationMs(current.lockouts);
    ctx.audit(tx, { ...base, action: 'session:signIn', result: 'failed', detail: { reason: 'wrong PIN', failedAttempts: failed } });
    ctx.audit(tx, { ...base, action: 'session:lockedOut', result: 'denied', detail: { lockedUntil, lockouts: current.lockouts + 1 } });
    return updateOperator(tx, current.id, { failedAttempts: 0, lockouts: current.lockouts + 1, lockedUntil, updatedAt: ctx.now() });
  });
}

export const sessionHandlers: Pick<Handlers, keyof typeof sessionChannels> = {
  'session:operators': (_input, ctx) => ok(listOperators(ctx.db, true).map((o) => ({ id: o.id, name: o.name, role: o.role }))),

  'session:signIn': async ({ name, pin }, ctx) => {
    const row = findByNameKey(ctx.db, nameKey(name));
    if (!row || !row.active) {
      await burnPinCheck(pin, ctx.pinCost);
      ctx.write(['audit'], (tx) =>
        ctx.audit(tx, { action: 'session:signIn', result: 'failed', detail: { name: name.slice(0, 40), reason: row ? 'disabled' : 'unknown name' } }),
      );
      return fail('BAD_CREDENTIALS', 'That name and PIN do not match an active operator.');
    }
    if (row.lockedUntil !== null && row.lockedUntil > ctx.now()) {
      ctx.write(['audit'], (tx) =>
        ctx.audit(tx, { operatorId: row.id, operatorName: row.name, action: 'session:signIn', result: 'denied', objectType: 'operator', objectId: row.id, detail: { reason: 'locked out' } }),
      );
      return fail('LOCKED_OUT', lockedMessage(row.name, row.lockedUntil), { until: row.lockedUntil });
    }
    if (!(await verifyPin(pin, row.pinHash))) {
      const after = recordFailure(ctx, row.id);
      if (after.lockedUntil !== null && after.lockedUntil > ctx.now()) {
        return fail('LOCKED_OUT', lockedMessage(after.name, after.lockedUntil), { until: after.lockedUntil });
      }
      const left = LOCKOUT_THRESHOLD - after.failedAttempts;
      return fail('BAD_CREDENTIALS', `Wrong PIN. ${left} ${left === 1 ? 'try' : 'tries'} left before ${row.name} is locked for a while.`, { triesLeft: left });
    }
    const signedIn = ctx.write(['operators'], (tx) => {
      const fresh = updateOperator(tx, row.id, { failedAttempts: 0, lockouts: 0, lockedUntil: null, updatedAt: ctx.now() });
      ctx.audit(tx, { operatorId: row.id, operatorName: row.name, action: 'session:signIn', objectType: 'operator', objectId: row.id });
      return fresh;
    });
    const session = ctx.sessions.open(signedIn);
    const operator = toView(signedIn);
    ctx.events.emit('session:changed', { sessionId: session.sessionId, state: 'signedIn', operator });
    return ok({ token: session.token, sessionId: session.sessionId, operator });
  },

  'session:current': (_input, ctx) => {
    const row = ctx.session ? findById(ctx.db, ctx.session.operatorId) : undefined;
    return ok({ operator: row ? toView(row) : null });
  },

  'session:signOut': (_input, ctx) => {
    const session = ctx.session;
    if (!session) return fail('NOT_SIGNED_IN', 'Nobody is signed in.');
    ctx.sessions.close(session.token);
    ctx.write(['audit'], (tx) => ctx.audit(tx, { action: 'session:signOut', objectType: 'operator', objectId: session.operatorId }));
    ctx.events.emit('session:changed', { sessionId: session.sessionId, state: 'signedOut', operator: null });
    return ok({ done: true as const });
  },

  'session:changePin': async ({ currentPin, newPin }, ctx) => {
    const session = ctx.session;
    const row = session ? findById(ctx.db, session.operatorId) : undefined;
    if (!session || !row) return fail('NOT_SIGNED_IN', 'Sign in first.');
    if (!(await verifyPin(currentPin, row.pinHash))) {
      ctx.write(['audit'], (tx) => ctx.audit(tx, { action: 'session:changePin', result: 'failed', objectType: 'operator', objectId: row.id, detail: { reason: 'wrong current PIN' } }));
      return fail('BAD_CREDENTIALS', 'Your current PIN is not right; the PIN was not changed.');
    }
    const pinHash = await hashPin(newPin, ctx.pinCost);
    ctx.write(['operators'], (tx) => {
      updateOperator(tx, row.id, { pinHash, updatedAt: ctx.now() });
      ctx.audit(tx, { action: 'session:changePin', objectType: 'operator', objectId: row.id });
    });
    return ok({ done: true as const });
  },
};
