// How calls and events travel: the Electron preload bridge or the browser host's HTTP + SSE. The api
// client is written against this interface only, so tests can hand it a small in-memory transport.
import type { Channel, EventName, EventPayload, Result } from '../../../shared/contract';

/** Why the front door cannot be reached at all (as opposed to a channel answering with an error). */
export type LinkProblem = 'link-needed' | 'unreachable';

export class TransportError extends Error {
  constructor(
    readonly problem: LinkProblem,
    message: string,
  ) {
    super(message);
    this.name = 'TransportError';
  }
}

export interface Transport {
  readonly kind: 'bridge' | 'http' | 'fake';
  /** Resolves to the core's envelope; rejects with TransportError when the core cannot be reached. */
  call(channel: Channel, input: unknown, sessionToken: string | null): Promise<Result<unknown>>;
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export const linkMessages: Record<LinkProblem, string> = {
  'link-needed': 'This page was opened without the station link. Open the link printed by dockside serve.',
  unreachable: 'The station is not reachable. Check that Dockside is running on this machine, then try again.',
};
