// Values shaped like a zod schema's input, for fuzzing channels past their validation: objects with
// the right keys, enums from their options, strings and numbers near the schema's checks (and some
// hostile ones), so handlers themselves are exercised, not only the boundary.
import fc from 'fast-check';
import type { z } from 'zod';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  entries?: Record<string, string>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
}

const strings = fc.oneof(
  fc.string({ minLength: 1, maxLength: 20 }),
  fc.stringMatching(/^\d{13}$/),
  fc.stringMatching(/^[A-Z0-9]{7,10}$/),
  fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ._-]{0,20}$/),
  fc.constantFrom('', ' ', '=HYPERLINK("x")', '../../etc/passwd', '\u0000', 'x'.repeat(200)),
);
const numbers = fc.oneof(fc.integer({ min: 1, max: 50 }), fc.integer({ min: -5, max: 2 ** 31 }), fc.constantFrom(0, 1, 2));

export function arbitraryFor(schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  switch (def.type) {
    case 'object': {
      const entries = Object.entries(def.shape ?? {}).map(([k, v]) => [k, arbitraryFor(v, depth + 1)] as const);
      return fc.record(Object.fromEntries(entries), { requiredKeys: [] });
    }
    case 'string':
      return strings;
    case 'number':
      return numbers;
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? { x: 'x' }));
    case 'array':
      return depth > 4 ? fc.constant([]) : fc.array(arbitraryFor(def.element as z.ZodType, depth + 1), { maxLength: 4 });
    case 'optional':
    case 'nullable':
    case 'default':
      return fc.option(arbitraryFor(def.innerType as z.ZodType, depth + 1), { nil: undefined });
    case 'pipe':
      return arbitraryFor(def.in as z.ZodType, depth + 1);
    case 'union':
      return fc.oneof(...(def.options ?? []).map((o) => arbitraryFor(o, depth + 1)));
    default:
      return fc.anything();
  }
}
