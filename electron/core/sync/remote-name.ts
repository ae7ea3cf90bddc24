// Which spelling of a batch id to send. Partner Center refuses to create a batch whose id exists under
// any casing (409), but matches the id in a path exactly (inferred, issue 16): a batch another tool made
// as "PO-4711" must be appended to as "PO-4711", never as the station's "po-4711". Once the service's
// spelling is seen it is stored on the batch and used for every later call.
import type { BatchRow } from '../../../db/repos/batches';

export function remoteBatchName(batch: Pick<BatchRow, 'name' | 'remoteName'>): string {
  return batch.remoteName ?? batch.name;
}

/** The service's spelling of `name` among listed batch ids: the exact one if present, else any casing. */
export function remoteSpelling(listed: readonly string[], name: string): string | undefined {
  if (listed.includes(name)) return name;
  const folded = name.toLowerCase();
  return listed.find((id) => id.toLowerCase() === folded);
}
