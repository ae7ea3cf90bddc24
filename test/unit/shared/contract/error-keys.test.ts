// The keys the core may name (shared/contract/error-keys.ts) and the English catalog agree: every key
// has its sentence (all plural forms when it takes a count), every placeholder a sentence uses is a
// param the core sends, and the catalog has no key the core cannot send. Other languages are held to
// English by test/unit/renderer/i18n/catalogs.test.ts, so together no refusal reaches a screen as a key.
import { describe, expect, it } from 'vitest';
import en from '../../../../renderer/src/i18n/locales/en.json';
import { errorCodes, errorKeys, errorSayings, failSaying, isErrorKey, paramKinds } from '../../../../shared/contract';

type Tree = { [key: string]: string | Tree };
const catalog = en.errors satisfies Tree;

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const sentences = flatten(catalog);
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]);
/** What the UI itself owns in the namespace: the per-code fallbacks, the batch-state words, the fallback frame. */
const uiOwned = (key: string) => key.startsWith('code.') || key.startsWith('batchState.') || key === 'fallback';

describe('error keys', () => {
  it.each(errorKeys)('%s has its English sentence, using only the params the core sends', (key) => {
    const kinds = errorSayings[key] as Record<string, string>;
    const forms = kinds.count === 'count' ? [`${key}_one`, `${key}_other`] : [key];
    for (const form of forms) {
      const text = sentences.get(form);
      expect(text, `en.json errors lacks ${form}`).toBeTypeOf('string');
      for (const name of placeholders(text ?? '')) expect(Object.keys(kinds), `${form} uses {{${name}}}`).toContain(name);
    }
    if (kinds.count !== 'count') expect(sentences.has(`${key}_other`), `${key} has plural forms but no count`).toBe(false);
  });

  it('leaves no sentence in the errors namespace that the core cannot name', () => {
    for (const key of sentences.keys()) {
      if (uiOwned(key)) continue;
      expect(isErrorKey(key.replace(/_(zero|one|two|few|many|other)$/, '')), `en.json errors.${key} is named by no core error`).toBe(true);
    }
  });

  it('has a sentence for every error code, the fallback when the core names no key', () => {
    for (const code of errorCodes) expect(sentences.get(`code.${code}`), code).toBeTypeOf('string');
  });

  it('failSaying keeps the English message and details, and adds the key with its params', () => {
    expect(failSaying('INVALID_STATE', 'batch.notOpen', { batch: 'Dock-A', state: 'closed' }, 'Batch Dock-A is not open (it is closed).', { batchId: 4 })).toEqual({
      ok: false,
      error: { code: 'INVALID_STATE', message: 'Batch Dock-A is not open (it is closed).', details: { batchId: 4 }, say: { key: 'batch.notOpen', params: { batch: 'Dock-A', state: 'closed' } } },
    });
    expect(failSaying('NOT_SIGNED_IN', 'session.signInFirst', {}, 'Sign in first.')).toEqual({ ok: false, error: { code: 'NOT_SIGNED_IN', message: 'Sign in first.', say: { key: 'session.signInFirst' } } });
  });

  it('knows each param kind only for registered keys', () => {
    expect(paramKinds('session.lockedOut')).toEqual({ name: 'text', until: 'time' });
    expect(paramKinds('no.such.key')).toEqual({});
    expect(isErrorKey('toString')).toBe(false);
  });
});
