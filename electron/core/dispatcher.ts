// The one door into the core: every front door (IPC, HTTP, CLI, tests) calls dispatch(). It checks
// the channel, the caller's permission and the input, in that order, before any handler runs, so a
// refused call never reaches code that could write.
import type { z } from 'zod';
import { contract, failSaying, isChannel, type AppErrorShape, type Channel, type ErrorKey, type ChannelOutput, type Result } from '../../shared/contract';
import { roleAllows } from '../../shared/domain/roles';
import { makeContext, type CoreDeps, type HandlerContext } from './context';
import { sqliteCode } from '../../db/sqlite-errors';


const MAY_ECHO_SECRETS = (channel: string): boolean => channel.startsWith('session:') || channel.startsWith('operators:') || channel === 'approval:approve';

export type Handler<C extends Channel> = (
  input: z.output<(typeof contract)[C]['input']>,
  ctx: HandlerContext,
) => Result<ChannelOutput<C>> | Promise<Result<ChannelOutput<C>>>;

export type Handlers = { [C in Channel]: Handler<C> };

export interface CallContext {
  /** The operator session token this connection holds, if any. */
  sessionToken?: string | null;
}

export type Dispatch = (channel: string, input: unknown, call?: CallContext) => Promise<Result<unknown>>;

function inputMessage(error: z.ZodError): string {
  return error.issues.map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
}


export function unexpected(err: unknown, log: (msg: string, err: unknown) => void): { ok: false; error: AppErrorShape } {
  const code = sqliteCode(err);
  if (code === 'SQLITE_FULL') {
    return { ok: false, error: { code: 'DISK_FULL', message: 'The disk is full: nothing new can be stored. Free some space; everything already stored is safe.', say: { key: 'station.diskFull' satisfies ErrorKey } } };
  }
  log('unexpected error in handler', err);
  return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong inside the station; nothing was changed. The details are in the log.', say: { key: 'station.internal' satisfies ErrorKey } } };
}

export function createDispatcher(deps: CoreDeps, handlers: Handlers, log: (msg: string, err: unknown) => void): Dispatch {
  return async (channel, input, call = {}) => {
    if (!isChannel(channel)) return failSaying('UNKNOWN_CHANNEL', 'station.unknownChannel', { channel }, `There is no channel called "${channel}".`);
    const spec = contract[channel];
    const { session, expired } = deps.sessions.resolve(call.sessionToken);
    if (expired) deps.events.emit('session:changed', { sessionId: expired.sessionId, state: 'expired', operator: null });
    if (spec.permission !== 'public') {
      if (!session) {
        return failSaying('NOT_SIGNED_IN', expired ? 'session.signedOutIdle' : 'session.signInFirst', {}, expired ? 'You were signed out after a period of inactivity. Sign in again.' : 'Sign in first.');
      }
      if (!roleAllows(session.role, spec.permission)) {
        return failSaying('FORBIDDEN', 'session.forbidden', { role: session.role }, `A ${session.role} may not do this (${spec.summary.replace(/\.$/, '')}).`, { permission: spec.permission });
      }
    }
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) return failSaying('INVALID_INPUT', 'input.invalid', { detail: inputMessage(parsed.error) }, inputMessage(parsed.error), { issues: parsed.error.issues });
    try {
      // TypeScript cannot correlate a channel's handler with its parsed input across the union of
      // channels; the contract lookup above guarantees they belong together.
      const handler = handlers[channel] as Handler<typeof channel>;
      const result = await handler(parsed.data as never, makeContext(deps, session));
      // A refusal the user saw (duplicate name, wrong state, Partner Center error) is in the log too.
      // Sign-in and approval refusals may repeat what was typed as a name (a PIN typed into the name
      // field, issue 12): for those only the code is logged.
      if (!result.ok) deps.logger?.warn(`refused ${channel}`, { code: result.error.code, ...(MAY_ECHO_SECRETS(channel) ? {} : { message: result.error.message }), operator: session?.name ?? null });
      return result;
    } catch (err) {
      return unexpected(err, log);
    }
  };
}
