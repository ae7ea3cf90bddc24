// What went wrong with the hub, as a sentence a station admin can act on. The password is never part
// of one: messages name the URL the station keeps, which has none.
export type HubProblem = 'bad-url' | 'unreachable' | 'auth' | 'no-database' | 'no-rights' | 'not-initialised' | 'newer-than-code' | 'migration-edited' | 'failed';

export class HubError extends Error {
  constructor(
    readonly problem: HubProblem,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'HubError';
  }
}

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);

function codeOf(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : '';
}

export function isHubUnreachable(err: unknown): boolean {
  if (err instanceof HubError) return err.problem === 'unreachable';
  const message = err instanceof Error ? err.message : '';
  return NETWORK_CODES.has(codeOf(err)) || /timeout|Connection terminated|terminating connection|the database system is (starting|shutting) up/i.test(message) || codeOf(err) === '57P01' || codeOf(err) === '57P03';
}

export function hubProblem(err: unknown, where: string): HubError {
  if (err instanceof HubError) return err;
  const code = codeOf(err);
  const detail = err instanceof Error ? err.message : String(err);
  if (isHubUnreachable(err)) return new HubError('unreachable', `The fleet hub (${where}) cannot be reached (${detail}). The station keeps working on its own and catches up when the hub is back.`, { cause: err });
  if (code === '28P01' || code === '28000') return new HubError('auth', `The fleet hub (${where}) refused the sign-in: check the role and its password (${detail}).`, { cause: err });
  if (code === '3D000') return new HubError('no-database', `The fleet hub (${where}) has no such database: create it first (createdb), then run dockside fleet init.`, { cause: err });
  if (code === '42501') return new HubError('no-rights', `The fleet hub (${where}) refused: this role lacks a right it needs (${detail}). The README's fleet section lists the GRANTs.`, { cause: err });
  if (code === '42P01') return new HubError('not-initialised', `The fleet hub (${where}) has no fleet tables yet: run dockside fleet init --hub URL with the hub owner's role first.`, { cause: err });
  return new HubError('failed', `The fleet hub (${where}) answered with an error: ${detail}`, { cause: err });
}
