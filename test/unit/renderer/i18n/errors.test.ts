import { describe, expect, it } from 'vitest';
import { i18n, setLanguage } from '../../../../renderer/src/i18n';
import { errorText } from '../../../../renderer/src/i18n/errors';

describe('errorText', () => {
  it("says the core's English when the error carries no catalog key, or one no catalog has", () => {
    expect(errorText({ code: 'CONFLICT', message: 'Batch P-1 is not open.' })).toBe('Batch P-1 is not open.');
    expect(errorText({ code: 'CONFLICT', message: 'Batch P-1 is not open.', say: { key: 'no.such.key' } })).toBe('Batch P-1 is not open.');
  });

  it("says the catalog's words with their placeholders in the operator's language when the key exists", () => {
    i18n.addResource('en', 'errors', 'probe.notOpen', 'Batch {{name}} is not open.');
    i18n.addResource('de', 'errors', 'probe.notOpen', 'Charge {{name}} ist nicht offen.');
    const error = { code: 'CONFLICT', message: 'Batch P-1 is not open.', say: { key: 'probe.notOpen', params: { name: 'P-7' } } } as const;
    expect(errorText(error)).toBe('Batch P-7 is not open.');
    setLanguage('de');
    try {
      expect(errorText(error)).toBe('Charge P-7 ist nicht offen.');
    } finally {
      setLanguage('en');
    }
  });
});
