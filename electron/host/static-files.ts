// Serves the built renderer. Paths are resolved inside the folder; anything else is not found.
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

export function resolveStatic(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const candidate = normalize(join(root, decoded));
  if (candidate !== root && !candidate.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  // Client-side routes (no file extension) get the app shell.
  return extname(decoded) === '' ? join(root, 'index.html') : null;
}

export function sendFile(res: ServerResponse, path: string, headers: Record<string, string>): void {
  const isHtml = extname(path) === '.html';
  res.writeHead(200, {
    ...headers,
    'content-type': types[extname(path)] ?? 'application/octet-stream',
    // Hashed asset names can be cached; the shell must not be, or an update would not show.
    'cache-control': isHtml ? 'no-store' : 'public, max-age=31536000, immutable',
  });
  createReadStream(path).pipe(res);
}
