// Operator sessions live in memory: a restart signs everyone out, which is what a shared station
// wants. Each front-door connection holds its own token (the CLI gets a throwaway one per command).
import { randomBytes } from 'node:crypto';
import type { Role } from '../../shared/domain/roles';

export interface Session {
  readonly token: string;
  readonly sessionId: string;
  readonly operatorId: number;
  readonly name: string;
  readonly role: Role;
  readonly startedAt: number;
  lastSeenAt: number;
}

export class SessionStore {
  private readonly byToken = new Map<string, Session>();

  constructor(
    private readonly now: () => number,
    private readonly idleMs: () => number,
  ) {}

  open(operator: { id: number; name: string; role: Role }): Session {
    const at = this.now();
    const session: Session = {
      token: randomBytes(32).toString('base64url'),
      sessionId: randomBytes(9).toString('base64url'),
      operatorId: operator.id,
      name: operator.name,
      role: operator.role,
      startedAt: at,
      lastSeenAt: at,
    };
    this.byToken.set(session.token, session);
    return session;
  }

  /** The live session for a token; an idle one is dropped and reported as expired. */
  resolve(token: string | null | undefined): { session: Session | null; expired: Session | null } {
    if (!token) return { session: null, expired: null };
    const session = this.byToken.get(token);
    if (!session) return { session: null, expired: null };
    const at = this.now();
    if (at - session.lastSeenAt > this.idleMs()) {
      this.byToken.delete(token);
      return { session: null, expired: session };
    }
    session.lastSeenAt = at;
    return { session, expired: null };
  }

  close(token: string): Session | null {
    const session = this.byToken.get(token) ?? null;
    this.byToken.delete(token);
    return session;
  }

  /** Ends every session of an operator (disabled, re-PINned or demoted): they must sign in again. */
  closeOperator(operatorId: number): Session[] {
    const closed = [...this.byToken.values()].filter((s) => s.operatorId === operatorId);
    for (const s of closed) this.byToken.delete(s.token);
    return closed;
  }
}
