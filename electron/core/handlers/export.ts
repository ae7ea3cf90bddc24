import type { exportChannels } from '../../../shared/contract/export';
import type { Handlers } from '../dispatcher';
import { exportBatch } from '../export/batch';

export const exportHandlers: Pick<Handlers, keyof typeof exportChannels> = {
  // A read: the renderer offers the text as a download; the CLI writes it with writeFileAtomic.
  'export:batch': ({ batchId, format }, ctx) => exportBatch(ctx, batchId, format),
};
