// The identity of a review or upload row, as the core summarised it (reviewDevice.identity). Rows
// from a core that does not send the summary yet fall back to the shared domain rule, so the badge
// never disagrees with what upload will send.
import type { ReviewDevice } from '../../../../shared/contract/review';
import { identitySummary } from '../../../../shared/contract/common';
import { summariseIdentity, type IdentitySummary } from '../../../../shared/domain/identity';

export function rowIdentity(d: ReviewDevice): IdentitySummary {
  if ('identity' in d) {
    const sent = identitySummary.safeParse(d.identity);
    if (sent.success) return sent.data;
  }
  if (d.hasHardwareHash) return { kind: 'hash', label: `Hardware hash${d.serial ? ` + serial ${d.serial}` : ''}` };
  return summariseIdentity({ pkid: d.pkid, serial: d.serial, manufacturer: d.manufacturer, model: d.model, hardwareHash: null });
}
