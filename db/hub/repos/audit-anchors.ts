// Each station's audit chain head, anchored in the hub. A head moves the anchor only when it is a
// successor of the anchored row: the station shows the hash its own chain has at the anchored id, and
// the hub compares it with what it anchored, in the statement that moves the anchor. Anything else (a
// chain that is shorter now, or that holds another row at the anchored id) is flagged, and the flag
// stays until the hub owner clears it (a trigger refuses a station's role that tries; migration 0004).
import { and, asc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { HubDb } from '../connect';
import { auditAnchors, stations } from '../schema';

export interface AuditHead {
  readonly lastId: number;
  readonly lastHash: string;
}

export interface Anchor extends AuditHead {
  readonly mismatch: string | null;
}

export async function anchorOf(db: HubDb, stationId: string): Promise<Anchor | null> {
  const [row] = await db.select({ lastId: auditAnchors.lastId, lastHash: auditAnchors.lastHash, mismatch: auditAnchors.mismatch }).from(auditAnchors).where(eq(auditAnchors.stationId, stationId));
  return row ?? null;
}

export type AnchorAnswer = { anchored: true } | { anchored: false; mismatch: string };

/**
 * Moves the station's anchor to `head` when `atAnchor` (the station's own row at the anchored id, or
 * null when it has none) is the anchored row; otherwise flags the mismatch, in words.
 */
export async function advanceAnchor(db: HubDb, stationId: string, head: AuditHead, seen: { anchor: Anchor | null; atAnchor: string | null }): Promise<AnchorAnswer> {
  const { anchor, atAnchor } = seen;
  if (anchor === null) {
    // A first anchor; one another round of this station wrote meanwhile is judged next round.
    await db.insert(auditAnchors).values({ stationId, ...head }).onConflictDoNothing();
    return { anchored: true };
  }
  if (anchor.mismatch !== null) return { anchored: false, mismatch: anchor.mismatch };
  const moved = await db
    .update(auditAnchors)
    .set({ lastId: head.lastId, lastHash: head.lastHash, anchoredAt: sql`now()` })
    .where(
      and(
        eq(auditAnchors.stationId, stationId),
        isNull(auditAnchors.mismatch),
        eq(auditAnchors.lastId, anchor.lastId),
        eq(auditAnchors.lastHash, atAnchor ?? ''),
        sql`${head.lastId} >= ${auditAnchors.lastId}`,
        sql`(${head.lastId} > ${auditAnchors.lastId} OR ${head.lastHash} = ${auditAnchors.lastHash})`,
      ),
    )
    .returning({ id: auditAnchors.lastId });
  if (moved.length === 1) return { anchored: true };
  const mismatch =
    head.lastId < anchor.lastId || atAnchor === null
      ? `its chain ends at row ${head.lastId}, before row ${anchor.lastId} that the hub anchored`
      : `its row ${anchor.lastId} is not the row the hub anchored (another hash)`;
  await db.update(auditAnchors).set({ mismatch, mismatchAt: sql`now()` }).where(and(eq(auditAnchors.stationId, stationId), isNull(auditAnchors.mismatch)));
  const after = await anchorOf(db, stationId);
  return { anchored: false, mismatch: after?.mismatch ?? mismatch };
}

/** Every station whose chain does not match its anchor, for `fleet status`. */
export async function anchorMismatches(db: HubDb): Promise<{ stationName: string; lastId: number; mismatch: string; since: Date | null }[]> {
  const rows = await db
    .select({ stationName: stations.name, lastId: auditAnchors.lastId, mismatch: auditAnchors.mismatch, since: auditAnchors.mismatchAt })
    .from(auditAnchors)
    .innerJoin(stations, eq(stations.id, auditAnchors.stationId))
    .where(isNotNull(auditAnchors.mismatch))
    .orderBy(asc(stations.name));
  return rows.flatMap((r) => (r.mismatch === null ? [] : [{ ...r, mismatch: r.mismatch }]));
}
