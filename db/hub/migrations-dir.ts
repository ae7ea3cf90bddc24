import { fileURLToPath } from 'node:url';

/** drizzle-kit's output for the hub (journal + SQL), hash-locked in hashes.json like the station's. */
export const hubMigrationsDir = fileURLToPath(new URL('./migrations', import.meta.url));
