// The PIN lock-out, shared by every check of an operator's PIN (sign-in, changing one's PIN, a second
// person confirming an approval). An attempt is counted durably BEFORE the slow scrypt check, inside
// an IMMEDIATE transaction, so N guesses in flight count as N even across processes (the CLI), and a
// crash during the check leaves the attempt counted as a failure. Only LOCKOUT_THRESHOLD attempts per
// lock-out window ever reach the check; while locked, the right PIN is refused too.
import { createHmac, randomBytes } from 'node:crypto';
import { failSaying, ok, type Result } from '../../shared/contract';
import { nameKey } from '../../shared/domain/names';
import { LOCKOUT_THRESHOLD, lockoutDurationMs } from '../../shared/domain/pin';
import { findById, findByNameKey, updateOperator, type OperatorRow } from '../../db/repos/operators';
import type { StationTx } from '../../db/types';
import type { HandlerContext } from './context';
import { burnPinCheck, verifyPin } from './pin-hash';
import { fewerTries, reserveAcrossFleet, settleAcrossFleet } from './fleet/fleet-pin-checks';

export type PinCheckAction = 'session:signIn' | 'session:changePin' | 'approval:confirm';

export type Reservation = { ok: true; row: OperatorRow } | { ok: false; until: number };

export type Verdict =
  | { ok: true; row: OperatorRow }
  | { ok: false; code: 'LOCKED_OUT'; until: number }
  | { ok: false; code: 'BAD_CREDENTIALS'; triesLeft: number };

function lockNow(ctx: HandlerContext, tx: StationTx, row: OperatorRow, action: PinCheckAction): OperatorRow {
  const lockedUntil = ctx.now() + lockoutDurationMs(row.lockouts);
  ctx.audit(tx, {
    operatorId: row.id,
    operatorName: row.name,
    action: 'session:lockedOut',
    result: 'denied',
    objectType: 'operator',
    objectId: row.id,
    detail: { lockedUntil, lockouts: row.lockouts + 1, by: action },
  });
  return updateOperator(tx, row.id, { failedAttempts: 0, lockouts: row.lockouts + 1, lockedUntil, updatedAt: ctx.now() });
}

const isLocked = (row: OperatorRow, now: number): row is OperatorRow & { lockedUntil: number } => row.lockedUntil !== null && row.lockedUntil > now;

/**
 * Counts this attempt before the PIN is checked. Refuses (and audits) when the operator is locked, or
 * when THRESHOLD attempts are already counted (in flight or failed): that attempt locks the operator.
 */
export function reserveAttempt(ctx: HandlerContext, operatorId: number, action: PinCheckAction): Reservation {
  return ctx.write(['operators'], (tx): Reservation => {
    const row = findById(tx, operatorId);
    if (!row) throw new Error(`operator ${operatorId} vanished`);
    const base = { operatorId: row.id, operatorName: row.name, action, objectType: 'operator', objectId: row.id } as const;
    if (isLocked(row, ctx.now())) {
      ctx.audit(tx, { ...base, result: 'denied', detail: { reason: 'locked out' } });
      return { ok: false, until: row.lockedUntil };
    }
    if (row.failedAttempts >= LOCKOUT_THRESHOLD) {
      ctx.audit(tx, { ...base, result: 'denied', detail: { reason: 'too many attempts at once' } });
      const locked = lockNow(ctx, tx, row, action);
      return { ok: false, until: locked.lockedUntil ?? ctx.now() };
    }
    return { ok: true, row: updateOperator(tx, row.id, { failedAttempts: row.failedAttempts + 1, updatedAt: ctx.now() }) };
  });
}

/**
 * Settles a counted attempt after the check. A right PIN clears the count, unless a lock-out began
 * meanwhile (then it is refused like any other). A wrong one stays counted; the attempt that reaches
 * the threshold locks. `onRight` runs in the same transaction, so what the PIN allowed is audited with it.
 */
export function settleAttempt(
  ctx: HandlerContext,
  operatorId: number,
  action: PinCheckAction,
  right: boolean,
  onRight: (tx: StationTx, row: OperatorRow) => void = () => {},
): Verdict {
  return ctx.write(['operators'], (tx): Verdict => {
    const row = findById(tx, operatorId);
    if (!row) throw new Error(`operator ${operatorId} vanished`);
    const base = { operatorId: row.id, operatorName: row.name, action, objectType: 'operator', objectId: row.id } as const;
    if (isLocked(row, ctx.now())) {
      ctx.audit(tx, { ...base, result: right ? 'denied' : 'failed', detail: { reason: right ? 'locked out' : 'wrong PIN' } });
      return { ok: false, code: 'LOCKED_OUT', until: row.lockedUntil };
    }
    if (right) {
      const fresh = updateOperator(tx, row.id, { failedAttempts: 0, lockouts: 0, lockedUntil: null, updatedAt: ctx.now() });
      onRight(tx, fresh);
      return { ok: true, row: fresh };
    }
    ctx.audit(tx, { ...base, result: 'failed', detail: { reason: 'wrong PIN', failedAttempts: row.failedAttempts } });
    if (row.failedAttempts >= LOCKOUT_THRESHOLD) {
      const locked = lockNow(ctx, tx, row, action);
      return { ok: false, code: 'LOCKED_OUT', until: locked.lockedUntil ?? ctx.now() };
    }
    return { ok: false, code: 'BAD_CREDENTIALS', triesLeft: LOCKOUT_THRESHOLD - row.failedAttempts };
  });
}

/**
 * Names that match no active operator get the same lock-out, kept in memory under a keyed hash (the
 * key lives only in this process), so such a name cannot be told from a real one by its answers and
 * its guesses are still limited. Nothing about the typed name is ever stored.
 */
export class UnknownNameGuard {
  private readonly key = randomBytes(32);
  private readonly entries = new Map<string, { attempts: number; lockouts: number; lockedUntil: number | null }>();

  constructor(private readonly now: () => number) {}

  private entry(nameKey: string) {
    const id = createHmac('sha256', this.key).update(nameKey).digest('base64url');
    let entry = this.entries.get(id);
    if (!entry) {
      // A flood of made-up names must not grow memory without bound: forget the oldest.
      if (this.entries.size >= 10_000) this.entries.delete(this.entries.keys().next().value ?? '');
      entry = { attempts: 0, lockouts: 0, lockedUntil: null };
      this.entries.set(id, entry);
    }
    return entry;
  }

  reserve(nameKey: string): Reservation | { ok: true; row: null } {
    const e = this.entry(nameKey);
    const at = this.now();
    if (e.lockedUntil !== null && e.lockedUntil > at) return { ok: false, until: e.lockedUntil };
    if (e.attempts >= LOCKOUT_THRESHOLD) return { ok: false, until: this.lock(e) };
    e.attempts++;
    return { ok: true, row: null };
  }

  /** Always a wrong PIN: there is no operator to match. */
  settle(nameKey: string): Verdict {
    const e = this.entry(nameKey);
    if (e.lockedUntil !== null && e.lockedUntil > this.now()) return { ok: false, code: 'LOCKED_OUT', until: e.lockedUntil };
    if (e.attempts >= LOCKOUT_THRESHOLD) return { ok: false, code: 'LOCKED_OUT', until: this.lock(e) };
    return { ok: false, code: 'BAD_CREDENTIALS', triesLeft: LOCKOUT_THRESHOLD - e.attempts };
  }

  private lock(e: { attempts: number; lockouts: number; lockedUntil: number | null }): number {
    e.lockedUntil = this.now() + lockoutDurationMs(e.lockouts);
    e.lockouts++;
    e.attempts = 0;
    return e.lockedUntil;
  }
}

export function lockedMessage(name: string, until: number): string {
  return `${name} is locked after too many wrong PINs until ${new Date(until).toISOString().slice(11, 19)} UTC. Wait, or ask a station admin to unlock.`;
}

/**
 * One answer for a wrong PIN, an unknown name and a disabled operator alike (the typed name is echoed,
 * never the stored spelling), so a guesser learns nothing about which names exist.
 */
export function verdictFailure(name: string, verdict: Exclude<Verdict, { ok: true }>): Result<never> {
  if (verdict.code === 'LOCKED_OUT') return failSaying('LOCKED_OUT', 'session.lockedOut', { name, until: verdict.until }, lockedMessage(name, verdict.until), { until: verdict.until });
  const left = verdict.triesLeft;
  return failSaying(
    'BAD_CREDENTIALS',
    'session.wrongPin',
    { name, count: left },
    `That PIN is wrong, or there is no active operator called ${name}. ${left} ${left === 1 ? 'try' : 'tries'} left before ${name} is locked for a while.`,
    { triesLeft: left },
  );
}

/** Stored instead of a typed name that matches no operator: it may be a PIN typed into the wrong field. */
export const NOT_AN_OPERATOR = '[not an operator]';

/** A name that matches no active operator: the same lock-out and the same scrypt work, audited without the name. */
async function unknownName(ctx: HandlerContext, name: string, pin: string, action: PinCheckAction, disabled: OperatorRow | undefined): Promise<Result<never>> {
  const key = nameKey(name);
  const reservation = ctx.unknownNames.reserve(key);
  let verdict: Verdict;
  if (reservation.ok) {
    await burnPinCheck(pin, ctx.pinCost);
    verdict = ctx.unknownNames.settle(key);
  } else {
    verdict = { ok: false, code: 'LOCKED_OUT', until: reservation.until };
  }
  // What was typed may be a PIN in the wrong field: only a disabled operator's own id and name are recorded.
  const who = disabled ? { operatorId: disabled.id, operatorName: disabled.name, objectType: 'operator', objectId: disabled.id } : {};
  ctx.write(['audit'], (tx) =>
    ctx.audit(tx, { ...who, action, result: reservation.ok ? 'failed' : 'denied', detail: { reason: disabled ? 'disabled' : 'not an operator', name: disabled ? disabled.name : NOT_AN_OPERATOR } }),
  );
  if (verdict.ok) throw new Error('a name that is no active operator cannot pass a PIN check');
  return verdictFailure(name, verdict);
}

/** Checks a named operator's PIN under the lock-out; `onRight` runs in the transaction that settles it. */
export async function checkNamedPin(
  ctx: HandlerContext,
  name: string,
  pin: string,
  action: PinCheckAction,
  onRight?: (tx: StationTx, row: OperatorRow) => void,
): Promise<Result<OperatorRow>> {
  const row = findByNameKey(ctx.db, nameKey(name));
  if (!row || !row.active) return unknownName(ctx, name, pin, action, row);
  const reservation = reserveAttempt(ctx, row.id, action);
  if (!reservation.ok) return verdictFailure(name, { ok: false, code: 'LOCKED_OUT', until: reservation.until });
  const fleet = await reserveAcrossFleet(ctx, reservation.row, action);
  if (!fleet.ok) return verdictFailure(name, { ok: false, code: 'LOCKED_OUT', until: fleet.until });
  const right = await verifyPin(pin, reservation.row.pinHash);
  const hub = await settleAcrossFleet(ctx, reservation.row, action, fleet.reservation, right);
  const verdict = settleAttempt(ctx, row.id, action, right, onRight);
  return verdict.ok ? ok(verdict.row) : verdictFailure(name, fewerTries(verdict, hub));
}
