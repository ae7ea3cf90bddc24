// A customer's Autopilot profiles (Partner Center "configuration policies"), as the assign dialog lists them.
import { followUp, ok, type ChannelOutput, type Result } from '../../../shared/contract';
import { PROFILES_NOTE } from '../../../shared/contract/profiles';
import { remoteFailure } from '../partner/partner-failures';
import type { PartnerLink } from '../partner/partner-link';

export async function listProfiles(link: PartnerLink, customerTenantId: string): Promise<Result<ChannelOutput<'profiles:list'>>> {
  const res = await link.client.policies.list(customerTenantId);
  if (!res.ok) return remoteFailure(res.error, followUp('partner.then.profilesNotRead', {}, 'The profile list could not be read.'));
  const profiles = res.value.items.map((p) => ({ id: p.id, name: p.name, description: p.description ?? null, settings: p.policySettings ?? [], devicesAssigned: p.devicesAssigned ?? null }));
  return ok({ profiles, note: PROFILES_NOTE });
}
