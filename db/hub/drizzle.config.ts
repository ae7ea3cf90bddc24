import { defineConfig } from 'drizzle-kit';

// The fleet hub's schema (PostgreSQL), beside the station's SQLite one (../../drizzle.config.ts).
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/hub/schema.ts',
  out: './db/hub/migrations',
});
