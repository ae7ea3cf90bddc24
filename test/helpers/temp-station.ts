// A real station on a real SQLite file in a temp folder. PIN hashing is cheaper than in production
// (scrypt N=2^10) so tests that sign in many times stay quick; the algorithm is the same.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStation, type Station, type StationConfig } from '../../electron/core/station';
import { silentLogger } from '../../electron/core/log';
import type { Role } from '../../shared/domain/roles';

export interface TempStation {
  station: Station;
  dataDir: string;
  /** Signs in (creating the operator first if needed) and returns the session token. */
  tokenFor(role: Role, name?: string): Promise<string>;
  cleanup(): void;
}

export const ADMIN = { name: 'Ada Admin', pin: '482913' };
const rolePins: Record<Role, string> = { admin: ADMIN.pin, lead: '739154', operator: '602817' };

export function makeTempDir(prefix = 'dockside-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function tempStation(config: Partial<StationConfig> = {}): Promise<TempStation> {
  const dataDir = config.dataDir ?? makeTempDir();
  const station = await createStation({ pinCost: 10, logger: silentLogger, ...config, dataDir });
  const setup = await station.call('station:setupFirstAdmin', ADMIN);
  if (!setup.ok) throw new Error(setup.error.message);
  const adminSignIn = await station.call('session:signIn', ADMIN);
  if (!adminSignIn.ok) throw new Error(adminSignIn.error.message);
  const adminToken = adminSignIn.value.token;

  async function tokenFor(role: Role, name = `Test ${role}`): Promise<string> {
    if (role === 'admin' && name === `Test ${role}`) return adminToken;
    const pin = rolePins[role];
    const existing = await station.call('operators:list', {}, { sessionToken: adminToken });
    if (existing.ok && !existing.value.some((o) => o.name === name)) {
      const added = await station.call('operators:add', { name, role, pin }, { sessionToken: adminToken });
      if (!added.ok) throw new Error(added.error.message);
    }
    const signedIn = await station.call('session:signIn', { name, pin });
    if (!signedIn.ok) throw new Error(signedIn.error.message);
    return signedIn.value.token;
  }

  return {
    station,
    dataDir,
    tokenFor,
    cleanup: () => {
      station.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Every row of every table, so a test can prove a refused call wrote nothing at all. */
export function snapshotDatabase(station: Station): string {
  const sqlite = station.database.sqlite;
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[];
  return JSON.stringify(tables.map(({ name }) => [name, sqlite.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]));
}
