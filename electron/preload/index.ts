// The sandboxed preload: window.dockside, one named method per contract channel and a typed event
// subscription. Only contextBridge and ipcRenderer are used (a sandboxed preload gets nothing else),
// ipcRenderer itself never crosses the bridge, and listeners never see the IpcRendererEvent (it would
// hand the page event.sender). Built as a single CommonJS file with the contract bundled in.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { channelNames, eventNames, type Channel, type EventName, type EventPayload } from '../../shared/contract';
import { ipcChannel, ipcEventChannel, type ChannelMethods, type DocksideBridge } from '../../shared/contract/bridge';

function method(name: Channel): (input: unknown, sessionToken: string | null) => Promise<unknown> {
  const ipcName = ipcChannel(name);
  return (input, sessionToken) => ipcRenderer.invoke(ipcName, input, sessionToken ?? null);
}

function buildChannels(): ChannelMethods {
  const methods = Object.fromEntries(channelNames.map((name) => [name, method(name)]));
  // fromEntries loses the per-key types; every key of ChannelMethods is filled from channelNames, and
  // main answers each with that channel's envelope (the preload.test checks the one-to-one mapping).
  return Object.freeze(methods) as ChannelMethods;
}

type AnyListener = (payload: never) => void;
const knownEvents: ReadonlySet<string> = new Set(eventNames);
const listeners = new Map<EventName, Set<AnyListener>>();
let attached = false;

function onIpcEvent(_event: IpcRendererEvent, name: unknown, payload: unknown): void {
  if (typeof name !== 'string' || !knownEvents.has(name)) return;
  for (const listener of listeners.get(name as EventName) ?? []) {
    try {
      listener(payload as never);
    } catch {
      // One page listener throwing must not starve the others.
    }
  }
}

function on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
  if (!knownEvents.has(name)) throw new Error(`Unknown event "${String(name)}".`);
  if (typeof listener !== 'function') throw new Error('The listener must be a function.');
  if (!attached) {
    ipcRenderer.on(ipcEventChannel, onIpcEvent);
    attached = true;
  }
  const set = listeners.get(name) ?? new Set<AnyListener>();
  listeners.set(name, set);
  // A fresh wrapper per call, so subscribing the same function twice gives two independent unsubscribes.
  const wrapped: AnyListener = (payload) => listener(payload as EventPayload<E>);
  set.add(wrapped);
  return () => {
    set.delete(wrapped);
  };
}

const bridge = {
  channels: buildChannels(),
  on,
} satisfies DocksideBridge;

contextBridge.exposeInMainWorld('dockside', bridge);
