// Requests between docks about a batch (approve it, reopen it), in domain words. The hub only carries
// them: the owning station decides and writes the answer back. A sender's resend of the same request
// (same station, same sequence) finds the row it already made.
import { and, asc, eq, gt, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { HubDb } from '../connect';
import { batchRequests, stations, type BatchRequestAction, type BatchRequestOutcome } from '../schema';

export interface OutgoingRequest {
  readonly seq: number;
  readonly toStationId: string;
  readonly batchName: string;
  readonly action: BatchRequestAction;
  readonly customerTenantId: string | null;
  readonly requestedBy: string;
}

/** Files the station's requests; answers each sequence with the hub's id for it (new or already filed). */
export async function fileRequests(db: HubDb, fromStationId: string, requests: readonly OutgoingRequest[]): Promise<{ seq: number; hubId: number }[]> {
  if (requests.length === 0) return [];
  await db
    .insert(batchRequests)
    .values(requests.map(({ seq, ...r }) => ({ ...r, fromStationId, fromSeq: seq })))
    .onConflictDoNothing({ target: [batchRequests.fromStationId, batchRequests.fromSeq] });
  const rows = await db
    .select({ seq: batchRequests.fromSeq, hubId: batchRequests.id })
    .from(batchRequests)
    .where(and(eq(batchRequests.fromStationId, fromStationId), inArray(batchRequests.fromSeq, requests.map((r) => r.seq))));
  return rows;
}

export interface IncomingRequest {
  readonly hubId: number;
  readonly fromStationName: string;
  readonly batchName: string;
  readonly action: BatchRequestAction;
  readonly customerTenantId: string | null;
  readonly requestedBy: string;
  readonly requestedAt: Date;
}

/** Requests other docks addressed to this station that it has not answered yet, oldest first. */
export async function requestsFor(db: HubDb, stationId: string, after = 0, limit = 100): Promise<IncomingRequest[]> {
  return db
    .select({
      hubId: batchRequests.id,
      fromStationName: stations.name,
      batchName: batchRequests.batchName,
      action: batchRequests.action,
      customerTenantId: batchRequests.customerTenantId,
      requestedBy: batchRequests.requestedBy,
      requestedAt: batchRequests.requestedAt,
    })
    .from(batchRequests)
    .innerJoin(stations, eq(stations.id, batchRequests.fromStationId))
    .where(and(eq(batchRequests.toStationId, stationId), isNull(batchRequests.outcome), gt(batchRequests.id, after)))
    .orderBy(asc(batchRequests.id))
    .limit(limit);
}

/** The owning station's answer. Only a request still unanswered and addressed to it changes. */
export async function answerRequest(db: HubDb, stationId: string, hubId: number, answer: { outcome: BatchRequestOutcome; reason: string | null }): Promise<void> {
  await db
    .update(batchRequests)
    .set({ outcome: answer.outcome, reason: answer.reason, answeredAt: sql`now()` })
    .where(and(eq(batchRequests.id, hubId), eq(batchRequests.toStationId, stationId), isNull(batchRequests.outcome)));
}

export interface RequestAnswer {
  readonly hubId: number;
  readonly outcome: BatchRequestOutcome;
  readonly reason: string | null;
  readonly answeredAt: Date;
}

/** The answers to this station's requests among `hubIds`. */
export async function answersTo(db: HubDb, fromStationId: string, hubIds: readonly number[]): Promise<RequestAnswer[]> {
  if (hubIds.length === 0) return [];
  const rows = await db
    .select({ hubId: batchRequests.id, outcome: batchRequests.outcome, reason: batchRequests.reason, answeredAt: batchRequests.answeredAt })
    .from(batchRequests)
    .where(and(eq(batchRequests.fromStationId, fromStationId), inArray(batchRequests.id, [...hubIds]), isNotNull(batchRequests.outcome)));
  return rows.flatMap((r) => (r.outcome !== null && r.answeredAt !== null ? [{ hubId: r.hubId, outcome: r.outcome, reason: r.reason, answeredAt: r.answeredAt }] : []));
}
