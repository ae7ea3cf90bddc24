import { describe, expect, it } from 'vitest';
import type { Hub } from '../../../../../db/hub/connect';
import { KeptHub } from '../../../../../electron/core/fleet/kept-hub';

// Stands in for a pg pool: counts opens and closes, and refuses work once closed (as pg does after end()).
function pools() {
  const opened: { key: string; closed: boolean }[] = [];
  const open = async (url: string, password: string | undefined): Promise<Hub> => {
    const pool = { key: `${url}|${password ?? ''}`, closed: false };
    opened.push(pool);
    return { where: pool.key, close: async () => void (pool.closed = true), pool: { query: () => (pool.closed ? Promise.reject(new Error('Cannot use a pool after calling end on the pool')) : Promise.resolve()) } } as unknown as Hub;
  };
  const query = (hub: Hub) => (hub.pool as unknown as { query: () => Promise<void> }).query();
  return { opened, open, query };
}

describe('KeptHub', () => {
  it('keeps one pool across uses while the loop runs, and opens one per use when it does not', async () => {
    const p = pools();
    let looping = true;
    const kept = new KeptHub(p.open, () => looping);
    for (let i = 0; i < 5; i++) await kept.use('postgres://a@h/db', 'pw', p.query);
    expect(p.opened).toHaveLength(1);
    expect(p.opened[0]?.closed).toBe(false);
    looping = false;
    await kept.use('postgres://a@h/db', 'pw', p.query);
    expect(p.opened[0]?.closed).toBe(true);
    await kept.use('postgres://a@h/db', 'pw', p.query);
    expect(p.opened).toHaveLength(2);
    expect(p.opened[1]?.closed).toBe(true);
    expect(kept.isOpen).toBe(false);
  });

  it('retires a pool whose use failed: it is closed and the next use opens a new one', async () => {
    const p = pools();
    const kept = new KeptHub(p.open, () => true);
    await expect(kept.use('u', 'pw', async () => Promise.reject(new Error('connection terminated')))).rejects.toThrow('connection terminated');
    expect(p.opened[0]?.closed).toBe(true);
    await kept.use('u', 'pw', p.query);
    expect(p.opened).toHaveLength(2);
    expect(p.opened[1]?.closed).toBe(false);
  });

  it('never closes a pool under work still running on it: a retire or a failing neighbour waits for it', async () => {
    const p = pools();
    const kept = new KeptHub(p.open, () => true);
    let finish!: () => void;
    const long = kept.use('u', 'pw', async (hub) => {
      await new Promise<void>((resolve) => (finish = resolve));
      return p.query(hub);
    });
    await new Promise((r) => setTimeout(r, 0));
    await expect(kept.use('u', 'pw', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await kept.retire();
    expect(p.opened[0]?.closed).toBe(false);
    finish();
    await expect(long).resolves.toBeUndefined();
    expect(p.opened[0]?.closed).toBe(true);
  });

  it('opens a new pool when the URL or the password changes, closing the old one', async () => {
    const p = pools();
    const kept = new KeptHub(p.open, () => true);
    await kept.use('u', 'old', p.query);
    await kept.use('u', 'new', p.query);
    expect(p.opened.map((o) => [o.key, o.closed])).toEqual([['u|old', true], ['u|new', false]]);
  });

  it('a refused connection leaves nothing kept, and the next use tries again', async () => {
    let tries = 0;
    const p = pools();
    const kept = new KeptHub(async (url, pw) => (++tries === 1 ? Promise.reject(new Error('ECONNREFUSED')) : p.open(url, pw)), () => true);
    await expect(kept.use('u', 'pw', p.query)).rejects.toThrow('ECONNREFUSED');
    expect(kept.isOpen).toBe(false);
    await kept.use('u', 'pw', p.query);
    expect(tries).toBe(2);
  });
});
