// The upload channels: the engine's status, a nudge, and what a lead does with refused devices. The
// rules live in electron/core/sync/; each channel hands its input to one of them.
import { ok } from '../../../shared/contract';
import type { syncChannels } from '../../../shared/contract/sync';
import type { Handlers } from '../dispatcher';
import type { SyncEngine } from '../sync/engine';
import { moveFailedDevices } from '../sync/move-failed';
import { retryFailedDevices } from '../sync/retry-failed';

export function syncHandlers(engine: SyncEngine): Pick<Handlers, keyof typeof syncChannels> {
  return {
    'sync:status': () => ok(engine.getStatus()),

    'sync:now': () => {
      engine.kick();
      return ok(engine.getStatus());
    },

    'uploads:retryFailed': ({ batchId, deviceIds }, ctx) => {
      const result = retryFailedDevices(ctx, batchId, deviceIds);
      if (result.ok) engine.kick();
      return result;
    },

    'uploads:moveFailed': ({ batchId, newBatchName }, ctx) => moveFailedDevices(ctx, batchId, newBatchName),
  };
}
