// MSAL's HTTP client with a deadline on every request. msal-node's own client (fetch) only times out
// GETs when asked and never POSTs, so a token request on a half-dead connection could hang a station
// (reliability target 8: every call has a timeout). This mirrors msal-node 7's HttpClient — fetch,
// headers as a plain object, JSON body — and aborts after `timeoutMs`; failures surface as MSAL
// network_error AuthErrors, which the provider passes on as "try again later", never as "sign in".
import { AuthError, type INetworkModule, type NetworkRequestOptions, type NetworkResponse } from '@azure/msal-node';

export const DEFAULT_AUTH_REQUEST_TIMEOUT_MS = 30_000;

export function createTimeoutNetworkClient(timeoutMs = DEFAULT_AUTH_REQUEST_TIMEOUT_MS, fetchImpl: typeof fetch = fetch): INetworkModule {
  async function send<T>(method: 'GET' | 'POST', url: string, options?: NetworkRequestOptions, timeout?: number): Promise<NetworkResponse<T>> {
    const signal = AbortSignal.timeout(Math.min(timeout ?? timeoutMs, timeoutMs));
    let response: Response;
    try {
      response = await fetchImpl(url, {
        method,
        headers: options?.headers ?? {},
        ...(method === 'POST' ? { body: options?.body ?? '' } : {}),
        signal,
      });
    } catch (e) {
      const reason = signal.aborted ? `Request timeout after ${timeoutMs} ms` : `Network request failed: ${e instanceof Error ? e.message : 'unknown'}`;
      throw new AuthError('network_error', '', reason);
    }
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => {
      headers[key.toLowerCase()] = value;
    });
    let body: T;
    try {
      body = (await response.json()) as T;
    } catch (e) {
      throw new AuthError('token_parsing_error', '', `Failed to parse response: ${e instanceof Error ? e.message : 'unknown'}`);
    }
    return { headers, body, status: response.status };
  }
  return {
    sendGetRequestAsync: (url, options, timeout) => send('GET', url, options, timeout),
    sendPostRequestAsync: (url, options) => send('POST', url, options),
  };
}
