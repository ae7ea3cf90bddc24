import type { StationDb } from './open';

export type StationTx = Parameters<Parameters<StationDb['transaction']>[0]>[0];
/** Repos take either the database or a transaction, so callers decide the transaction's scope. */
export type Queryable = StationDb | StationTx;
