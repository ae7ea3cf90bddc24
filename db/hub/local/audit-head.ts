// The station's audit chain head as the hub anchors it: the last row's id and hash, and the hash the
// chain holds at a given id (to show the hub that the new head follows the anchored one).
import { desc, eq } from 'drizzle-orm';
import type { Queryable } from '../../types';
import { audit } from '../../schema';

export function auditHead(db: Queryable): { lastId: number; lastHash: string } | null {
  const row = db.select({ lastId: audit.id, lastHash: audit.hash }).from(audit).orderBy(desc(audit.id)).limit(1).get();
  return row ?? null;
}

export function auditHashAt(db: Queryable, id: number): string | null {
  return db.select({ hash: audit.hash }).from(audit).where(eq(audit.id, id)).get()?.hash ?? null;
}
