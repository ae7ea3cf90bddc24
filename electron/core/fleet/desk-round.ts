// The lead's desk's part of a round with the hub, after the identities went both ways:
//   1. this station's new requests go to the hub (keyed by its own sequence: a resend is harmless);
//   2. answers to its earlier requests come back;
//   3. requests other docks addressed to this station are carried out under its own rules, each in one
//      transaction with the record of the answer, then the answers go to the hub (a crash in between
//      resends the recorded answer; nothing is carried out twice);
//   4. the other docks' batches are copied whole, so the desk lists them offline as of this pull.
import type { Hub } from '../../../db/hub/connect';
import { answerRequest, answersTo, fileRequests, requestsFor } from '../../../db/hub/repos/batch-requests';
import { othersBatchStates } from '../../../db/hub/repos/batch-states';
import { awaitedAnswers, handledRequest, noteAnswers, noteReported, noteRequestsSent, recordHandled, replaceFleetBatches, unreportedAnswers, unsentRequests } from '../../../db/hub/local/desk';
import type { StationDb } from '../../../db/open';
import type { AuditWriter } from '../audit';
import { carryOutRequest } from './carry-out-request';
import { pushChangedBatches } from './batch-states-push';

export interface DeskRoundDeps {
  readonly db: StationDb;
  readonly station: AuditWriter & { readonly name: string };
  readonly now: () => number;
}

export interface DeskRound {
  /** Requests of this station the hub took in this round. */
  readonly sent: number;
  /** Answers to this station's requests that came back. */
  readonly answered: number;
  /** Requests from other docks this station carried out (or refused) in this round. */
  readonly handled: { readonly done: number; readonly refused: number };
  readonly otherBatches: number;
  /** Anything the desk shows changed (a batch here or at another dock, an answer). */
  readonly changed: boolean;
}

export async function deskRound(deps: DeskRoundDeps, hub: Hub): Promise<DeskRound> {
  const { db, now } = deps;
  const stationId = deps.station.id;
  const unsent = unsentRequests(db);
  const filed = await fileRequests(
    hub.db,
    stationId,
    unsent.map((r) => ({ seq: r.seq, toStationId: r.toStationId, batchName: r.batchName, action: r.action, customerTenantId: r.customerTenantId, requestedBy: r.requestedBy })),
  );
  db.transaction((tx) => noteRequestsSent(tx, now(), filed), { behavior: 'immediate' });

  const answers = await answersTo(hub.db, stationId, awaitedAnswers(db));
  db.transaction((tx) => noteAnswers(tx, answers.map((a) => ({ ...a, answeredAt: a.answeredAt.getTime() }))), { behavior: 'immediate' });

  const handled = { done: 0, refused: 0 };
  for (const request of await requestsFor(hub.db, stationId)) {
    db.transaction(
      (tx) => {
        if (handledRequest(tx, request.hubId)) return;
        const answer = carryOutRequest(tx, deps.station, now(), request);
        recordHandled(tx, { hubId: request.hubId, fromStationName: request.fromStationName, batchName: request.batchName, action: request.action, requestedBy: request.requestedBy, outcome: answer.outcome, reason: answer.reason, handledAt: now() });
        handled[answer.outcome] += 1;
      },
      { behavior: 'immediate' },
    );
  }
  for (const answer of unreportedAnswers(db)) {
    await answerRequest(hub.db, stationId, answer.hubId, { outcome: answer.outcome, reason: answer.reason });
    db.transaction((tx) => noteReported(tx, answer.hubId, now()), { behavior: 'immediate' });
  }
  // The requester's desk shows the new state in its next pull, not a round later.
  if (handled.done > 0) await pushChangedBatches(db, stationId, hub);

  const others = await othersBatchStates(hub.db, stationId);
  const copyChanged = db.transaction(
    (tx) =>
      replaceFleetBatches(
        tx,
        others.map((b) => ({ stationId: b.stationId, stationName: b.stationName, batchName: b.batchName, state: b.state, devices: b.devices, createdBy: b.createdBy ?? null, createdAt: b.createdAt?.getTime() ?? null, updatedAt: b.updatedAt.getTime() })),
      ),
    { behavior: 'immediate' },
  );
  return { sent: filed.length, answered: answers.length, handled, otherBatches: others.length, changed: copyChanged || filed.length > 0 || answers.length > 0 || handled.done + handled.refused > 0 };
}
