// The client as the upload engine's steps see it: the calls they make report each answer to the
// request window, so a 429 met by one step slows every step, not only the one that met it. The
// methods are looked up when the step starts, so a test that swaps one on the client is honoured.
import type { PartnerCenterClient, PartnerCenterResult } from '../../partner-center/client';

export function watchedClient(client: PartnerCenterClient, seen: (result: PartnerCenterResult<unknown>) => void): PartnerCenterClient {
  const note = <T>(result: PartnerCenterResult<T>): PartnerCenterResult<T> => {
    seen(result);
    return result;
  };
  const batches = client.deviceBatches;
  const jobs = client.jobs;
  return {
    ...client,
    deviceBatches: {
      ...batches,
      create: async (...args: Parameters<typeof batches.create>) => note(await batches.create(...args)),
      append: async (...args: Parameters<typeof batches.append>) => note(await batches.append(...args)),
      list: async (...args: Parameters<typeof batches.list>) => note(await batches.list(...args)),
      listDevices: async (...args: Parameters<typeof batches.listDevices>) => note(await batches.listDevices(...args)),
    },
    jobs: { ...jobs, status: async (...args: Parameters<typeof jobs.status>) => note(await jobs.status(...args)) },
  };
}
