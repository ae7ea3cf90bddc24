// The Electron front door: window.dockside, one named method per channel (see shared/contract/bridge.ts).
import type { DocksideBridge } from '../../../shared/contract/bridge';
import type { Channel, Result } from '../../../shared/contract';
import { TransportError, linkMessages, type Transport } from './transport';

export function bridgeTransport(bridge: DocksideBridge): Transport {
  return {
    kind: 'bridge',
    async call(channel: Channel, input: unknown, sessionToken: string | null): Promise<Result<unknown>> {
      // The bridge's methods are typed per channel; the client above has already tied input to channel.
      const method = bridge.channels[channel] as (input: unknown, token: string | null) => Promise<Result<unknown>>;
      try {
        return await method(input, sessionToken);
      } catch {
        throw new TransportError('unreachable', linkMessages.unreachable);
      }
    },
    on: (name, listener) => bridge.on(name, listener),
  };
}
