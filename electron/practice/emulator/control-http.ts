// The control hooks over HTTP under /_emulator/..., so a test in another process can drive an emulator
// started with `npm run emulator`. Plain camelCase JSON, no auth (loopback only), not logged.
import { z } from 'zod';
import type { EmulatorControl } from './control';
import { parseJsonBody } from './json-case';
import type { Reply } from './types';

type ControlRoute = (body: unknown, query: URLSearchParams) => unknown;

const oneOrMany = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);
const clockSchema = z.object({ advanceMs: z.number().min(0) });

function routes(control: EmulatorControl): Record<string, ControlRoute> {
  return {
    'GET switches': () => control.switches(),
    'POST switches': (body) => control.setSwitches(body ?? {}),
    'POST switches/reset': () => control.resetSwitches(),
    'GET stats': () => control.stats(),
    'GET requests': () => control.requests(),
    'GET received': () => control.receivedDevices(),
    'DELETE requests': () => {
      control.resetRequests();
      return { ok: true };
    },
    'POST requests/reset': () => {
      control.resetRequests();
      return { ok: true };
    },
    'POST customers': (body) => oneOrMany(body).map((c) => control.addCustomer(c as Parameters<EmulatorControl['addCustomer']>[0])),
    'POST relationships/approve': (body) => control.approveRelationship(body as Parameters<EmulatorControl['approveRelationship']>[0]),
    'GET registry': () => control.registry(),
    'POST registry': (body) => control.addRegistryDevices(oneOrMany(body) as Parameters<EmulatorControl['addRegistryDevices']>[0]),
    'GET tokens': () => control.tokens(),
    'POST tokens': (body) => {
      for (const t of oneOrMany(body)) control.addToken(t as Parameters<EmulatorControl['addToken']>[0]);
      return { ok: true };
    },
    'GET registrations': () => ({ registrations: control.registrations(), duplicates: control.duplicates() }),
    'POST jobs/complete': () => {
      control.completeJobs();
      return { ok: true };
    },
    'POST clock': (body) => {
      control.advanceTime(clockSchema.parse(body).advanceMs);
      return { ok: true };
    },
    'GET throttle-bound': (_body, query) => ({
      ms: control.throttleBoundMs(Number(query.get('n') ?? '0'), query.get('route') ?? '', query.get('perCustomer') !== 'false'),
    }),
    'POST reset': () => {
      control.reset();
      return { ok: true };
    },
  };
}

/** `rest` is the path after `/_emulator/`. */
export function handleControl(control: EmulatorControl, method: string, rest: string, rawBody: string, query: URLSearchParams): Reply {
  const table = routes(control);
  const deleteCustomer = /^customers\/([^/]+)$/.exec(rest);
  try {
    if (method === 'DELETE' && deleteCustomer?.[1]) {
      return { status: 200, body: { removed: control.removeCustomer(decodeURIComponent(deleteCustomer[1])) } };
    }
    const route = table[`${method} ${rest.replace(/\/+$/, '')}`];
    if (!route) return { status: 404, body: { error: `No control route ${method} /_emulator/${rest}` } };
    return { status: 200, body: route(parseJsonBody(rawBody), query) };
  } catch (error) {
    const message = error instanceof z.ZodError ? z.prettifyError(error) : error instanceof Error ? error.message : String(error);
    return { status: 400, body: { error: message } };
  }
}
