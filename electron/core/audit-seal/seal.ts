// One station's audit seal: the key its rows are sealed with, and the head kept beside the database.
// openAuditSeal() runs once per start, before anything is audited: it finds the key (or, on a station
// whose chain was never keyed, makes one), keys an old station's chain from here on (the rows before
// stay as they were, marked unkeyed by their format, and verify says so), and refuses to start a new
// chain over a keyed one whose key is gone. After that, every commit that appended audit rows moves the
// head forward (flush, queued by appendAudit and run once the transaction has committed).
import type Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { DatabaseOpenError } from '../../../db/errors';
import { isKeyed, keyedHash, type HashedFields } from './format';
import { headPath, openHead, removeAbandonedHeadTemps, peekHead, readHeadText, writeHeadFile, type HeadRead } from './head';
import { currentHead, lastRow } from './table-head';
import { findAuditKey, saveNewAuditKey, type AuditKeyStore } from './key-stores';
import { stampBackupHead } from './backup-head';

/** What verify needs to check a chain: the key (null = not available here) and the head to hold it to. */
export interface ChainKeys {
  readonly key: Buffer | null;
  readonly head: HeadRead;
  /** Set where a missing head is expected sometimes (old backups): it is then this warning, not a problem. */
  readonly headOptional?: string;
}

export interface AuditSeal {
  readonly keyStore: string;
  readonly headPath: string;
  /** The keyed hash of the row about to get `id`. */
  hash(id: number, prevHash: string, fields: HashedFields): string;
  /** Called by appendAudit inside the transaction: the head moves once it has committed. */
  appended(): void;
  /** Moves the head to the table's committed end, if the head is intact and still matches the table. */
  flush(): void;
  /** The key and the live head, for verify. */
  chainKeys(): ChainKeys;
  /** Writes the copy's own sealed head into a backup copy; false (and nothing written) if its chain does not check out. */
  stampCopy(copy: Database.Database): boolean;
}

export interface OpenSealOptions {
  readonly sqlite: Database.Database;
  readonly dataDir: string;
  readonly stores: readonly AuditKeyStore[];
  readonly now: () => number;
  /** Appends the row that says "keyed from here" (needs the seal, so it is called back). */
  readonly markKeyed: (seal: AuditSeal, unkeyedRows: number) => void;
}

class StationSeal implements AuditSeal {
  private queued = false;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly key: Buffer,
    readonly keyStore: string,
    readonly headPath: string,
    private readonly now: () => number,
  ) {}

  hash(id: number, prevHash: string, fields: HashedFields): string {
    return keyedHash(this.key, id, prevHash, fields);
  }

  appended(): void {
    if (this.queued) return;
    this.queued = true;
    // better-sqlite3 transactions are synchronous: by the next turn of the event loop the append has
    // committed (or rolled back, and flush finds nothing new). Not a microtask: the caller's answer (a
    // scan's verdict) goes out first, and the head's fdatasync does not sit in front of it; commits
    // that land in the same turn share one head write.
    setImmediate(() => {
      try {
        this.flush();
      } catch {
        // The head may lag by design (disk full, a read-only file): verify accepts a table ahead of
        // its head when the rows after it chain from it, and the next commit tries again.
      }
    });
  }

  flush(): void {
    this.queued = false;
    if (!this.sqlite.open) return;
    if (this.sqlite.inTransaction) {
      this.appended();
      return;
    }
    const read = openHead(readHeadText(this.headPath), this.key, this.headPath);
    // A missing or altered head is evidence: it is left for verify, never papered over.
    if (read.state !== 'ok') return;
    const head = read.head;
    if (head.lastId > 0) {
      const at = this.sqlite.prepare('SELECT hash FROM audit WHERE id = ?').get(head.lastId) as { hash: string } | undefined;
      if (at?.hash !== head.lastHash) return;
    }
    const tail = this.sqlite.prepare('SELECT count(*) AS n, max(id) AS lastId FROM audit WHERE id > ?').get(head.lastId) as { n: number; lastId: number | null };
    if (tail.n === 0 || tail.lastId === null) return;
    const last = this.sqlite.prepare('SELECT hash FROM audit WHERE id = ?').get(tail.lastId) as { hash: string };
    const keyedFrom =
      head.keyedFrom ?? (this.sqlite.prepare("SELECT id FROM audit WHERE id > ? AND hash LIKE 'k1:%' ORDER BY id LIMIT 1").get(head.lastId) as { id: number } | undefined)?.id ?? null;
    writeHeadFile(this.headPath, this.key, { rows: head.rows + tail.n, lastId: tail.lastId, lastHash: last.hash, keyedFrom, at: this.now() });
  }

  chainKeys(): ChainKeys {
    return { key: this.key, head: openHead(readHeadText(this.headPath), this.key, this.headPath) };
  }

  stampCopy(copy: Database.Database): boolean {
    return stampBackupHead(copy, this.key, this.now());
  }
}

function keyMissing(dataDir: string, problems: string[]): DatabaseOpenError {
  return new DatabaseOpenError({ kind: 'audit-key-missing', path: dataDir, detail: problems.join('; ') });
}

export async function openAuditSeal(options: OpenSealOptions): Promise<AuditSeal> {
  const { sqlite, dataDir, stores, now } = options;
  const path = headPath(dataDir);
  removeAbandonedHeadTemps(path);
  const text = readHeadText(path);
  const last = lastRow(sqlite);
  const lastIsKeyed = last !== undefined && isKeyed(last.hash);
  const found = await findAuditKey(stores);

  if (found.key) {
    const seal = new StationSeal(sqlite, found.key, found.store, path, now);
    const head = openHead(text, found.key, path);
    // Keyed from here: a station upgraded from an unkeyed chain (or whose first start stopped after
    // saving its key). Only when its own sealed head says nothing was keyed yet, so deleting the keyed
    // rows and the head never gets a fresh start.
    if (head.state === 'ok' && head.head.keyedFrom === null && last !== undefined && !lastIsKeyed) {
      options.markKeyed(seal, head.head.rows);
      seal.flush();
    }
    return seal;
  }

  // No key anywhere. A keyed chain (or a head that says one was begun) must not be restarted.
  const peek = peekHead(text);
  if (lastIsKeyed || (text !== null && (peek === null || peek.keyedFrom !== null))) throw keyMissing(dataDir, found.problems);

  // A new station, or one from before keyed chains: write the head of the chain as it is, then save
  // the key, then key the chain. Each step is safe to be cut short: a head without a key and without
  // keyed rows is a first start that stopped half-way, and starts again here.
  const key = randomBytes(32);
  writeHeadFile(path, key, currentHead(sqlite, now()));
  const saved = await saveNewAuditKey(stores, key);
  const seal = new StationSeal(sqlite, key, saved.store, path, now);
  if (last !== undefined) {
    options.markKeyed(seal, currentHead(sqlite, now()).rows);
    seal.flush();
  }
  return seal;
}
