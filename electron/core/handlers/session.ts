import { failSaying, ok } from '../../../shared/contract';
import type { sessionChannels } from '../../../shared/contract/session';
import { findById, listOperators, toView, updateOperator } from '../../../db/repos/operators';
import type { Handlers } from '../dispatcher';
import { hashPin, verifyPin } from '../pin-hash';
import { checkNamedPin, lockedMessage, reserveAttempt, settleAttempt } from '../pin-guard';
import { fewerTries, reserveAcrossFleet, settleAcrossFleet } from '../fleet/fleet-pin-checks';

export const sessionHandlers: Pick<Handlers, keyof typeof sessionChannels> = {
  'session:operators': (_input, ctx) => ok(listOperators(ctx.db, true).map((o) => ({ id: o.id, name: o.name, role: o.role }))),

  'session:signIn': async ({ name, pin }, ctx) => {
    const checked = await checkNamedPin(ctx, name, pin, 'session:signIn', (tx, fresh) =>
      ctx.audit(tx, { operatorId: fresh.id, operatorName: fresh.name, action: 'session:signIn', objectType: 'operator', objectId: fresh.id }),
    );
    if (!checked.ok) return checked;
    const signedIn = checked.value;
    const session = ctx.sessions.open(signedIn);
    const operator = toView(signedIn);
    ctx.events.emit('session:changed', { sessionId: session.sessionId, state: 'signedIn', operator });
    return ok({ token: session.token, sessionId: session.sessionId, operator, language: signedIn.language });
  },

  'session:current': (_input, ctx) => {
    const row = ctx.session ? findById(ctx.db, ctx.session.operatorId) : undefined;
    return ok(row ? { operator: toView(row), language: row.language } : { operator: null });
  },

  // Only the signed-in operator's own language: the session names whose it is, the input cannot.
  'session:setLanguage': ({ language }, ctx) => {
    const session = ctx.session;
    if (!session) return failSaying('NOT_SIGNED_IN', 'session.signInFirst', {}, 'Sign in first.');
    ctx.write(['operators'], (tx) => updateOperator(tx, session.operatorId, { language, updatedAt: ctx.now() }));
    return ok({ done: true as const });
  },

  'session:signOut': (_input, ctx) => {
    const session = ctx.session;
    if (!session) return failSaying('NOT_SIGNED_IN', 'session.nobodySignedIn', {}, 'Nobody is signed in.');
    ctx.sessions.close(session.token);
    ctx.write(['audit'], (tx) => ctx.audit(tx, { action: 'session:signOut', objectType: 'operator', objectId: session.operatorId }));
    ctx.events.emit('session:changed', { sessionId: session.sessionId, state: 'signedOut', operator: null });
    return ok({ done: true as const });
  },

  'session:changePin': async ({ currentPin, newPin }, ctx) => {
    const session = ctx.session;
    const row = session ? findById(ctx.db, session.operatorId) : undefined;
    if (!session || !row) return failSaying('NOT_SIGNED_IN', 'session.signInFirst', {}, 'Sign in first.');
    // The current PIN shares the sign-in lock-out: an unattended signed-in screen is no PIN oracle.
    const reservation = reserveAttempt(ctx, row.id, 'session:changePin');
    if (!reservation.ok) return failSaying('LOCKED_OUT', 'session.lockedOutPinUnchanged', { name: row.name, until: reservation.until }, `${lockedMessage(row.name, reservation.until)} The PIN was not changed.`, { until: reservation.until });
    const fleet = await reserveAcrossFleet(ctx, reservation.row, 'session:changePin');
    if (!fleet.ok) return failSaying('LOCKED_OUT', 'session.lockedOutPinUnchanged', { name: row.name, until: fleet.until }, `${lockedMessage(row.name, fleet.until)} The PIN was not changed.`, { until: fleet.until });
    const right = await verifyPin(currentPin, reservation.row.pinHash);
    const hub = await settleAcrossFleet(ctx, reservation.row, 'session:changePin', fleet.reservation, right);
    const settled = settleAttempt(ctx, row.id, 'session:changePin', right);
    const verdict = settled.ok ? settled : fewerTries(settled, hub);
    if (!verdict.ok) {
      if (verdict.code === 'LOCKED_OUT') return failSaying('LOCKED_OUT', 'session.lockedOutPinUnchanged', { name: row.name, until: verdict.until }, `${lockedMessage(row.name, verdict.until)} The PIN was not changed.`, { until: verdict.until });
      const left = verdict.triesLeft;
      return failSaying('BAD_CREDENTIALS', 'session.wrongCurrentPin', { count: left }, `Your current PIN is not right; the PIN was not changed. ${left} ${left === 1 ? 'try' : 'tries'} left before you are locked for a while.`, { triesLeft: left });
    }
    const pinHash = await hashPin(newPin, ctx.pinCost);
    ctx.write(['operators'], (tx) => {
      updateOperator(tx, row.id, { pinHash, updatedAt: ctx.now() });
      ctx.audit(tx, { action: 'session:changePin', objectType: 'operator', objectId: row.id });
    });
    return ok({ done: true as const });
  },
};
