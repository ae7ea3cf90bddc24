// Logs go into support bundles and onto the desks of people outside the warehouse, so anything that
// looks like a secret is masked before a line is written: values under a secret-sounding key, and
// Bearer tokens, JWTs and `secret=value` pairs inside any text. Redaction errs on the side of masking.

export const REDACTED = '[redacted]';

/** One word of a key (after splitting camelCase, snake_case, kebab-case) that marks its value secret. */
const SECRET_WORD = /^(pins?|pincode|passphrase|auth|refresh|bearer)$/;
/**
 * The key with separators removed and lower-cased: these anywhere mark it secret ("oldpassword",
 * "x-client-secret"). `pin` only at either end, so "shipping" or "mapping" stay readable.
 */
const SECRET_COMPACT = /(passw(or)?d|passwd|secret|token|authorization|assertion|cookie|credential|apikey|privatekey|^pin|pins?$|pincode|pinhash)/;

function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

export function isSecretKey(key: string): boolean {
  if (SECRET_COMPACT.test(key.toLowerCase().replace(/[^a-z0-9]/g, ''))) return true;
  return keyWords(key).some((w) => SECRET_WORD.test(w));
}

const BEARER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi;
/** Three base64url parts, the first starting like a JSON header: a JWT (access and id tokens). */
const JWT = /\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;
/** `key=` or `key:` (query strings, form bodies, JSON in messages); the value after it is masked when the key sounds secret. */
// The look-behind makes a key start only where a word starts, so a long run of letters is scanned once.
const KEY_SEP = /(?<![A-Za-z0-9_.-])(["']?)([A-Za-z][A-Za-z0-9_.-]*)\1(\s*[:=]\s*)/g;
const VALUE = /^("[^"]*"|'[^']*'|[^\s&,;"'}\]]+)/;
/** Already masked, or the scheme word of an Authorization header (its credentials were masked before). */
const LEAVE_VALUE = /^["']?(\[redacted\]|Bearer|Basic)["']?$/i;

function redactPairs(text: string): string {
  let out = '';
  let from = 0;
  KEY_SEP.lastIndex = 0;
  for (let m = KEY_SEP.exec(text); m !== null; m = KEY_SEP.exec(text)) {
    const valueAt = m.index + m[0].length;
    if (!isSecretKey(m[2]!)) continue; // only the key and separator were consumed: a value may itself be a key
    const value = VALUE.exec(text.slice(valueAt))?.[1];
    if (value === undefined || LEAVE_VALUE.test(value)) continue;
    const q = value.startsWith('"') ? '"' : value.startsWith("'") ? "'" : '';
    out += `${text.slice(from, valueAt)}${q}${REDACTED}${q}`;
    from = valueAt + value.length;
    KEY_SEP.lastIndex = from;
  }
  return out + text.slice(from);
}

/** Longer text is cut before it is searched: a log line is for reading, not for carrying payloads. */
export const MAX_TEXT_CHARS = 16 * 1024;

export function redactText(input: string, maxChars = MAX_TEXT_CHARS): string {
  const text = input.length > maxChars ? `${input.slice(0, maxChars)}…[${input.length - maxChars} more characters cut]` : input;
  return redactPairs(text.replace(BEARER, (_m, scheme: string) => `${scheme} ${REDACTED}`).replace(JWT, REDACTED));
}

export interface DescribedError {
  name: string;
  message: string;
  stack?: string;
  code?: string;
  cause?: DescribedError | string;
}

/** An error as plain fields (name, message, stack, code, one level of cause), with secrets masked. */
export function describeError(err: unknown, depth = 0): DescribedError | string {
  if (!(err instanceof Error)) return redactText(typeof err === 'string' ? err : safeString(err));
  const described: DescribedError = { name: err.name, message: redactText(err.message) };
  if (err.stack) described.stack = redactText(err.stack);
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string' || typeof code === 'number') described.code = String(code);
  if (err.cause !== undefined && depth < 2) described.cause = describeError(err.cause, depth + 1);
  return described;
}

function safeString(value: unknown): string {
  try {
    return String(value);
  } catch {
    return '[unprintable]';
  }
}

const MAX_DEPTH = 6;

/** A JSON-safe copy of `value` with every secret masked; cycles and deep nesting are cut, never thrown on. */
export function redactValue(value: unknown, seen: WeakSet<object> = new WeakSet(), depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value.toString();
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (value instanceof Error) return describeError(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value !== 'object') return undefined;
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[nested too deep]';
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => redactValue(item, seen, depth + 1) ?? null);
    if (ArrayBuffer.isView(value)) return `[${value.byteLength} bytes]`;
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (isSecretKey(key)) {
        if (item !== undefined) out[key] = REDACTED;
        continue;
      }
      const copy = redactValue(item, seen, depth + 1);
      if (copy !== undefined) out[key] = copy;
    }
    return out;
  } finally {
    seen.delete(value);
  }
}
