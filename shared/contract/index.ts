// The whole contract: every channel the front doors may call, merged from the domain files.
import type { z } from 'zod';
import { approvalChannels } from './approval';
import { batchChannels } from './batches';
import { customerChannels } from './customers';
import { expectedChannels } from './expected';
import { exportChannels } from './export';
import { importChannels } from './import';
import { operatorChannels } from './operators';
import { partnerChannels } from './partner';
import { reportChannels } from './reports';
import { reviewChannels } from './review';
import { scanChannels } from './scans';
import { sessionChannels } from './session';
import { settingsChannels } from './settings';
import { syncChannels } from './sync';
import { profileChannels } from './profiles';
import { deregisterChannels } from './deregister';
import { inventoryChannels } from './inventory';
import { stationChannels } from './station';
import { backupChannels } from './backup';
import { supportChannels } from './support';
import { fleetChannels } from './fleet';
import { fleetDeskChannels } from './fleet-desk';

export const contract = {
  ...stationChannels,
  ...sessionChannels,
  ...operatorChannels,
  ...settingsChannels,
  ...batchChannels,
  ...scanChannels,
  ...partnerChannels,
  ...customerChannels,
  ...reviewChannels,
  ...expectedChannels,
  ...importChannels,
  ...exportChannels,
  ...approvalChannels,
  ...reportChannels,
  ...syncChannels,
  ...profileChannels,
  ...deregisterChannels,
  ...inventoryChannels,
  ...backupChannels,
  ...supportChannels,
  ...fleetChannels,
  ...fleetDeskChannels,
};

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;
export const channelNames = Object.keys(contract) as Channel[];

export function isChannel(name: string): name is Channel {
  return Object.hasOwn(contract, name);
}

export * from './result';
export * from './error-keys';
export * from './events';
export type { OperatorView } from './common';
