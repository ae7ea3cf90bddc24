// Schemas shared by several domains.
import { z } from 'zod';
import { roles } from '../domain/roles';
import { nameLooksLikePin, operatorNamePattern, PIN_LIKE_NAME } from '../domain/names';
import { pinProblem } from '../domain/pin';

export const empty = z.strictObject({});
export const done = z.strictObject({ done: z.literal(true) });

export const role = z.enum(roles);

export const operatorName = z
  .string()
  .trim()
  .regex(operatorNamePattern, 'A name is 1 to 40 letters, digits, spaces, dots, apostrophes or dashes, starting with a letter or digit.')
  .refine((name) => !nameLooksLikePin(name), PIN_LIKE_NAME);

export const pin = z.string().superRefine((value, ctx) => {
  const problem = pinProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

export const operatorView = z.object({
  id: z.number().int(),
  name: z.string(),
  role,
  active: z.boolean(),
  lockedUntil: z.number().nullable(),
  failedAttempts: z.number().int(),
});
export type OperatorView = z.infer<typeof operatorView>;

export const id = z.number().int().positive();

/** Which identity a device will be sent with (shared/domain/identity.ts), or why it has none. */
const identityWords = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('hash'), hashLength: z.number().int(), serial: z.string().nullable() }),
  z.object({ kind: z.literal('pkid'), pkid: z.string() }),
  z.object({ kind: z.literal('tuple'), serial: z.string(), manufacturer: z.string(), model: z.string() }),
  z.object({ kind: z.literal('needsTuple'), serial: z.string(), missing: z.enum(['manufacturer', 'model', 'both']) }),
  z.object({ kind: z.literal('none') }),
]);
export const identitySummary = z.object({ kind: z.enum(['hash', 'pkid', 'tuple']).nullable(), label: z.string(), words: identityWords.optional() });
