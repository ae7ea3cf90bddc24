// The station's link to Partner Center, built once by station.ts from StationConfig.partnerCenter: the
// address, the token provider (MSAL, or a static token for the emulator; the core never knows which),
// the REST client, and the context for Partner Center work a lead waits for (profiles, removals,
// inventory), so no handler builds one itself.
import type { StationDb } from '../../../db/open';
import { createPartnerCenterClient, type PartnerCenterClient, type PartnerCenterClientOptions } from '../../partner-center/client';
import type { TokenProvider } from '../../partner-center/token-provider';
import type { StationIdentity } from '../context';
import { syncContextFor, type SyncContext } from '../sync/sync-context';

export interface PartnerCenterConfig {
  baseUrl: string;
  tokenProvider: TokenProvider;
  /** Tests scale timeouts and back-off down; production leaves the defaults. */
  clientOptions?: Partial<Omit<PartnerCenterClientOptions, 'baseUrl' | 'tokenProvider'>>;
}

export interface PartnerLink {
  readonly baseUrl: string;
  readonly tokenProvider: TokenProvider;
  readonly client: PartnerCenterClient;
  /** What the engine's steps take, for work done while the lead waits (default options). */
  readonly work: SyncContext;
}

export function createPartnerLink(config: PartnerCenterConfig | undefined, deps: { db: StationDb; now: () => number; station: StationIdentity }): PartnerLink | null {
  if (!config) return null;
  const client = createPartnerCenterClient({ ...config.clientOptions, baseUrl: config.baseUrl, tokenProvider: config.tokenProvider });
  return { baseUrl: config.baseUrl, tokenProvider: config.tokenProvider, client, work: syncContextFor(deps, client) };
}
