// Serving the built renderer is the same job for both front doors (the Electron app:// protocol and
// the browser host): keep every path inside the folder, and name each file's content type.
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.mp3': 'audio/mpeg',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
};

export function contentTypeOf(path: string): string {
  return contentTypes[extname(path)] ?? 'application/octet-stream';
}

/** Hashed asset names can be cached; the shell must not be, or an update would not show. */
export function cacheControlOf(path: string): string {
  return extname(path) === '.html' ? 'no-store' : 'public, max-age=31536000, immutable';
}

/** The file a URL path names inside root, or null when it would leave root (../, encoded or not). */
export function resolveInside(root: string, pathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const wanted = decoded.replace(/^[/\\]+/, '');
  const candidate = resolve(root, wanted === '' ? 'index.html' : wanted);
  const rel = relative(root, candidate);
  if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return null;
  return candidate;
}
