import { failSaying, ok } from '../../../shared/contract';
import type { fleetChannels } from '../../../shared/contract/fleet';
import type { Handlers } from '../dispatcher';
import type { Fleet } from '../fleet/fleet';

export function fleetHandlers(fleet: Fleet): Pick<Handlers, keyof typeof fleetChannels> {
  return {
    'fleet:status': async () => ok(await fleet.status(true)),
    'fleet:syncNow': async () => {
      const round = await fleet.syncOnce();
      if (!round.ok) {
        if (round.notMember) return failSaying('INVALID_STATE', 'fleet.notMember', {}, round.message);
        return failSaying(round.unreachable ? 'OFFLINE' : 'REMOTE_ERROR', round.unreachable ? 'fleet.hubUnreachable' : 'fleet.syncFailed', { detail: round.message }, round.message);
      }
      return ok({ pushed: round.pushed, pulled: round.pulled, flagged: round.flagged.length, released: round.released, reclaimed: round.reclaimed.length });
    },
  };
}
