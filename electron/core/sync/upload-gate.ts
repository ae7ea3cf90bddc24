// Whether this station may send for a customer now. On its own a station always may; in a fleet only
// the holder of the customer's upload lease may (electron/core/fleet/upload-gate.ts). Asked before every
// send (a chunk's POST, or the reconcile of one cut short); polls of jobs already accepted are never
// held back, so a station that lost the lease still settles what it sent.
export type GateAnswer = { ok: true } | { ok: false; message: string; retryInMs: number };

export interface UploadGate {
  mayUpload(customerTenantId: string): Promise<GateAnswer>;
  /** Gives back whatever the gate holds (at shutdown). */
  close(): Promise<void>;
}
