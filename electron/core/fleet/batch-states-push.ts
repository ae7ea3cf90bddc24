// Pushes the station's changed batches to the hub (the lead's desk at the other docks reads them).
import type { Hub } from '../../../db/hub/connect';
import { recordBatchStates } from '../../../db/hub/repos/batch-states';
import { changedBatches, noteBatchesPushed } from '../../../db/hub/local/batch-changes';
import type { StationDb } from '../../../db/open';

const CHUNK = 500;

/** Returns how many batch states went to the hub (none in a round where no batch changed). */
export async function pushChangedBatches(db: StationDb, stationId: string, hub: Hub): Promise<number> {
  let pushed = 0;
  // By batch id, so a batch changed again while it was pushed keeps its mark for the next round
  // instead of keeping this loop going.
  let after = 0;
  for (;;) {
    const changed = changedBatches(db, after, CHUNK);
    if (changed.length === 0) return pushed;
    after = changed.at(-1)?.batchId ?? after;
    await recordBatchStates(hub.db, stationId, changed.map(({ batchId: _id, version: _v, ...b }) => b));
    db.transaction((tx) => noteBatchesPushed(tx, changed), { behavior: 'immediate' });
    pushed += changed.length;
  }
}
