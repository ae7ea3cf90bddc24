// Row shapes the repositories return and take, owned by db/ so that db/ never imports from the core
// (the core re-exports them where its import planning names them).

/** One accepted line of a devices file, as the import writes it. */
export interface AcceptedRow {
  line: number;
  pkid: string | null;
  serial: string | null;
  manufacturer: string | null;
  model: string | null;
  /** Compacted (no whitespace), as duplicate lookups compare it. */
  hash: string | null;
}

/** A live device already holding a PKID, serial or hardware hash (value). */
export interface Holder {
  value: string;
  deviceId: number;
  batchId: number;
  batchName: string;
  state: string;
  manufacturer: string | null;
  scannedBy: string;
  scannedAt: number;
}

/** A device in a customer's Partner Center inventory (as last refreshed) holding a PKID or serial (value). */
export interface RemoteHolder {
  value: string;
  customerTenantId: string;
  companyName: string | null;
  remoteBatchId: string;
  manufacturer: string | null;
}
