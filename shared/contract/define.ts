import type { z } from 'zod';
import type { Permission } from '../domain/roles';

export interface ChannelSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
  readonly permission: Permission;
  readonly summary: string;
}

export type ChannelName = `${string}:${string}`;

/** Keeps each domain's literal channel names and schemas while checking their shape. */
export function defineChannels<const T extends Record<ChannelName, ChannelSpec>>(defs: T): T {
  return defs;
}
