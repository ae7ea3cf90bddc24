// Manufacturer and model as the firmware spells them, chosen from the core's lists: the fields of the
// tuple picker on the Scan page and of the lead's line correction. Autopilot matches both
// case-sensitively, so a value not spelled as listed is flagged (amber), never silently changed.
import type { ReactNode, Ref } from 'react';
import { Trans } from 'react-i18next';
import { useTranslation } from '../../i18n';
import { TupleCombo } from './TupleCombo';
import { checkSpelling, manufacturerOptions, modelOptions, type SpellingCheck } from './tuple-options';
import { useTupleChoices } from './use-tuple-choices';
import './tuple.css';

interface Props {
  idPrefix: string;
  manufacturer: string;
  model: string;
  onManufacturer(value: string): void;
  onModel(value: string): void;
  /** Enter in the model field with nothing highlighted, or a model chosen: the pair is complete. */
  onDone(): void;
  manufacturerRef?: Ref<HTMLInputElement>;
  modelRef?: Ref<HTMLInputElement>;
}

export function TupleFields({ idPrefix, manufacturer, model, onManufacturer, onModel, onDone, manufacturerRef, modelRef }: Props): ReactNode {
  const { t } = useTranslation('tuple');
  const choices = useTupleChoices(manufacturer);
  const makes = manufacturerOptions(choices.manufacturers);
  const models = modelOptions(choices.models, manufacturer);
  const focusModel = (): void => document.getElementById(`${idPrefix}-model`)?.focus();
  return (
    <div className="tuple-fields">
      <p className="tuple-rule" data-testid={`${idPrefix}-rule`}>
        <Trans t={t} i18nKey="rule" components={{ q: <q /> }} />
      </p>
      {choices.problem !== null && (
        <p className="tuple-warning" role="alert">
          {choices.problem}
        </p>
      )}
      <TupleCombo
        id={`${idPrefix}-make`}
        label={t('manufacturer')}
        value={manufacturer}
        options={makes}
        onChange={onManufacturer}
        onChoose={(value) => {
          onManufacturer(value);
          focusModel();
        }}
        onEnter={focusModel}
        inputRef={manufacturerRef}
        placeholder={t('manufacturerPlaceholder')}
      >
        <SpellingWarning testId={`${idPrefix}-make-warning`} what="manufacturer" check={checkSpelling(manufacturer, makes)} onUse={onManufacturer} />
      </TupleCombo>
      <TupleCombo
        id={`${idPrefix}-model`}
        label={t('model')}
        value={model}
        options={models}
        onChange={onModel}
        onChoose={(value) => {
          onModel(value);
          onDone();
        }}
        onEnter={onDone}
        inputRef={modelRef}
        placeholder={t('modelPlaceholder')}
      >
        <SpellingWarning testId={`${idPrefix}-model-warning`} what="model" check={checkSpelling(model, models)} onUse={onModel} />
      </TupleCombo>
    </div>
  );
}

function SpellingWarning({ testId, what, check, onUse }: { testId: string; what: 'manufacturer' | 'model'; check: SpellingCheck; onUse(value: string): void }): ReactNode {
  const { t } = useTranslation('tuple');
  if (check.kind === 'listed' || check.kind === 'empty') return null;
  return (
    <p className="tuple-warning" role="status" data-testid={testId} data-kind={check.kind}>
      {check.kind === 'case' ? (
        <>
          <Trans t={t} i18nKey={`caseWarning.${what}`} values={{ listed: check.listed }} components={{ listed: <strong /> }} />{' '}
          <button type="button" className="btn btn-small" onClick={() => onUse(check.listed)} data-testid={`${testId}-use`}>
            {t('use', { value: check.listed })}
          </button>
        </>
      ) : (
        t(`unlisted.${what}`)
      )}
    </p>
  );
}
