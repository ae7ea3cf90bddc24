// Serves the built renderer to the browser. Paths are resolved inside the folder; anything else is
// not found.
import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { cacheControlOf, contentTypeOf, resolveInside } from './renderer-files';

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export function resolveStatic(root: string, urlPath: string): string | null {
  const candidate = resolveInside(root, urlPath);
  if (candidate === null) return null;
  if (isFile(candidate)) return candidate;
  // Client-side routes (no file extension) get the app shell.
  return extname(candidate) === '' ? join(root, 'index.html') : null;
}

export function sendFile(req: IncomingMessage, res: ServerResponse, path: string, headers: Record<string, string>): void {
  res.writeHead(200, { ...headers, 'content-type': contentTypeOf(path), 'cache-control': cacheControlOf(path) });
  if (req.method === 'HEAD') return void res.end();
  const stream = createReadStream(path);
  // The file vanished or became unreadable mid-way (a rebuild): the answer is cut, the host goes on.
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}
