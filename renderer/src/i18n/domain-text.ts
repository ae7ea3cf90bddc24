// The shared domain's verdicts (a PIN rule, the batch-name rule, an identity) in the operator's language:
// shared/ says them as codes and values, its English formatters stay for the core and the CLI.
import { BATCH_NAME_MAX, batchNameRuleBroken } from '../../../shared/domain/batch';
import type { IdentitySummary } from '../../../shared/domain/identity';
import { PIN_MAX, PIN_MIN, pinRuleBroken } from '../../../shared/domain/pin';
import { i18n } from '.';

export function pinProblemText(pin: string): string | null {
  const rule = pinRuleBroken(pin);
  return rule === null ? null : i18n.t(`pinProblem.${rule}`, { ns: 'components', min: PIN_MIN, max: PIN_MAX });
}

export function batchNameProblemText(name: string): string | null {
  const rule = batchNameRuleBroken(name);
  return rule === null ? null : i18n.t(`batchName.${rule}`, { ns: 'components', max: BATCH_NAME_MAX });
}

/** What will be sent, or what is missing; the core's English label when the summary has no words. */
export function identityText(identity: IdentitySummary): string {
  const w = identity.words;
  const ns = 'components';
  switch (w?.kind) {
    case 'hash':
      return w.serial ? i18n.t('identityLabel.hashAndSerial', { ns, count: w.hashLength, serial: w.serial }) : i18n.t('identityLabel.hash', { ns, count: w.hashLength });
    case 'pkid':
      return i18n.t('identityLabel.pkid', { ns, pkid: w.pkid });
    case 'tuple':
      return i18n.t('identityLabel.tuple', { ns, serial: w.serial, manufacturer: w.manufacturer, model: w.model });
    case 'needsTuple':
      return i18n.t(`identityLabel.needs.${w.missing}`, { ns, serial: w.serial });
    case 'none':
      return i18n.t('identityLabel.none', { ns });
    default:
      return identity.label;
  }
}
