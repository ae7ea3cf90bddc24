// Batch rules shared by the scan screen and the core. A batch name becomes the Partner Center batch
// id, a URL path segment that Partner Center matches case-insensitively.
export const BATCH_NAME_MAX = 64;
export const batchNamePattern = /^[A-Za-z0-9 ._-]+$/;

export type BatchNameRule = 'empty' | 'tooLong' | 'characters';

/** The first rule a batch name breaks, as a code the screens say in the operator's language. */
export function batchNameRuleBroken(name: string): BatchNameRule | null {
  const trimmed = name.trim();
  if (trimmed.length === 0) return 'empty';
  if (trimmed.length > BATCH_NAME_MAX) return 'tooLong';
  if (!batchNamePattern.test(trimmed)) return 'characters';
  return null;
}

const BATCH_NAME_ENGLISH: Record<BatchNameRule, string> = {
  empty: 'A batch needs a name.',
  tooLong: `A batch name has at most ${BATCH_NAME_MAX} characters.`,
  characters: 'A batch name may use letters, digits, spaces, dots, dashes and underscores only.',
};

/** The broken rule in English, for the core's validation and the CLI. */
export function batchNameProblem(name: string): string | null {
  const rule = batchNameRuleBroken(name);
  return rule === null ? null : BATCH_NAME_ENGLISH[rule];
}

export function batchNameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLowerCase();
}

export const batchStateLabels = {
  open: 'Open for scanning',
  closed: 'Ready for review',
  approved: 'Approved',
  uploading: 'Uploading',
  registered: 'Registered',
  needs_attention: 'Needs attention',
} as const;
export type BatchState = keyof typeof batchStateLabels;
export const batchStates = Object.keys(batchStateLabels) as BatchState[];
