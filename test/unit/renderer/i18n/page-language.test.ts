import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../../../../renderer/src/i18n';

describe('<html lang>', () => {
  afterEach(() => setLanguage('en'));

  it('follows the current language whenever it changes', () => {
    expect(document.documentElement.lang).toBe('en');
    setLanguage('pl');
    expect(document.documentElement.lang).toBe('pl');
    setLanguage('fr');
    expect(document.documentElement.lang).toBe('fr');
    setLanguage('en');
    expect(document.documentElement.lang).toBe('en');
  });
});
