import { describe, expect, it, vi } from 'vitest';
import { httpTransport } from '../../../../renderer/src/api/http-transport';
import { TransportError } from '../../../../renderer/src/api/transport';

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

class FakeEventSource extends EventTarget {
  closed = false;
  close(): void {
    this.closed = true;
  }
}

describe('http transport', () => {
  it('POSTs JSON to /rpc/<channel> with the session header and returns the envelope', async () => {
    const fetch = vi.fn(async () => jsonResponse(200, { ok: true, value: { done: true } }));
    const transport = httpTransport({ fetch });
    const result = await transport.call('session:signOut', {}, 'tok');
    expect(result).toEqual({ ok: true, value: { done: true } });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/rpc/session%3AsignOut');
    expect(init.method).toBe('POST');
    expect(init.headers).toEqual({ 'content-type': 'application/json', 'x-dockside-session': 'tok' });
  });

  it('leaves the session header out when nobody is signed in', async () => {
    const fetch = vi.fn(async () => jsonResponse(200, { ok: true, value: {} }));
    await httpTransport({ fetch }).call('station:info', {}, null);
    const init = (fetch.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect(init.headers).toEqual({ 'content-type': 'application/json' });
  });

  it('a 401 (no host token cookie) is a link-needed TransportError', async () => {
    const fetch = vi.fn(async () => new Response('<h1>Sign-in link needed</h1>', { status: 401 }));
    const error = await httpTransport({ fetch }).call('station:info', {}, null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).problem).toBe('link-needed');
  });

  it('a network failure is an unreachable TransportError', async () => {
    const fetch = vi.fn(async () => Promise.reject(new TypeError('Failed to fetch')));
    const error = await httpTransport({ fetch }).call('station:info', {}, null).catch((e: unknown) => e);
    expect((error as TransportError).problem).toBe('unreachable');
  });

  it('an answer without an envelope becomes an INTERNAL error, not a crash', async () => {
    const fetch = vi.fn(async () => new Response('oops', { status: 502 }));
    const result = await httpTransport({ fetch }).call('station:info', {}, null);
    expect(result.ok ? null : result.error.code).toBe('INTERNAL');
  });

  it('opens one EventSource on /events and hands listeners validated payloads', () => {
    const sources: string[] = [];
    const source = new FakeEventSource();
    const transport = httpTransport({
      createEventSource: (url) => {
        sources.push(url);
        return source as unknown as EventSource;
      },
    });
    const changed = vi.fn();
    const off = transport.on('db:changed', changed);
    transport.on('session:changed', () => {});
    source.dispatchEvent(new MessageEvent('db:changed', { data: JSON.stringify({ tables: ['operators'] }) }));
    source.dispatchEvent(new MessageEvent('db:changed', { data: JSON.stringify({ tables: ['nonsense'] }) }));
    source.dispatchEvent(new MessageEvent('db:changed', { data: 'not json' }));
    off();
    source.dispatchEvent(new MessageEvent('db:changed', { data: JSON.stringify({ tables: ['audit'] }) }));
    expect(sources).toEqual(['/events']);
    expect(changed.mock.calls).toEqual([[{ tables: ['operators'] }]]);
  });
});
