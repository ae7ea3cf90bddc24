// The Partner Center REST client: typed calls per resource on top of one requester (request.ts).
// Every call answers `{ ok: true, value, meta } | { ok: false, error }` (errors.ts); nothing throws.
import { customersApi } from './customers';
import { deviceBatchesApi } from './device-batches';
import { jobsApi } from './jobs';
import { policiesApi } from './policies';
import { createRequester, type PartnerCenterClientOptions } from './request';
import { tokenFacts, UNKNOWN_TOKEN, type TokenFacts } from './token-claims';

export type PartnerCenterClient = ReturnType<typeof createPartnerCenterClient>;

export function createPartnerCenterClient(options: PartnerCenterClientOptions) {
  const requester = createRequester(options);
  return {
    baseUrl: options.baseUrl,
    /** Any call not wrapped below (same retries, headers and envelopes). */
    request: requester.request,
    customers: customersApi(requester),
    deviceBatches: deviceBatchesApi(requester),
    jobs: jobsApi(requester),
    policies: policiesApi(requester),
    /** What the current token says about itself (App-only? MFA?), to explain a refusal; never throws. */
    async tokenFacts(): Promise<TokenFacts> {
      try {
        return tokenFacts(await options.tokenProvider.getToken());
      } catch {
        return UNKNOWN_TOKEN;
      }
    },
  };
}

export { PUBLIC_BASE_URL, apiRoot, type CallOptions, type PartnerCenterClientOptions, type AttemptInfo } from './request';
export type { PartnerCenterError, PartnerCenterErrorKind, PartnerCenterResult, CallMeta } from './errors';
