// A batch is settled when none of its chunks is still on its way: registered if every live device
// is, otherwise it needs a lead's attention.
import { countLiveUnregistered, moveBatchState } from '../../../db/repos/batches';
import { chunksOnTheirWay } from '../../../db/repos/uploads';
import type { StationTx } from '../../../db/types';

export function settleBatch(t: StationTx, batchId: number, _at: number): 'registered' | 'needs_attention' | 'uploading' {
  if (chunksOnTheirWay(t, batchId) > 0) {
    moveBatchState(t, batchId, 'uploading', ['approved', 'needs_attention', 'registered']);
    return 'uploading';
  }
  const state = countLiveUnregistered(t, batchId) === 0 ? 'registered' : 'needs_attention';
  moveBatchState(t, batchId, state, ['approved', 'uploading', 'needs_attention', 'registered']);
  return state;
}
