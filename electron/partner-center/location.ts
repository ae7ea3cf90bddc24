// Where a 202's job status lives. Partner Center documents a relative Location without `/v1`
// (`/customers/{cid}/batchJobStatus/{id}`); tools also see `/v1/...`, absolute URLs, and a generated
// reference that puts the link in the body (UNVERIFIED). The header is read first, the body second.
export interface StatusLocation {
  customerId: string;
  trackingId: string;
}

const STATUS_PATH = /(?:^|\/)customers\/([^/?#]+)\/batchjobstatus\/([^/?#]+)\/?(?:[?#].*)?$/i;

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Reads a status link in any of its forms: relative with or without `/v1`, or absolute. */
export function parseStatusUri(uri: string | null | undefined): StatusLocation | undefined {
  if (!uri) return undefined;
  let path = uri.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) {
    try {
      path = new URL(path).pathname;
    } catch {
      return undefined;
    }
  }
  const match = STATUS_PATH.exec(path);
  if (!match?.[1] || !match[2]) return undefined;
  return { customerId: decode(match[1]), trackingId: decode(match[2]) };
}

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
}

/**
 * The tracking id of an accepted job: from the Location header, else from a body that carries a
 * `location`, a `links.self.uri` or a bare `batchTrackingId` (keys already camelCased).
 */
export function statusLocation(header: string | null | undefined, body: unknown, customerId: string): StatusLocation | undefined {
  const fromHeader = parseStatusUri(header);
  if (fromHeader) return fromHeader;
  for (const candidate of [field(body, 'location'), field(field(field(body, 'links'), 'self'), 'uri'), field(field(body, 'link'), 'uri')]) {
    if (typeof candidate === 'string') {
      const parsed = parseStatusUri(candidate);
      if (parsed) return parsed;
    }
  }
  const id = field(body, 'batchTrackingId') ?? field(body, 'trackingId');
  if (typeof id === 'string' && id.trim() !== '') return { customerId, trackingId: id.trim() };
  return undefined;
}
