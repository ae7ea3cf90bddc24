// Batch rules shared by the scan screen and the core. A batch name becomes the Partner Center batch
// id, a URL path segment that Partner Center matches case-insensitively.
export const BATCH_NAME_MAX = 64;
export const batchNamePattern = /^[A-Za-z0-9 ._-]+$/;

export function batchNameProblem(name: string): string | null {
  const trimmed = name.trim();
  if (trimmed.length === 0) return 'A batch needs a name.';
  if (trimmed.length > BATCH_NAME_MAX) return `A batch name has at most ${BATCH_NAME_MAX} characters.`;
  if (!batchNamePattern.test(trimmed)) return 'A batch name may use letters, digits, spaces, dots, dashes and underscores only.';
  return null;
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
