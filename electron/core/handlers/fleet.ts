import { fail, ok } from '../../../shared/contract';
import type { fleetChannels } from '../../../shared/contract/fleet';
import type { Handlers } from '../dispatcher';
import type { Fleet } from '../fleet/fleet';

export function fleetHandlers(fleet: Fleet): Pick<Handlers, keyof typeof fleetChannels> {
  return {
    'fleet:status': async () => ok(await fleet.status(true)),
    'fleet:syncNow': async () => {
      const round = await fleet.syncOnce();
      if (!round.ok) return fail(round.notMember ? 'INVALID_STATE' : round.unreachable ? 'OFFLINE' : 'REMOTE_ERROR', round.message);
      return ok({ pushed: round.pushed, pulled: round.pulled, flagged: round.flagged.length, released: round.released, reclaimed: round.reclaimed.length });
    },
  };
}
