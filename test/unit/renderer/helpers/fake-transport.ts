// A tiny in-memory station behind the Transport interface, for component tests: enough of
// station/session/operators to drive the screens. Integration and e2e tests use the real core.
import type { Channel, EventName, EventPayload, OperatorView, Result } from '../../../../shared/contract';
import type { Role } from '../../../../shared/domain/roles';
import type { Transport } from '../../../../renderer/src/api/transport';

type Handler = (input: Record<string, unknown>, token: string | null) => Result<unknown>;

interface FakeOperator extends OperatorView {
  pin: string;
  language?: string | null;
}

export class FakeStation implements Transport {
  readonly kind = 'fake' as const;
  name = 'Dock 3';
  practiceMode = false;
  /** What station:info says the OS prefers (the desktop app's list; empty like the browser host's). */
  systemLanguages: string[] = [];
  operators: FakeOperator[] = [];
  readonly sessions = new Map<string, { sessionId: string; operatorId: number }>();
  readonly calls: { channel: Channel; input: unknown; token: string | null }[] = [];
  /** Replace a channel's behaviour for one test. */
  readonly overrides = new Map<Channel, Handler>();
  private readonly listeners = new Map<EventName, Set<(payload: never) => void>>();
  private nextId = 1;

  addOperator(name: string, role: Role, pin: string, extra: Partial<FakeOperator> = {}): FakeOperator {
    const op: FakeOperator = { id: this.nextId++, name, role, pin, active: true, lockedUntil: null, failedAttempts: 0, ...extra };
    this.operators.push(op);
    return op;
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners.get(name) ?? []) (listener as (p: EventPayload<E>) => void)(payload);
  }

  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
    const set = this.listeners.get(name) ?? new Set();
    set.add(listener as (payload: never) => void);
    this.listeners.set(name, set);
    return () => set.delete(listener as (payload: never) => void);
  }

  async call(channel: Channel, input: unknown, token: string | null): Promise<Result<unknown>> {
    this.calls.push({ channel, input, token });
    await Promise.resolve();
    const args = (input ?? {}) as Record<string, unknown>;
    const handler = this.overrides.get(channel) ?? this.handlers[channel];
    if (!handler) return { ok: false, error: { code: 'UNKNOWN_CHANNEL', message: `fake has no ${channel}` } };
    return handler(args, token);
  }

  private view({ pin: _pin, language: _language, ...view }: FakeOperator): OperatorView {
    return view;
  }

  private me(token: string | null): FakeOperator | undefined {
    const session = token ? this.sessions.get(token) : undefined;
    return session ? this.operators.find((o) => o.id === session.operatorId) : undefined;
  }

  private readonly handlers: Partial<Record<Channel, Handler>> = {
    'station:info': () => ({ ok: true, value: { name: this.name, version: '0.1.0', practiceMode: this.practiceMode, needsFirstAdmin: this.operators.length === 0, systemLanguages: this.systemLanguages } }),
    'station:setupFirstAdmin': (input) => {
      if (this.operators.length > 0) return { ok: false, error: { code: 'ALREADY_SET_UP', message: 'Already set up.' } };
      const op = this.addOperator(String(input.name), 'admin', String(input.pin));
      this.emit('db:changed', { tables: ['operators', 'audit'] });
      return { ok: true, value: this.view(op) };
    },
    'session:operators': () => ({ ok: true, value: this.operators.filter((o) => o.active).map(({ id, name, role }) => ({ id, name, role })) }),
    'session:signIn': (input) => {
      const op = this.operators.find((o) => o.name.toLowerCase() === String(input.name).toLowerCase() && o.active);
      if (!op) return { ok: false, error: { code: 'BAD_CREDENTIALS', message: 'That name and PIN do not match an active operator.' } };
      if (op.lockedUntil !== null) return { ok: false, error: { code: 'LOCKED_OUT', message: `${op.name} is locked until 12:00 UTC.`, details: { until: op.lockedUntil } } };
      if (op.pin !== input.pin) {
        op.failedAttempts += 1;
        const left = 5 - op.failedAttempts;
        if (left <= 0) {
          op.lockedUntil = Date.UTC(2030, 0, 1, 12, 0);
          return { ok: false, error: { code: 'LOCKED_OUT', message: `${op.name} is locked until 12:00 UTC.`, details: { until: op.lockedUntil } } };
        }
        return { ok: false, error: { code: 'BAD_CREDENTIALS', message: `Wrong PIN. ${left} tries left.`, details: { triesLeft: left } } };
      }
      op.failedAttempts = 0;
      const token = `token-${this.sessions.size + 1}`;
      const sessionId = `session-${this.sessions.size + 1}`;
      this.sessions.set(token, { sessionId, operatorId: op.id });
      return { ok: true, value: { token, sessionId, operator: this.view(op), language: op.language ?? null } };
    },
    'session:current': (_input, token) => {
      const op = this.me(token);
      return { ok: true, value: op ? { operator: this.view(op), language: op.language ?? null } : { operator: null } };
    },
    'session:setLanguage': (input, token) => {
      const op = this.me(token);
      if (!op) return { ok: false, error: { code: 'NOT_SIGNED_IN', message: 'Sign in first.' } };
      op.language = typeof input.language === 'string' ? input.language : null;
      return { ok: true, value: { done: true } };
    },
    'session:signOut': (_input, token) => {
      if (!token || !this.sessions.delete(token)) return { ok: false, error: { code: 'NOT_SIGNED_IN', message: 'Nobody is signed in.' } };
      return { ok: true, value: { done: true } };
    },
    'operators:add': (input, token) => {
      if (!this.me(token)) return { ok: false, error: { code: 'NOT_SIGNED_IN', message: 'Sign in first.' } };
      if (this.operators.some((o) => o.name === input.name)) return { ok: false, error: { code: 'CONFLICT', message: `An operator called "${String(input.name)}" already exists.` } };
      const op = this.addOperator(String(input.name), input.role as Role, String(input.pin));
      this.emit('db:changed', { tables: ['operators', 'audit'] });
      return { ok: true, value: this.view(op) };
    },
    'operators:setActive': (input) => {
      const op = this.operators.find((o) => o.id === input.id);
      if (!op) return { ok: false, error: { code: 'NOT_FOUND', message: 'No such operator.' } };
      if (!input.active && op.role === 'admin' && this.operators.filter((o) => o.role === 'admin' && o.active).length <= 1) {
        return { ok: false, error: { code: 'INVALID_STATE', message: 'This is the last active station admin.' } };
      }
      op.active = Boolean(input.active);
      this.emit('db:changed', { tables: ['operators', 'audit'] });
      return { ok: true, value: this.view(op) };
    },
    'operators:unlock': (input) => {
      const op = this.operators.find((o) => o.id === input.id);
      if (!op) return { ok: false, error: { code: 'NOT_FOUND', message: 'No such operator.' } };
      op.lockedUntil = null;
      op.failedAttempts = 0;
      this.emit('db:changed', { tables: ['operators', 'audit'] });
      return { ok: true, value: this.view(op) };
    },
    'operators:list': (_input, token) => {
      if (!this.me(token)) return { ok: false, error: { code: 'NOT_SIGNED_IN', message: 'You were signed out after a period of inactivity. Sign in again.' } };
      return { ok: true, value: this.operators.map((o) => this.view(o)) };
    },
  };
}
