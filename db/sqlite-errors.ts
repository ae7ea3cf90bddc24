// better-sqlite3 reports SQLite's result as a string `code` on its errors (SQLITE_FULL, ...).
export function sqliteCode(err: unknown): string | null {
  return typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'string' ? err.code : null;
}

/** Another writer stored the same unique value between a check and an insert. */
export function isUniqueViolation(err: unknown): boolean {
  return sqliteCode(err) === 'SQLITE_CONSTRAINT_UNIQUE';
}
