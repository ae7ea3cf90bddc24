// POST /rpc/<channel>: JSON in, Result envelope out. The operator session travels in its own header
// so one browser tab's sign-in is not another's. Whatever a client sends (or fails to send), the
// answer is an envelope or nothing at all: a request never throws into the host process.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Station } from '../core/station';
import type { Result } from '../../shared/contract';
import { readBody, MAX_BODY_BYTES } from './request-body';

export { MAX_BODY_BYTES } from './request-body';

function send(res: ServerResponse, status: number, body: Result<unknown>, headers: Record<string, string>): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

const refuse = (message: string): Result<unknown> => ({ ok: false, error: { code: 'INVALID_INPUT', message } });

/** The channel named in the address, or null when its percent-encoding is broken (decodeURIComponent's URIError). */
function channelName(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}

export async function handleRpc(req: IncomingMessage, res: ServerResponse, channel: string, station: Station, headers: Record<string, string>): Promise<void> {
  if (req.method !== 'POST') return send(res, 405, refuse('Channels are called with POST.'), headers);
  // A form on another site can only send text/plain or form encodings; requiring JSON keeps them out.
  if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
    return send(res, 415, refuse('Send the input as application/json.'), headers);
  }
  const name = channelName(channel);
  if (name === null) return send(res, 400, refuse('The channel name in the address is not valid percent-encoding.'), headers);
  const body = await readBody(req);
  // The client went away (closed the tab, cancelled an upload): there is no one to answer.
  if (body.kind === 'gone') return;
  if (body.kind === 'too-large') {
    return send(res, 413, refuse(`The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB, the most the station takes at once. Split the file and send the parts one by one.`), {
      ...headers,
      connection: 'close',
    });
  }
  let input: unknown;
  try {
    input = body.text.length === 0 ? {} : JSON.parse(body.text);
  } catch {
    return send(res, 400, refuse('The request body is not valid JSON.'), headers);
  }
  const session = req.headers['x-dockside-session'];
  const started = performance.now();
  const result = await station.dispatch(name, input, { sessionToken: typeof session === 'string' ? session : null });
  // The core's share of the request (validation, checks, the durable commit), for Resource Timing's
  // serverTiming: what is left of the round trip is the transport's.
  send(res, 200, result, { ...headers, 'server-timing': `core;dur=${(performance.now() - started).toFixed(2)}` });
}
