import { failSaying, ok } from '../../../shared/contract';
import type { stationChannels } from '../../../shared/contract/station';
import { nameKey } from '../../../shared/domain/names';
import { countOperators, insertOperator, toView } from '../../../db/repos/operators';
import type { Handlers } from '../dispatcher';
import { hashPin } from '../pin-hash';
import { readSetting } from '../settings';

export const stationHandlers: Pick<Handlers, keyof typeof stationChannels> = {
  'station:info': (_input, ctx) =>
    ok({
      name: readSetting(ctx.db, 'station.name') ?? ctx.station.name,
      version: ctx.version,
      practiceMode: ctx.practiceMode,
      needsFirstAdmin: countOperators(ctx.db) === 0,
      systemLanguages: [...ctx.systemLanguages],
    }),

  'station:setupFirstAdmin': async ({ name, pin }, ctx) => {
    if (countOperators(ctx.db) > 0) return failSaying('ALREADY_SET_UP', 'station.alreadySetUp', {}, 'This station already has operators: sign in instead.');
    const pinHash = await hashPin(pin, ctx.pinCost);
    return ctx.write(['operators'], (tx) => {
      // Checked again inside the transaction: two first-run screens must not both create an admin.
      if (countOperators(tx) > 0) return failSaying('ALREADY_SET_UP', 'station.alreadySetUp', {}, 'This station already has operators: sign in instead.');
      const row = insertOperator(tx, { name, nameKey: nameKey(name), role: 'admin', pinHash, at: ctx.now() });
      ctx.audit(tx, { action: 'station:setupFirstAdmin', objectType: 'operator', objectId: row.id, detail: { name, role: 'admin' } });
      return ok(toView(row));
    });
  },

  'station:verify': (_input, ctx) => ok(ctx.checks.station()),
};
