// The transport is chosen once, at start: the Electron preload bridge when it is there, the browser
// host otherwise.
import { bridgeTransport } from './bridge-transport';
import { createApiClient, type ApiClient } from './client';
import { httpTransport } from './http-transport';

export type { ApiClient } from './client';
export type { LinkProblem } from './transport';

export function createApi(win: Window = window): ApiClient {
  const transport = win.dockside ? bridgeTransport(win.dockside) : httpTransport();
  return createApiClient(transport, sessionStorageOf(win));
}

function sessionStorageOf(win: Window): Storage | null {
  try {
    return win.sessionStorage;
  } catch {
    // Storage can be blocked (privacy settings, an opaque origin): the session then lives in memory.
    return null;
  }
}
