// Reading a request body without trusting the client: it may announce more than it sends, drop the
// connection half-way (a closed tab, a cancelled upload: Node's "Error: aborted"), or send far more
// than the station takes. Each of these is an answer here, never a thrown error or a rejected promise.
import type { IncomingMessage } from 'node:http';

export const MAX_BODY_BYTES = 64 * 1024 * 1024;

/**
 * An over-limit body is read on and thrown away up to this much, so the client (which is still sending)
 * gets its 413 instead of a connection reset; beyond it the connection is closed.
 */
export const MAX_DRAIN_BYTES = 4 * MAX_BODY_BYTES;

export type Body = { kind: 'text'; text: string } | { kind: 'too-large' } | { kind: 'gone' };

export function readBody(req: IncomingMessage): Promise<Body> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (body: Body) => {
      if (settled) return;
      settled = true;
      resolve(body);
    };
    const declared = Number(req.headers['content-length']);
    let tooLarge = Number.isFinite(declared) && declared > MAX_BODY_BYTES;
    if (Number.isFinite(declared) && declared > MAX_DRAIN_BYTES) {
      req.resume();
      return settle({ kind: 'too-large' });
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (!tooLarge && size > MAX_BODY_BYTES) {
        tooLarge = true;
        chunks.length = 0;
      }
      if (!tooLarge) chunks.push(chunk);
      if (size > MAX_DRAIN_BYTES) settle({ kind: 'too-large' });
    });
    req.on('end', () => settle(tooLarge ? { kind: 'too-large' } : { kind: 'text', text: Buffer.concat(chunks).toString('utf8') }));
    req.on('error', () => settle({ kind: 'gone' }));
    req.on('close', () => {
      if (!req.complete) settle({ kind: 'gone' });
    });
  });
}
