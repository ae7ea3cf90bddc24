// Partner Center on this station: whether it is set up, who is signed in, sign-in and sign-out. The
// link (client and token provider) is built once in station.ts (electron/core/partner/partner-link.ts).
import { failSaying, ok } from '../../../shared/contract';
import type { partnerChannels } from '../../../shared/contract/partner';
import { lastCustomerRefreshAt } from '../../../db/repos/customers';
import type { Handlers } from '../dispatcher';
import { notConfigured } from '../partner/partner-failures';
import type { PartnerLink } from '../partner/partner-link';

export function partnerHandlers(link: PartnerLink | null): Pick<Handlers, keyof typeof partnerChannels> {
  return {
    'partner:status': async (_input, ctx) => {
      let account: string | null = null;
      if (link) {
        try {
          account = (await link.tokenProvider.account())?.username ?? null;
        } catch {
          account = null;
        }
      }
      return ok({
        configured: link !== null,
        signedIn: account !== null,
        account,
        baseUrl: link?.baseUrl ?? null,
        practiceMode: ctx.practiceMode,
        lastCustomerRefreshAt: lastCustomerRefreshAt(ctx.db),
      });
    },

    'partner:signIn': async (_input, ctx) => {
      if (!link) return notConfigured();
      let username: string;
      try {
        username = (await link.tokenProvider.signIn()).username;
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        ctx.write([], (tx) => ctx.audit(tx, { action: 'partner:signIn', result: 'failed', objectType: 'partner', detail: { reason } }));
        return failSaying('REMOTE_ERROR', 'partner.signInIncomplete', { reason }, `Partner Center sign-in did not complete: ${reason}`);
      }
      ctx.write([], (tx) => ctx.audit(tx, { action: 'partner:signIn', objectType: 'partner', objectId: username, detail: { account: username } }));
      return ok({ account: username });
    },

    'partner:signOut': async (_input, ctx) => {
      if (!link) return notConfigured();
      const before = (await link.tokenProvider.account().catch(() => null))?.username ?? null;
      await link.tokenProvider.signOut();
      ctx.write([], (tx) => ctx.audit(tx, { action: 'partner:signOut', objectType: 'partner', objectId: before, detail: { account: before } }));
      return ok({ done: true as const });
    },
  };
}
