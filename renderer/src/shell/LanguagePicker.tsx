// The signed-in operator's language, each named in itself so anyone can find their own.
import type { ReactNode } from 'react';
import { catalogs, languageOf, languages, useTranslation } from '../i18n';
import { useAppStore } from '../store/provider';

export function LanguagePicker(): ReactNode {
  const { t, i18n } = useTranslation('shell');
  const choose = useAppStore((s) => s.chooseLanguage);
  return (
    <select className="language-picker" aria-label={t('language')} value={languageOf(i18n.language)} onChange={(e) => void choose(languageOf(e.target.value))} data-testid="language-picker">
      {languages.map((l) => (
        <option key={l} value={l} lang={l}>
          {catalogs[l].common.languageName}
        </option>
      ))}
    </select>
  );
}
