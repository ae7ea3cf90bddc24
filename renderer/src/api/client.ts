// The one typed api object the renderer talks through. It holds the operator's session token, adds it
// to every call, and turns what can go wrong on the way into envelopes, so screens only ever handle
// { ok, value } | { ok, error }.
import type { Channel, ChannelInput, ChannelOutput, EventName, EventPayload, Result } from '../../../shared/contract';
import { readStoredSession, writeStoredSession, type SessionStorageLike, type StoredSession } from './session-storage';
import { TransportError, type LinkProblem, type Transport } from './transport';

export interface ApiClient {
  readonly transport: Transport['kind'];
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
  session(): StoredSession | null;
  setSession(session: StoredSession | null): void;
  /** Called when the core says the session is gone (NOT_SIGNED_IN), with its message. */
  onSessionLost(listener: (message: string) => void): () => void;
  /** Called with the link state after every call: null once the core answers again. */
  onLink(listener: (problem: LinkProblem | null) => void): () => void;
}

export function createApiClient(transport: Transport, storage: SessionStorageLike | null = null): ApiClient {
  let current = readStoredSession(storage);
  const lostListeners = new Set<(message: string) => void>();
  const linkListeners = new Set<(problem: LinkProblem | null) => void>();

  function setSession(session: StoredSession | null): void {
    current = session;
    writeStoredSession(storage, session);
  }

  function tellLink(problem: LinkProblem | null): void {
    for (const listener of linkListeners) listener(problem);
  }

  async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>> {
    const sentWith = current?.token ?? null;
    let result: Result<unknown>;
    try {
      result = await transport.call(channel, input, sentWith);
    } catch (err) {
      const problem = err instanceof TransportError ? err.problem : 'unreachable';
      const message = err instanceof Error ? err.message : String(err);
      tellLink(problem);
      return { ok: false, error: { code: 'OFFLINE', message, details: { link: problem } } };
    }
    tellLink(null);
    // Only the session this call was made with is dropped: a sign-in that raced it stays.
    if (!result.ok && result.error.code === 'NOT_SIGNED_IN' && sentWith !== null && current?.token === sentWith) {
      setSession(null);
      for (const listener of lostListeners) listener(result.error.message);
    }
    // The transport carries the core's answer for this channel; the contract ties the two together.
    return result as Result<ChannelOutput<C>>;
  }

  return {
    transport: transport.kind,
    call,
    on: (name, listener) => transport.on(name, listener),
    session: () => current,
    setSession,
    onSessionLost(listener) {
      lostListeners.add(listener);
      return () => lostListeners.delete(listener);
    },
    onLink(listener) {
      linkListeners.add(listener);
      return () => linkListeners.delete(listener);
    },
  };
}
