// The browser host listens on loopback only, but any web page the station's browser opens can still
// send requests to 127.0.0.1. These checks keep such pages (and DNS-rebinding tricks) out.
import type { IncomingMessage } from 'node:http';
import { createHash, timingSafeEqual } from 'node:crypto';

export interface GuardConfig {
  port: number;
  token: string;
}

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function hostIsAllowed(req: IncomingMessage, port: number): boolean {
  return allowedHosts(port).includes((req.headers.host ?? '').toLowerCase());
}

/** A request from a page on another origin carries its Origin; ours carry our own or none. */
export function originIsAllowed(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  return allowedHosts(port).some((h) => origin.toLowerCase() === `http://${h}`);
}

export function cookieName(port: number): string {
  // Cookies ignore ports: two hosts on one machine must not read each other's token.
  return `dockside_${port}`;
}

function cookieValue(req: IncomingMessage, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k !== name) continue;
    try {
      return decodeURIComponent(v.join('='));
    } catch {
      // A hand-made cookie with broken percent-encoding is no token at all.
      return null;
    }
  }
  return null;
}

const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();

/** Constant time whatever the inputs, their lengths included: both sides are hashed to 32 bytes first. */
export function tokensEqual(a: string, b: string): boolean {
  return timingSafeEqual(digest(a), digest(b));
}

/** Shorter tokens can be guessed; an empty one let an empty header in. */
export const MIN_HOST_TOKEN_CHARS = 16;

/** Why a host token given by hand is refused, or null when it will do. */
export function hostTokenProblem(token: string): string | null {
  if (token.length < MIN_HOST_TOKEN_CHARS) {
    return `The host token must be at least ${MIN_HOST_TOKEN_CHARS} characters long (this one has ${token.length}); leave --host-token out and the station makes a random one.`;
  }
  if (!/^[\x21-\x7e]+$/.test(token)) return 'The host token may hold only printable ASCII characters without spaces (letters, digits, - and _ are safest).';
  return null;
}

export function requestToken(req: IncomingMessage, port: number): string | null {
  const header = req.headers['x-dockside-token'];
  if (typeof header === 'string') return header;
  return cookieValue(req, cookieName(port));
}

export function hasToken(req: IncomingMessage, config: GuardConfig): boolean {
  const token = requestToken(req, config.port);
  return token !== null && tokensEqual(token, config.token);
}
