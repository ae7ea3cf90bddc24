// Partner Center binds request JSON case-insensitively (the SDK sends PascalCase, other tools camelCase)
// and answers in camelCase. Requests are normalised to the camelCase names below before zod sees them.

const KNOWN_KEYS = [
  'attributes', 'objectType', 'batchId', 'devices', 'id', 'productKey', 'serialNumber', 'hardwareHash',
  'modelName', 'oemManufacturerName', 'policies', 'key', 'value', 'uploadedDate', 'allowedOperations',
  'name', 'category', 'description', 'policySettings', 'field', 'operator', 'companyName', 'domain',
  'tenantId', 'relationshipToPartner', 'allowDelegatedAccess', 'pkid', 'serial', 'manufacturer', 'model',
  'hash', 'ownerTenant', 'token', 'tokenClass', 'role',
] as const;

const byLower = new Map<string, string>(KNOWN_KEYS.map((k) => [k.toLowerCase(), k]));

function camelKey(key: string): string {
  return byLower.get(key.toLowerCase()) ?? key.charAt(0).toLowerCase() + key.slice(1);
}

function pascalKey(key: string): string {
  return key.charAt(0).toUpperCase() + key.slice(1);
}

function mapKeys(value: unknown, rename: (key: string) => string): unknown {
  if (Array.isArray(value)) return value.map((v) => mapKeys(v, rename));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[rename(k)] = mapKeys(v, rename);
    return out;
  }
  return value;
}

export function toCamelKeys(value: unknown): unknown {
  return mapKeys(value, camelKey);
}

export function toPascalKeys(value: unknown): unknown {
  return mapKeys(value, pascalKey);
}

export const BOM = '\uFEFF';

export function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

/** Parses a request body; undefined when empty, throws SyntaxError when not JSON. */
export function parseJsonBody(raw: string): unknown {
  const text = stripBom(raw).trim();
  if (text === '') return undefined;
  return toCamelKeys(JSON.parse(text));
}
