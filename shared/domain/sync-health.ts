// What the upload status may claim. "Up to date" tells a lead that nobody needs to do anything, so it
// is never said while a device Partner Center refused is waiting for a person.
import { plural } from './words';

export interface SyncHealthInput {
  readonly state: string;
  readonly message: string;
  readonly attentionDevices: number;
}

export function attentionMessage(attention: number): string {
  return `Uploads finished, but ${plural(attention, 'device')} ${attention === 1 ? 'needs' : 'need'} a person: Partner Center refused ${attention === 1 ? 'it' : 'them'}.`;
}

/** An idle engine with refused devices is not idle for the people at the station. */
export function withAttention<T extends SyncHealthInput>(status: T): T | (T & { state: 'needs-attention' }) {
  if (status.state !== 'idle' || status.attentionDevices <= 0) return status;
  return { ...status, state: 'needs-attention', message: attentionMessage(status.attentionDevices) };
}
