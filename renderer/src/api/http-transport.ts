// The browser host's front door: POST /rpc/<channel> and one EventSource on /events. The host token
// travels in an HttpOnly cookie set when the page was opened with ?token=…, so plain same-origin
// requests carry it.
import { eventSchemas, type Channel, type EventName, type EventPayload, type Result } from '../../../shared/contract';
import { TransportError, linkMessages, type Transport } from './transport';

export interface HttpTransportOptions {
  fetch?: typeof fetch;
  createEventSource?: (url: string) => EventSource;
}

function isEnvelope(value: unknown): value is Result<unknown> {
  return typeof value === 'object' && value !== null && 'ok' in value && typeof value.ok === 'boolean';
}

export function httpTransport(options: HttpTransportOptions = {}): Transport {
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const createEventSource = options.createEventSource ?? ((url: string) => new EventSource(url));
  let source: EventSource | null = null;

  async function call(channel: Channel, input: unknown, sessionToken: string | null): Promise<Result<unknown>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (sessionToken) headers['x-dockside-session'] = sessionToken;
    let response: Response;
    try {
      response = await doFetch(`/rpc/${encodeURIComponent(channel)}`, { method: 'POST', headers, body: JSON.stringify(input ?? {}), credentials: 'same-origin' });
    } catch {
      throw new TransportError('unreachable', linkMessages.unreachable);
    }
    if (response.status === 401) throw new TransportError('link-needed', linkMessages['link-needed']);
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = null;
    }
    if (isEnvelope(body)) return body;
    return { ok: false, error: { code: 'INTERNAL', message: `The station answered with HTTP ${response.status} and no result.` } };
  }

  function on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
    if (!source) {
      source = createEventSource('/events');
      // Closed before the page goes, so a reload does not cut the stream mid-chunk (a console error).
      const closing = source;
      globalThis.addEventListener?.('pagehide', () => closing.close(), { once: true });
    }
    const handler = (event: Event): void => {
      if (!(event instanceof MessageEvent) || typeof event.data !== 'string') return;
      let data: unknown;
      try {
        data = JSON.parse(event.data);
      } catch {
        return;
      }
      const parsed = eventSchemas[name].safeParse(data);
      if (parsed.success) listener(parsed.data as EventPayload<E>);
    };
    source.addEventListener(name, handler);
    return () => source?.removeEventListener(name, handler);
  }

  return { kind: 'http', call, on };
}
