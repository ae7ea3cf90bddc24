// The operator's session survives a page reload (sessionStorage), not a closed tab or a new window.
export interface StoredSession {
  token: string;
  sessionId: string;
}

export interface SessionStorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const KEY = 'dockside.session';

export function readStoredSession(storage: SessionStorageLike | null): StoredSession | null {
  try {
    const raw = storage?.getItem(KEY);
    if (!raw) return null;
    const value: unknown = JSON.parse(raw);
    if (typeof value === 'object' && value !== null && 'token' in value && 'sessionId' in value) {
      const { token, sessionId } = value;
      if (typeof token === 'string' && typeof sessionId === 'string') return { token, sessionId };
    }
  } catch {
    // Unreadable storage is treated as "not signed in".
  }
  return null;
}

export function writeStoredSession(storage: SessionStorageLike | null, session: StoredSession | null): void {
  try {
    if (session) storage?.setItem(KEY, JSON.stringify(session));
    else storage?.removeItem(KEY);
  } catch {
    // Storage can be full or disabled; the session then lives in memory only.
  }
}
