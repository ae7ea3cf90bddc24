// The hub connection a station keeps between sync rounds. Opening one (TCP, TLS, auth, the schema check)
// was most of an idle round's time, so while the sync loop runs the pool stays open. Any failure while it
// is used retires it (the next use opens a new one); a retired or unwanted pool is closed when its last
// user is done, never under a query still running on it (a status probe beside a round, say).
import type { Hub } from '../../../db/hub/connect';

interface Entry {
  readonly key: string;
  readonly hub: Promise<Hub>;
  users: number;
}

export class KeptHub {
  private current: Entry | null = null;

  /** `keep` says whether an idle pool should stay open (the loop is running). */
  constructor(
    private readonly open: (url: string, password: string | undefined) => Promise<Hub>,
    private readonly keep: () => boolean,
  ) {}

  async use<T>(url: string, password: string | undefined, work: (hub: Hub) => Promise<T>): Promise<T> {
    const key = `${url}\u0000${password ?? ''}`;
    if (this.current?.key !== key) {
      await this.retire();
      this.current = { key, hub: this.open(url, password), users: 0 };
    }
    const entry = this.current;
    entry.users += 1;
    try {
      return await work(await entry.hub);
    } catch (err) {
      if (this.current === entry) this.current = null;
      throw err;
    } finally {
      entry.users -= 1;
      if (entry.users === 0 && this.current === entry && !this.keep()) this.current = null;
      if (entry.users === 0 && this.current !== entry) await close(entry);
    }
  }

  /** Closes the pool now if nobody uses it, else when its last user is done. */
  async retire(): Promise<void> {
    const entry = this.current;
    this.current = null;
    if (entry && entry.users === 0) await close(entry);
  }

  /** Whether a pool is open or opening (for tests and status). */
  get isOpen(): boolean {
    return this.current !== null;
  }
}

async function close(entry: Entry): Promise<void> {
  await entry.hub.then((hub) => hub.close()).catch(() => {});
}
