// Serves the built renderer to the browser. Paths are resolved inside the folder; anything else is
// not found.
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { cacheControlOf, contentTypeOf, resolveInside } from './renderer-files';

export function resolveStatic(root: string, urlPath: string): string | null {
  const candidate = resolveInside(root, urlPath);
  if (candidate === null) return null;
  if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  // Client-side routes (no file extension) get the app shell.
  return extname(candidate) === '' ? join(root, 'index.html') : null;
}

export function sendFile(res: ServerResponse, path: string, headers: Record<string, string>): void {
  res.writeHead(200, { ...headers, 'content-type': contentTypeOf(path), 'cache-control': cacheControlOf(path) });
  createReadStream(path).pipe(res);
}
