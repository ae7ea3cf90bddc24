// The two-person rule on the approve dialog: whether it is on, who may approve (or why nobody can,
// and the way out), and, when the signed-in lead changed the batch, a second person's name and PIN.
// The core decides all of it; this only shows what approval:preview said.
import type { ReactNode } from 'react';
import { Trans } from 'react-i18next';
import type { ApprovalPreview } from '../../../shared/contract/approval';
import type { ChangeKind } from '../../../shared/domain/two-person';
import { PinInput } from './PinInput';
import { useTranslation } from '../i18n';
import { formatList } from '../lib/format';

export interface SecondPerson {
  name: string;
  pin: string;
}

interface Props {
  rule: ApprovalPreview['twoPersonRule'];
  second: SecondPerson;
  onSecond(next: SecondPerson): void;
  /** What the eligible people may do (the Upload page's deregister dialog reuses this panel). */
  mayLabel?: string;
}

// What a changer did, as batches.change.<key>.
const changeKeys: Readonly<Record<ChangeKind, string>> = {
  scanned: 'scanned',
  imported: 'imported',
  fixed: 'fixed',
  restored: 'restored',
  changed: 'changed',
  'changed before a move': 'changedBeforeMove',
};

/** Someone may sign off with their PIN on this dialog. */
export const canConfirmHere = (rule: ApprovalPreview['twoPersonRule']): boolean => rule.needsSecondPerson && rule.eligible.length > 0;

export function TwoPersonPanel({ rule, second, onSecond, mayLabel }: Props): ReactNode {
  const { t } = useTranslation('batches');
  const nobody = rule.enabled && rule.eligible.length === 0;
  const kind = nobody ? 'message-error' : rule.needsSecondPerson ? 'message-info' : 'message-success';
  return (
    <section className="approve-two-person" data-testid="approve-two-person" data-enabled={rule.enabled} data-needs-second={rule.needsSecondPerson}>
      <p className="approve-rule-state" data-testid="approve-rule-state">
        <Trans t={t} i18nKey={rule.enabled ? 'twoPerson.ruleOn' : 'twoPerson.ruleOff'} components={{ strong: <strong /> }} />
      </p>
      <p className={`message ${kind}`} data-testid="approve-who" role={nobody ? 'alert' : undefined}>
        {rule.explanation}
      </p>
      {rule.enabled && rule.changers.length > 0 && (
        <ul className="approve-list" data-testid="approve-changers">
          {rule.changers.map((c) => (
            <li key={c.operatorId}>
              {t('twoPerson.changer', { name: c.name, what: c.what.length ? formatList(c.what.map((w) => t(`change.${changeKeys[w]}`))) : t('change.changed') })}
            </li>
          ))}
        </ul>
      )}
      {rule.enabled && rule.eligible.length > 0 && (
        <p data-testid="approve-eligible">
          {t('twoPerson.eligible', {
            label: mayLabel ?? t('twoPerson.mayApprove'),
            names: rule.eligible.map((e) => t('twoPerson.person', { name: e.name, role: t(`common:role.${e.role}`) })).join(', '),
          })}
        </p>
      )}
      {canConfirmHere(rule) && (
        <fieldset className="approve-second" data-testid="approve-second">
          <legend>{t('twoPerson.legend')}</legend>
          <div className="field">
            <label htmlFor="approve-second-name">{t('twoPerson.who')}</label>
            <select id="approve-second-name" value={second.name} onChange={(e) => onSecond({ name: e.target.value, pin: '' })} data-testid="approve-second-name">
              {rule.eligible.map((e) => (
                <option key={e.id} value={e.name}>
                  {e.name}
                </option>
              ))}
            </select>
          </div>
          <PinInput id="approve-second-pin" label={second.name ? t('twoPerson.pinOf', { name: second.name }) : t('twoPerson.theirPin')} value={second.pin} onChange={(pin) => onSecond({ ...second, pin })} testId="approve-second-pin" />
        </fieldset>
      )}
    </section>
  );
}
