// One request's path through the emulator: control routes aside, then latency and injected faults,
// contract version, auth, routing, throttling, idempotent replay, the handler, late faults, the answer.
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { authenticate, authorize } from './auth';
import { delayMs, pickFault } from './chaos';
import type { EmulatorControl } from './control';
import { handleControl } from './control-http';
import { headerValue } from './customers';
import { HttpError, faultReply, injectedReply, throttledReply } from './faults';
import { advanceAllJobs } from './jobs';
import { BOM, toPascalKeys } from './json-case';
import { apiPath, matchRoute } from './router';
import type { EmulatorState } from './state';
import type { FaultRule } from './switches';
import type { Reply, RequestLogEntry } from './types';

export interface ServerDeps {
  state: EmulatorState;
  control: EmulatorControl;
  baseUrl: () => string;
}

interface Incoming {
  method: string;
  url: URL;
  path: string;
  rawBody: string;
  req: IncomingMessage;
  requestId: string;
  clientRequestId: boolean;
  correlationId: string;
}

const SERVER_ID = String(100000000 + Math.floor(Math.random() * 900000000));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, reply: Reply, api?: { state: EmulatorState; inc: Incoming }): void {
  const headers: Record<string, string> = { ...reply.headers };
  let text = '';
  if (reply.body !== undefined) {
    const pascal = api?.state.switches.pascalCaseOutput ?? false;
    text = JSON.stringify(pascal ? toPascalKeys(reply.body) : reply.body);
    if (api?.state.switches.bom) text = BOM + text;
    headers['Content-Type'] = 'application/json; charset=utf-8';
  }
  if (api) {
    headers['MS-RequestId'] = api.inc.requestId;
    headers['MS-CorrelationId'] = api.inc.correlationId;
    headers['MS-CV'] = `${randomBytes(12).toString('base64')}.0`;
    headers['MS-ServerId'] = SERVER_ID;
    headers.Date = new Date().toUTCString();
  }
  headers['Content-Length'] = String(Buffer.byteLength(text));
  res.writeHead(reply.status, headers);
  res.end(text);
}

function idempotencyKey(state: EmulatorState, inc: Incoming): string | undefined {
  const mode = state.switches.idempotency;
  if (!inc.clientRequestId || mode === 'off' || (mode === 'writes' && inc.method === 'GET')) return undefined;
  return `${inc.requestId}|${inc.method}|${inc.path.toLowerCase()}${inc.url.search}`;
}

/** Everything between the early faults and the late ones; returns the answer and how it came about. */
function answer(deps: ServerDeps, inc: Incoming): { reply: Reply; outcome: RequestLogEntry['outcome'] } {
  const { state } = deps;
  const switches = state.switches;
  try {
    advanceAllJobs(state);
    const version = headerValue(inc.req.headers['ms-contract-version']);
    if (switches.strictContractVersion && version?.toLowerCase() !== 'v1') {
      throw new HttpError(400, 'The MS-Contract-Version header is required and must be v1.');
    }
    const principal = authenticate(inc.req.headers, state.tokens, switches, state.partnerId, state.now());
    const match = matchRoute(inc.method, inc.path);
    if (match.kind === 'none') throw new HttpError(404, `No resource at ${inc.url.pathname}.`);
    if (match.kind === 'wrong-method') {
      throw new HttpError(405, `Method ${inc.method} is not allowed here.`, 405, { Allow: match.allowed.join(', ') });
    }
    authorize(principal, match.route.id);
    const wait = state.throttle.take(switches.throttle, match.route.id, match.params.cid, state.now());
    if (wait > 0) return { reply: throttledReply(switches, wait, state.now()), outcome: 'throttled' };
    const key = idempotencyKey(state, inc);
    const stored = key ? state.idempotent.get(key) : undefined;
    if (stored && state.now() - stored.at < switches.idempotencyTtlMs) {
      return { reply: structuredClone(stored.reply), outcome: 'replayed' };
    }
    const reply = match.route.handler({
      method: inc.method, path: inc.path, query: inc.url.searchParams, headers: inc.req.headers, params: match.params,
      principal, rawBody: inc.rawBody, switches, baseUrl: deps.baseUrl(),
    }, state);
    if (key && reply.status < 500) state.idempotent.set(key, { reply: structuredClone(reply), at: state.now() });
    return { reply, outcome: 'answered' };
  } catch (error) {
    if (error instanceof HttpError) return { reply: faultReply(switches, error), outcome: 'answered' };
    console.error('[emulator] handler failed', error);
    return { reply: faultReply(switches, new HttpError(500, 'Emulator internal error.')), outcome: 'answered' };
  }
}

/** Applies a drop or hang; returns true when no answer is to be sent. */
function swallow(rule: FaultRule, inc: Incoming, entry: RequestLogEntry): boolean {
  if (rule.kind === 'drop') {
    entry.outcome = 'dropped';
    inc.req.socket.destroy();
    return true;
  }
  if (rule.kind === 'hang') {
    // Never answered; close() destroys the socket.
    entry.outcome = 'hung';
    return true;
  }
  return false;
}

/** node:http ignores a listener's promise, so a failure here must not become an unhandled rejection. */
export function createRequestListener(deps: ServerDeps) {
  const listener = serve(deps);
  return (req: IncomingMessage, res: ServerResponse): void => {
    listener(req, res).catch((error: unknown) => {
      console.error('[emulator] request failed', error);
      req.socket.destroy();
    });
  };
}

function serve(deps: ServerDeps) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const started = performance.now();
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const rawBody = await readBody(req);
    if (url.pathname.startsWith('/_emulator/')) {
      send(res, handleControl(deps.control, method, url.pathname.slice('/_emulator/'.length), rawBody, url.searchParams));
      return;
    }
    const { state } = deps;
    const givenRequestId = headerValue(req.headers['ms-requestid']);
    const inc: Incoming = {
      method, url, path: apiPath(url.pathname), rawBody, req,
      requestId: givenRequestId ?? randomUUID(),
      clientRequestId: givenRequestId !== undefined,
      correlationId: headerValue(req.headers['ms-correlationid']) ?? randomUUID(),
    };
    const entry: RequestLogEntry = {
      at: state.nowIso(), method, path: url.pathname + url.search, status: null, ms: 0,
      requestId: inc.requestId, correlationId: inc.correlationId, outcome: 'answered',
    };
    state.log.push(entry);
    const delay = delayMs(state.switches);
    if (delay > 0) await sleep(delay);
    let reply: Reply;
    const early = pickFault(state.switches, method, inc.path, false);
    if (early && swallow(early, inc, entry)) return;
    if (early?.kind === 'status') {
      reply = injectedReply(state.switches, early.status ?? 500);
      entry.outcome = 'injected';
    } else {
      const result = answer(deps, inc);
      reply = result.reply;
      entry.outcome = result.outcome;
      const late = pickFault(state.switches, method, inc.path, true);
      if (late && swallow(late, inc, entry)) return;
      if (late?.kind === 'status') {
        reply = injectedReply(state.switches, late.status ?? 500);
        entry.outcome = 'injected';
      }
    }
    send(res, reply, { state, inc });
    entry.status = reply.status;
    entry.ms = Math.round(performance.now() - started);
  };
}
