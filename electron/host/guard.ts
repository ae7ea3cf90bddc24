// The browser host listens on loopback only, but any web page the station's browser opens can still
// send requests to 127.0.0.1. These checks keep such pages (and DNS-rebinding tricks) out.
import type { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';

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
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return null;
}

export function tokensEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
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
