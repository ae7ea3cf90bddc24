// What the tuple picker lists and warns about, from the core's choices and what was typed. Pure, so
// the order (recent before catalogue) and the spelling warnings are tested without a screen.
import type { TupleChoices } from '../../../../shared/contract/scans';

export interface TupleOption {
  readonly value: string;
  readonly from: 'recent' | 'catalog';
  /** What a model code is called on the box; null for manufacturers and plain model names. */
  readonly description: string | null;
}

export type SpellingCheck =
  | { readonly kind: 'listed' }
  | { readonly kind: 'empty' }
  /** Same letters, other case: Autopilot would not match it. */
  | { readonly kind: 'case'; readonly listed: string }
  | { readonly kind: 'unlisted' };

export const manufacturerOptions = (choices: TupleChoices): TupleOption[] =>
  dedupe(choices.manufacturers.map((m) => ({ value: m.name, from: m.from, description: null })));

/** Models of one manufacturer (the core was asked for that one; a recent pair of another is left out). */
export function modelOptions(choices: TupleChoices, manufacturer: string): TupleOption[] {
  const wanted = manufacturer.trim();
  return dedupe(choices.models.filter((m) => wanted === '' || m.manufacturer === wanted).map((m) => ({ value: m.model, from: m.from, description: m.description })));
}

/**
 * Options matching what was typed (anywhere in the value or its description, any case): recent ones
 * first, then the catalogue; within each, an exact spelling first, then those starting with the text.
 */
export function filterOptions(options: readonly TupleOption[], typed: string): TupleOption[] {
  const text = typed.trim().toLowerCase();
  const matches = text === '' ? [...options] : options.filter((o) => o.value.toLowerCase().includes(text) || (o.description?.toLowerCase().includes(text) ?? false));
  const rank = (o: TupleOption): number => (o.from === 'recent' ? 0 : 3) + (text === '' ? 0 : o.value === typed.trim() ? 0 : o.value.toLowerCase().startsWith(text) ? 1 : 2);
  return matches.map((o, i) => ({ o, i })).sort((a, b) => rank(a.o) - rank(b.o) || a.i - b.i).map(({ o }) => o);
}

/** Whether a typed value is spelled as one the list knows; Autopilot compares case-sensitively. */
export function checkSpelling(typed: string, options: readonly TupleOption[]): SpellingCheck {
  const value = typed.trim();
  if (value === '') return { kind: 'empty' };
  if (options.some((o) => o.value === value)) return { kind: 'listed' };
  const folded = options.find((o) => o.value.toLowerCase() === value.toLowerCase());
  return folded ? { kind: 'case', listed: folded.value } : { kind: 'unlisted' };
}

function dedupe(options: TupleOption[]): TupleOption[] {
  const seen = new Set<string>();
  return options.filter((o) => (seen.has(o.value) ? false : (seen.add(o.value), true)));
}
