// versions.json in a support bundle: what is running (app, runtimes, SQLite, the database's schema
// level) and on what, so a report can be matched to a build without asking.
import type Database from 'better-sqlite3';
import { arch, platform, release } from 'node:os';

export interface Versions {
  app: string;
  node: string;
  /** Known only inside the desktop app; null in the browser host and the CLI. */
  electron: string | null;
  chromium: string | null;
  v8: string;
  sqlite: string;
  schema: { migrations: number; latest: string | null; latestAppliedAt: string | null };
  os: { platform: string; release: string; arch: string };
}

export function collectVersions(sqlite: Database.Database, appVersion: string): Versions {
  const migrations = sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = '__dockside_migrations'").get() as { n: number };
  const latest =
    migrations.n > 0
      ? (sqlite.prepare('SELECT tag, applied_at AS at, (SELECT count(*) FROM __dockside_migrations) AS n FROM __dockside_migrations ORDER BY idx DESC LIMIT 1').get() as { tag: string; at: number | null; n: number } | undefined)
      : undefined;
  return {
    app: appVersion,
    node: process.versions.node,
    electron: process.versions.electron ?? null,
    chromium: process.versions.chrome ?? null,
    v8: process.versions.v8,
    sqlite: String(sqlite.prepare('SELECT sqlite_version() AS v').pluck().get()),
    schema: { migrations: latest?.n ?? 0, latest: latest?.tag ?? null, latestAppliedAt: typeof latest?.at === 'number' ? new Date(latest.at).toISOString() : null },
    os: { platform: platform(), release: release(), arch: arch() },
  };
}
