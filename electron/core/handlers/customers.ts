// The customer list: fetched whole from Partner Center by a lead, cached in SQLite so scanning,
// review and approval work offline. A failed refresh leaves the cache exactly as it was.
import { failSaying, followUp, ok } from '../../../shared/contract';
import type { customerChannels } from '../../../shared/contract/customers';
import { lastCustomerRefreshAt, replaceCustomers, searchCustomers } from '../../../db/repos/customers';
import type { Handlers } from '../dispatcher';
import { notConfigured, remoteFailure } from '../partner/partner-failures';
import type { PartnerLink } from '../partner/partner-link';

export const RELATIONSHIP_EXPLANATION = [
  'Send this link to the customer. Their Global Administrator opens it, signs in to the Microsoft 365 admin center and accepts the reseller relationship.',
  'Delegated administration rights (DAP/GDAP) are NOT needed to register Autopilot devices: the administrator may untick "Include delegated administration permissions".',
  'Once accepted (it takes effect at once), refresh the customer list here: the customer appears and can be chosen for a batch.',
].join(' ');

export function customerHandlers(link: PartnerLink | null): Pick<Handlers, keyof typeof customerChannels> {
  return {
    'customers:refresh': async (_input, ctx) => {
      if (!link) return notConfigured();
      const res = await link.client.customers.list();
      if (!res.ok) {
        ctx.write([], (tx) => ctx.audit(tx, {
          action: 'customers:refresh',
          result: 'failed',
          objectType: 'customers',
          detail: { kind: res.error.kind, status: res.error.status, requestId: res.error.requestId, correlationId: res.error.correlationId },
        }));
        const last = lastCustomerRefreshAt(ctx.db);
        const kept = last === null
          ? followUp('partner.then.noCustomerList', {}, 'No customer list has been fetched yet.')
          : followUp('partner.then.customerListKept', { at: last }, `The customer list from ${new Date(last).toISOString()} was kept unchanged.`);
        return remoteFailure(res.error, kept);
      }
      const at = ctx.now();
      const fetched = res.value.items.map((c) => ({ tenantId: c.tenantId, companyName: c.companyName, domain: c.domain, relationship: c.relationship }));
      return ctx.write(['customers'], (tx) => {
        const counts = replaceCustomers(tx, fetched, at);
        ctx.audit(tx, { action: 'customers:refresh', objectType: 'customers', detail: { ...counts, pages: res.value.pages, refreshedAt: at, requestId: res.meta.requestId } });
        return ok({ refreshedAt: at, pages: res.value.pages, ...counts });
      });
    },

    'customers:list': ({ search }, ctx) => {
      const refreshedAt = lastCustomerRefreshAt(ctx.db);
      const customers = searchCustomers(ctx.db, search).map((c) => ({
        tenantId: c.tenantId,
        companyName: c.companyName,
        domain: c.domain,
        relationship: c.relationship,
        refreshedAt: c.refreshedAt,
        listed: refreshedAt === null || c.refreshedAt >= refreshedAt,
      }));
      return ok({ refreshedAt, customers });
    },

    'customers:relationshipRequest': async (_input) => {
      if (!link) return notConfigured();
      const res = await link.client.customers.relationshipRequest();
      if (!res.ok) return remoteFailure(res.error, followUp('partner.then.noInvitation', {}, 'No invitation link was made.'));
      if (!/^https:\/\//i.test(res.value.url)) return failSaying('REMOTE_ERROR', 'partner.invitationNotHttps', {}, 'Partner Center sent an invitation link that is not https; it was not shown.');
      return ok({ url: res.value.url, explanation: RELATIONSHIP_EXPLANATION });
    },
  };
}
