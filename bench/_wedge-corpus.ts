// Keyboard-wedge confusion matrix per scanner/typing class on a seeded corpus (issue 13), filed
// under the scan group. Classes and ranges: test/fixtures/scanner/keystroke-corpus.ts.
import { buildCorpus } from '../test/fixtures/scanner/keystroke-corpus';
import { confusion } from '../test/fixtures/scanner/run-corpus';

export const WEDGE_SEED = 20261207;
export const WEDGE_PER_CLASS = 300;

export function wedgeFigures(): Record<string, unknown> {
  const started = performance.now();
  const matrix = confusion(buildCorpus(WEDGE_SEED, WEDGE_PER_CLASS), WEDGE_SEED);
  return {
    wedge_confusion: { seed: WEDGE_SEED, per_class: WEDGE_PER_CLASS, outcomes: 'right = taken with the right value; flagged = taken but refused as layout damage (run the scanner test); missed; wrong = taken with a wrong value; human-taken = a person typing taken for a scan', matrix },
    wedge_corpus_ms: Math.round(performance.now() - started),
  };
}
