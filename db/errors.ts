// Why a database could not be opened. Each kind gets its own screen/exit message: the fix differs.
export type DatabaseProblem =
  | { kind: 'corrupt'; path: string; detail: string }
  | { kind: 'newer-than-code'; path: string; unknown: string[] }
  | { kind: 'migration-edited'; path: string; tag: string }
  | { kind: 'migration-failed'; path: string; tag: string; detail: string; backup: string | null }
  | { kind: 'disk-full'; path: string; detail: string }
  | { kind: 'unreadable'; path: string; detail: string }
  /** The audit chain is keyed but its key is in none of the places it is looked for (path: the data folder). */
  | { kind: 'audit-key-missing'; path: string; detail: string };

export class DatabaseOpenError extends Error {
  constructor(readonly problem: DatabaseProblem) {
    super(describeProblem(problem));
    this.name = 'DatabaseOpenError';
  }
}

export function describeProblem(p: DatabaseProblem): string {
  switch (p.kind) {
    case 'corrupt':
      return `The station database at ${p.path} is damaged (${p.detail}). Nothing was changed. Restore the newest copy from the backups folder beside it, or send it to support.`;
    case 'newer-than-code':
      return `The station database at ${p.path} was written by a newer version of Dockside (it has migrations ${p.unknown.join(', ')} that this version does not know). Install the newer version; nothing was changed.`;
    case 'migration-edited':
      return `Migration ${p.tag} has changed since it was applied to ${p.path}. This build is inconsistent with the data; nothing was changed. Reinstall a released version of Dockside.`;
    case 'migration-failed':
      return `Updating the database at ${p.path} failed at migration ${p.tag} (${p.detail}). It was rolled back${p.backup ? `; a copy taken before the update is at ${p.backup}` : ''}.`;
    case 'disk-full':
      return `The disk holding ${p.path} is full (${p.detail}). Free some space and start again; nothing stored was lost.`;
    case 'audit-key-missing':
      return `The audit trail of the station in ${p.path} is sealed with a key that cannot be found here (${p.detail}). Without it the station can neither check nor extend its audit trail, so it did not start; nothing was changed. Unlock the OS keychain (or sign in to the desktop session that holds it), or put back the audit.key file from where it was kept, and start again.`;
    case 'unreadable':
      return `The station database at ${p.path} could not be opened (${p.detail}). Check that the folder exists and is writable.`;
  }
}
