// One HTTP exchange with a deadline. Answers what happened (a response with its body read, a timeout,
// a connection error, the caller cancelling) instead of throwing; the retry loop decides what next.
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

export type HttpOutcome =
  | { kind: 'response'; status: number; headers: Headers; text: string }
  | { kind: 'timeout' }
  | { kind: 'network'; message: string }
  | { kind: 'cancelled' };

function describe(err: unknown): string {
  if (err instanceof Error) {
    const cause = (err as Error & { cause?: unknown }).cause;
    const inner = cause instanceof Error ? `: ${(cause as Error & { code?: string }).code ?? cause.message}` : '';
    return `${err.message}${inner}`;
  }
  return String(err);
}

/** Sends one request; the timeout covers connecting, the headers and reading the whole body. */
export async function send(fetchImpl: FetchLike, req: HttpRequest): Promise<HttpOutcome> {
  if (req.signal?.aborted) return { kind: 'cancelled' };
  const deadline = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    deadline.abort(new DOMException('Partner Center did not answer in time', 'TimeoutError'));
  }, req.timeoutMs);
  const signal = req.signal ? AbortSignal.any([deadline.signal, req.signal]) : deadline.signal;
  try {
    const res = await fetchImpl(req.url, { method: req.method, headers: req.headers, body: req.body, signal, redirect: 'manual' });
    // fetch's text() would drop a BOM silently; decode by hand so parse.ts sees exactly what came.
    const buffer = await res.arrayBuffer();
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(buffer);
    return { kind: 'response', status: res.status, headers: res.headers, text };
  } catch (err) {
    if (timedOut) return { kind: 'timeout' };
    if (req.signal?.aborted) return { kind: 'cancelled' };
    return { kind: 'network', message: describe(err) };
  } finally {
    clearTimeout(timer);
  }
}

/** Waits ms, or less if the signal aborts (then resolves false). */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, Math.max(0, ms));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
