// Server-sent events: the core's events, one `event:`/`data:` pair each, plus a heartbeat comment so
// proxies and the browser notice a dead connection. A listener that vanished is dropped, never written to.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Station } from '../core/station';

const HEARTBEAT_MS = 15_000;

export function openEventStream(req: IncomingMessage, res: ServerResponse, station: Station, headers: Record<string, string>): void {
  res.writeHead(200, { ...headers, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
  let open = true;
  const write = (text: string) => {
    if (open && !res.destroyed && !res.writableEnded) res.write(text);
  };
  write(': connected\n\n');
  const unsubscribe = station.events.onAny((name, payload) => write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`));
  const heartbeat = setInterval(() => write(': heartbeat\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  const stop = () => {
    if (!open) return;
    open = false;
    clearInterval(heartbeat);
    unsubscribe();
  };
  req.on('close', stop);
  res.on('close', stop);
  res.on('error', stop);
}
