// Opening the fleet hub: one small pool per station. The password travels beside the URL, never inside
// the URL the station keeps (see electron/core/fleet/hub-secret.ts), so nothing that prints or stores
// the URL can leak it.
import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import * as schema from './schema';
import { HubError, hubProblem } from './errors';

export type HubDb = NodePgDatabase<typeof schema>;

export interface Hub {
  readonly db: HubDb;
  readonly pool: pg.Pool;
  /** The URL without its password, for messages. */
  readonly where: string;
  close(): Promise<void>;
}

export interface HubAddress {
  /** postgres://role@host:port/db?sslmode=… (a password in it is taken out and used as `password`). */
  readonly url: string;
  readonly password?: string;
  /** A dock on a cut network must hear "unreachable" quickly, not after the OS's TCP timeout. */
  readonly connectTimeoutMs?: number;
}

/** The URL and its password apart: the URL as a station keeps and prints it, the password as a secret. */
export function splitHubUrl(url: string): { url: string; password: string | undefined } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new HubError('bad-url', 'The hub URL is not a URL: it looks like postgres://ROLE@HOST:5432/DATABASE?sslmode=require.');
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new HubError('bad-url', `The hub URL starts with ${parsed.protocol}//, a PostgreSQL one with postgres:// (postgres://ROLE@HOST:5432/DATABASE?sslmode=require).`);
  }
  const password = parsed.password === '' ? undefined : decodeURIComponent(parsed.password);
  parsed.password = '';
  return { url: parsed.toString(), password };
}

// pg lets the connection string's fields win over `password`, so the secret goes back into a copy of
// the URL that lives only inside the pool or client.
function secretUrl(address: HubAddress): { url: string; withSecret: string } {
  const { url, password } = splitHubUrl(address.url);
  const withSecret = new URL(url);
  const secret = address.password ?? password;
  if (secret !== undefined) withSecret.password = encodeURIComponent(secret);
  return { url, withSecret: withSecret.toString() };
}

export async function openHub(address: HubAddress): Promise<Hub> {
  const { url, withSecret } = secretUrl(address);
  const pool = new pg.Pool({
    connectionString: withSecret,
    max: 2,
    connectionTimeoutMillis: address.connectTimeoutMs ?? 3000,
    idleTimeoutMillis: 10_000,
    // A hub that vanishes mid-query must fail the query, not hang the station's sync loop.
    query_timeout: 30_000,
    application_name: 'dockside',
  });
  // An idle client losing its server (hub restarted) emits here; the next query reconnects.
  pool.on('error', () => {});
  // A client checked out (inside a push's transaction) that loses its server between two queries emits
  // on itself, where the pool does not listen: without this the station's process dies (the fleet fault
  // loop caught it). The transaction's next query fails with the connection error instead.
  pool.on('connect', (client) => client.on('error', () => {}));
  const where = url;
  try {
    const client = await pool.connect();
    client.release();
  } catch (err) {
    await pool.end().catch(() => {});
    throw hubProblem(err, where);
  }
  return { db: drizzle(pool, { schema }), pool, where, close: () => pool.end() };
}

export interface HubListener {
  /** Resolves when the connection is gone (closed here, or lost): the caller listens again later. */
  readonly lost: Promise<void>;
  close(): Promise<void>;
}

/**
 * A connection of its own that LISTENs on a channel (a pooled one would be handed to other queries and
 * would hold the pool's close up). Only notices from others reach `onNotice`; the payload is the sender.
 */
export async function listenHub(address: HubAddress, channel: string, self: string, onNotice: () => void): Promise<HubListener> {
  const { url, withSecret } = secretUrl(address);
  const client = new pg.Client({ connectionString: withSecret, connectionTimeoutMillis: address.connectTimeoutMs ?? 3000, application_name: 'dockside-listen', keepAlive: true });
  let markLost = () => {};
  const lost = new Promise<void>((resolve) => (markLost = resolve));
  client.on('error', () => markLost());
  client.on('end', () => markLost());
  client.on('notification', (notice) => {
    if (notice.channel === channel && notice.payload !== self) onNotice();
  });
  try {
    await client.connect();
    await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
  } catch (err) {
    await client.end().catch(() => {});
    throw hubProblem(err, url);
  }
  return { lost, close: () => client.end().catch(() => {}) };
}

/** Tells the listening stations that `self` pushed something (after the push committed). */
export async function announceOnHub(hub: Hub, channel: string, self: string): Promise<void> {
  await hub.pool.query('SELECT pg_notify($1, $2)', [channel, self]);
}
