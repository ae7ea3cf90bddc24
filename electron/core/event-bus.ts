import type { EventName, EventPayload } from '../../shared/contract';

type Listener<E extends EventName> = (payload: EventPayload<E>) => void;
type AnyListener = (name: EventName, payload: EventPayload<EventName>) => void;

/** Typed events from the core to whichever front doors are listening. */
export class EventBus {
  private readonly listeners = new Set<AnyListener>();

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) {
      try {
        listener(name, payload);
      } catch {
        // A broken listener (a closed SSE stream, say) must not stop the others or the writer.
      }
    }
  }

  onAny(listener: AnyListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  on<E extends EventName>(name: E, listener: Listener<E>): () => void {
    return this.onAny((n, payload) => {
      if (n === name) listener(payload as EventPayload<E>);
    });
  }
}
