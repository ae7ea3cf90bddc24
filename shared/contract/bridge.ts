// What the Electron preload exposes on window.dockside: one named method per contract channel (no
// generic invoke), and a subscription per event. The renderer's api client prefers this when present
// and falls back to the browser host's HTTP transport otherwise.
import type { Channel, ChannelInput, ChannelOutput } from './index';
import type { EventName, EventPayload } from './events';
import type { Result } from './result';

export type ChannelMethods = {
  readonly [C in Channel]: (input: ChannelInput<C>, sessionToken: string | null) => Promise<Result<ChannelOutput<C>>>;
};

export interface DocksideBridge {
  readonly channels: ChannelMethods;
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** IPC channel names used between preload and main (one per contract channel, one for events). */
export const ipcChannel = (channel: Channel): string => `dockside:${channel}`;
export const ipcEventChannel = 'dockside:event';
