// Partner Center answers camelCase, but the SDK world is PascalCase and a doc sample starts with a
// UTF-8 BOM; both have been seen by tools in the wild. Bodies are read leniently: BOM stripped, every
// object key normalised to camelCase, then checked by a zod schema that keeps only what we use.
import type { z } from 'zod';

export const BOM = '\uFEFF';

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** `BatchId` → `batchId`, `ID` → `id`, `devicesStatus` stays; snake/kebab keys are left alone. */
export function camelKey(key: string): string {
  if (key === '') return key;
  if (/^[A-Z0-9]+$/.test(key)) return key.toLowerCase();
  // A leading run of capitals is an acronym: `URLLink` → `urlLink`, `ETag` → `eTag`.
  const run = /^[A-Z]+(?=[A-Z][a-z])/.exec(key)?.[0];
  if (run && run.length > 1) return run.toLowerCase() + key.slice(run.length);
  return key.charAt(0).toLowerCase() + key.slice(1);
}

export function camelKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const key = camelKey(k);
      // If both `Id` and `id` are present, the camelCase original wins.
      if (key in out && k !== key) continue;
      out[key] = camelKeys(v);
    }
    return out;
  }
  return value;
}

export type JsonRead = { ok: true; value: unknown } | { ok: false; problem: string };

/** An empty body is `undefined`; otherwise JSON with a BOM tolerated and keys camelCased. */
export function readJson(text: string): JsonRead {
  const clean = stripBom(text).trim();
  if (clean === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: camelKeys(JSON.parse(clean)) };
  } catch (err) {
    return { ok: false, problem: `the body is not JSON (${err instanceof Error ? err.message : String(err)})` };
  }
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

/** Reads a body and checks it against a schema; the problem names the first failing path. */
export function parseBody<S extends z.ZodType>(text: string, schema: S): Parsed<z.output<S>> {
  const json = readJson(text);
  if (!json.ok) return json;
  return parseValue(json.value, schema);
}

export function parseValue<S extends z.ZodType>(value: unknown, schema: S): Parsed<z.output<S>> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  return { ok: false, problem: `unexpected answer${where}: ${issue?.message ?? 'invalid'}` };
}
