// Claims on identities across the fleet. The hub's unique indexes decide who keeps a PKID (hash,
// tuple): each claim is an INSERT … ON CONFLICT DO NOTHING, never a lookup followed by an insert, so
// two docks claiming one box at the same instant cannot both win. Every claim is remembered by
// (station, station sequence), so a push resent after a lost answer gets the same verdicts back.
import { and, eq, gt, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { HubDb } from '../connect';
import type { IdentityValues } from '../identity';
import { identities, pushes, releases, stations, type Verdict } from '../schema';

/** One outbox row of a station: one identity of one device line. */
export interface IdentityClaim extends IdentityValues {
  readonly seq: number;
  readonly batchName: string;
  readonly operatorName: string;
  readonly scannedAt: Date;
}

/** Where an identity was first scanned, as the hub holds it. */
export interface FirstScan {
  readonly identityId: number;
  readonly stationId: string;
  readonly stationName: string;
  readonly batchName: string;
  readonly operatorName: string;
  readonly scannedAt: Date;
}

export interface ClaimVerdict {
  readonly seq: number;
  readonly verdict: Verdict;
  readonly first: FirstScan;
}

// Ids are taken while this lock is held, so they become visible in id order and a pull cursor on them
// never skips a row committed late. A warehouse's few docks pushing in turn costs nothing noticeable.
const PUSH_LOCK = 0x666c6565; // 'flee'

const firstScanColumns = {
  identityId: identities.id,
  stationId: identities.stationId,
  stationName: stations.name,
  batchName: identities.batchName,
  operatorName: identities.operatorName,
  scannedAt: identities.scannedAt,
};

/** The identity that holds this value now (a released one holds nothing). */
function sameValue(claim: IdentityClaim) {
  const held = isNull(identities.releasedAt);
  if (claim.kind === 'pkid') return and(held, eq(identities.kind, 'pkid'), eq(identities.pkid, claim.pkid ?? ''));
  if (claim.kind === 'hash') return and(held, eq(identities.kind, 'hash'), eq(identities.hardwareHashSha256, claim.hardwareHashSha256 ?? ''));
  return and(held, eq(identities.kind, 'tuple'), eq(identities.serial, claim.serial ?? ''), eq(identities.manufacturer, claim.manufacturer ?? ''), eq(identities.model, claim.model ?? ''));
}

/** Records a station's claims and answers each: kept (this station holds it) or duplicate (and where it was first). */
export async function claimIdentities(db: HubDb, stationId: string, claims: readonly IdentityClaim[]): Promise<ClaimVerdict[]> {
  if (claims.length === 0) return [];
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${PUSH_LOCK})`);
    const seqs = claims.map((c) => c.seq);
    const known = new Set(
      (await tx.select({ seq: pushes.stationSeq }).from(pushes).where(and(eq(pushes.stationId, stationId), inArray(pushes.stationSeq, seqs)))).map((r) => r.seq),
    );
    const fresh = claims.filter((c) => !known.has(c.seq));
    if (fresh.length > 0) {
      const won = await tx
        .insert(identities)
        .values(fresh.map((c) => ({ kind: c.kind, pkid: c.pkid, serial: c.serial, manufacturer: c.manufacturer, model: c.model, hardwareHashSha256: c.hardwareHashSha256, stationId, stationSeq: c.seq, batchName: c.batchName, operatorName: c.operatorName, scannedAt: c.scannedAt })))
        .onConflictDoNothing()
        .returning({ id: identities.id, seq: identities.stationSeq });
      const wonBySeq = new Map(won.map((w) => [w.seq, w.id]));
      const recorded: { stationId: string; stationSeq: number; verdict: Verdict; identityId: number }[] = [];
      for (const claim of fresh) {
        const own = wonBySeq.get(claim.seq);
        if (own !== undefined) {
          recorded.push({ stationId, stationSeq: claim.seq, verdict: 'kept', identityId: own });
          continue;
        }
        // The constraint said no: read who holds the value now (the decision is already made).
        const [holder] = await tx.select({ id: identities.id, stationId: identities.stationId }).from(identities).where(sameValue(claim));
        if (!holder) throw new Error(`claim ${claim.seq} lost to no row: the hub's identities changed under the push lock`);
        // A station's own earlier line (removed and scanned again) is the station's business, not the fleet's.
        recorded.push({ stationId, stationSeq: claim.seq, verdict: holder.stationId === stationId ? 'kept' : 'duplicate', identityId: holder.id });
      }
      await tx.insert(pushes).values(recorded).onConflictDoNothing();
    }
    const answers = await tx
      .select({ seq: pushes.stationSeq, verdict: pushes.verdict, ...firstScanColumns })
      .from(pushes)
      .innerJoin(identities, eq(identities.id, pushes.identityId))
      .innerJoin(stations, eq(stations.id, identities.stationId))
      .where(and(eq(pushes.stationId, stationId), inArray(pushes.stationSeq, seqs)));
    return answers.map(({ seq, verdict, ...first }) => ({ seq, verdict, first }));
  });
}

/** An identity another station holds, as a station copies it for offline checks. */
export interface FleetIdentity extends IdentityValues {
  readonly id: number;
  readonly stationId: string;
  readonly stationName: string;
  readonly batchName: string;
  readonly operatorName: string;
  readonly scannedAt: Date;
}

/** The other stations' identities after a cursor, oldest first. */
export async function othersIdentitiesAfter(db: HubDb, stationId: string, after: number, limit: number): Promise<FleetIdentity[]> {
  return db
    .select({
      id: identities.id,
      kind: identities.kind,
      pkid: identities.pkid,
      serial: identities.serial,
      manufacturer: identities.manufacturer,
      model: identities.model,
      hardwareHashSha256: identities.hardwareHashSha256,
      stationId: identities.stationId,
      stationName: stations.name,
      batchName: identities.batchName,
      operatorName: identities.operatorName,
      scannedAt: identities.scannedAt,
    })
    .from(identities)
    .innerJoin(stations, eq(stations.id, identities.stationId))
    .where(and(gt(identities.id, after), ne(identities.stationId, stationId), isNull(identities.releasedAt)))
    .orderBy(identities.id)
    .limit(limit);
}

/** The highest identity id the hub holds (a pull that found nothing new still moves its cursor past own rows). */
export async function lastIdentityId(db: HubDb): Promise<number> {
  const [row] = await db.select({ max: sql<string | null>`max(${identities.id})` }).from(identities);
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max);
}

/**
 * Gives back the identities a station's kept claims hold (its lines were removed), so any dock may
 * claim the box again. By the station's own sequence numbers; a resend releases nothing twice. Only
 * the station's own identities: a claim answered "duplicate" holds nothing to give back.
 */
export async function releaseIdentities(db: HubDb, stationId: string, seqs: readonly number[]): Promise<number> {
  if (seqs.length === 0) return 0;
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${PUSH_LOCK})`);
    const held = tx
      .select({ id: pushes.identityId })
      .from(pushes)
      .where(and(eq(pushes.stationId, stationId), inArray(pushes.stationSeq, [...seqs]), eq(pushes.verdict, 'kept')));
    const released = await tx
      .update(identities)
      .set({ releasedAt: sql`now()` })
      .where(and(inArray(identities.id, held), eq(identities.stationId, stationId), isNull(identities.releasedAt)))
      .returning({ id: identities.id });
    if (released.length > 0) await tx.insert(releases).values(released.map((r) => ({ identityId: r.id }))).onConflictDoNothing();
    return released.length;
  });
}

/** A box another station gave back: what a station forgets from its copy and may claim again. */
export interface ReleasedIdentity extends IdentityValues {
  readonly id: number;
  readonly identityId: number;
}

/** The other stations' releases after a cursor, oldest first. */
export async function othersReleasesAfter(db: HubDb, stationId: string, after: number, limit: number): Promise<ReleasedIdentity[]> {
  return db
    .select({
      id: releases.id,
      identityId: releases.identityId,
      kind: identities.kind,
      pkid: identities.pkid,
      serial: identities.serial,
      manufacturer: identities.manufacturer,
      model: identities.model,
      hardwareHashSha256: identities.hardwareHashSha256,
    })
    .from(releases)
    .innerJoin(identities, eq(identities.id, releases.identityId))
    .where(and(gt(releases.id, after), ne(identities.stationId, stationId)))
    .orderBy(releases.id)
    .limit(limit);
}
