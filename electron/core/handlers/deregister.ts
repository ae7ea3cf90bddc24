// devices:deregisterPreview / devices:deregister: removing registered devices from Autopilot. The rules
// live in electron/core/deregistration/; each channel hands its input to one of them.
import type { deregisterChannels } from '../../../shared/contract/deregister';
import { removalPreview } from '../deregistration/removal-preview';
import { requestRemoval } from '../deregistration/request-removal';
import type { Handlers } from '../dispatcher';
import { notConfigured } from '../partner/partner-failures';
import type { PartnerLink } from '../partner/partner-link';

export function deregisterHandlers(link: PartnerLink | null): Pick<Handlers, keyof typeof deregisterChannels> {
  return {
    'devices:deregisterPreview': ({ batchId }, ctx) => removalPreview(ctx, batchId),
    'devices:deregister': (input, ctx) => (link ? requestRemoval(ctx, link, input) : notConfigured()),
  };
}
