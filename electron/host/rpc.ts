// POST /rpc/<channel>: JSON in, Result envelope out. The operator session travels in its own header
// so one browser tab's sign-in is not another's.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Station } from '../core/station';
import type { Result } from '../../shared/contract';

export const MAX_BODY_BYTES = 64 * 1024 * 1024;

function send(res: ServerResponse, status: number, body: Result<unknown>, headers: Record<string, string>): void {
  res.writeHead(status, { ...headers, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function handleRpc(req: IncomingMessage, res: ServerResponse, channel: string, station: Station, headers: Record<string, string>): Promise<void> {
  if (req.method !== 'POST') {
    return send(res, 405, { ok: false, error: { code: 'INVALID_INPUT', message: 'Channels are called with POST.' } }, headers);
  }
  // A form on another site can only send text/plain or form encodings; requiring JSON keeps them out.
  if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
    return send(res, 415, { ok: false, error: { code: 'INVALID_INPUT', message: 'Send the input as application/json.' } }, headers);
  }
  const text = await readBody(req);
  if (text === null) {
    return send(res, 413, { ok: false, error: { code: 'INVALID_INPUT', message: `The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.` } }, headers);
  }
  let input: unknown;
  try {
    input = text.length === 0 ? {} : JSON.parse(text);
  } catch {
    return send(res, 400, { ok: false, error: { code: 'INVALID_INPUT', message: 'The request body is not valid JSON.' } }, headers);
  }
  const session = req.headers['x-dockside-session'];
  const result = await station.dispatch(decodeURIComponent(channel), input, { sessionToken: typeof session === 'string' ? session : null });
  send(res, 200, result, headers);
}
