// Autopilot profiles (Partner Center "configuration policies"): list a customer's, assign one to a
// batch's registered devices, and say which wait for one. The rules live in electron/core/profiles/.
import type { profileChannels } from '../../../shared/contract/profiles';
import type { Handlers } from '../dispatcher';
import { notConfigured } from '../partner/partner-failures';
import type { PartnerLink } from '../partner/partner-link';
import { assignProfile } from '../profiles/assign-profile';
import { listProfiles } from '../profiles/list-profiles';
import { profilesWaiting } from '../profiles/profiles-waiting';

export function profileHandlers(link: PartnerLink | null, sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))): Pick<Handlers, keyof typeof profileChannels> {
  return {
    'profiles:list': ({ customerTenantId }) => (link ? listProfiles(link, customerTenantId) : notConfigured()),
    'profiles:assign': (input, ctx) => (link ? assignProfile(ctx, link, input, sleep) : notConfigured()),
    'profiles:waiting': ({ batchId }, ctx) => profilesWaiting(ctx, batchId),
  };
}
