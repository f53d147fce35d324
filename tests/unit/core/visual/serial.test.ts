/** The one-render-at-a-time queue both page renderers use. */
import { describe, expect, it } from 'vitest';
import { serial } from '../../../../electron/core/visual/serial.js';

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 1));

describe('serial', () => {
  it('runs one task at a time, in the order asked, each result to its own caller', async () => {
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const q = serial(async (n: number) => {
      running += 1;
      most = Math.max(most, running);
      order.push(n);
      // later tasks finish sooner if they were allowed to overlap
      for (let i = 0; i < 5 - n; i++) await tick();
      running -= 1;
      return n * 10;
    });
    const results = await Promise.all([0, 1, 2, 3, 4].map((n) => q.run(n)));
    expect(results).toEqual([0, 10, 20, 30, 40]);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(most).toBe(1);
  });

  it('a failure rejects its own caller only; the next task still runs', async () => {
    const q = serial(async (n: number) => {
      await tick();
      if (n === 1) throw new Error(`page ${n} failed`);
      return `page ${n}`;
    });
    const [a, b, c] = await Promise.allSettled([q.run(0), q.run(1), q.run(2)]);
    expect(a).toEqual({ status: 'fulfilled', value: 'page 0' });
    expect(b).toMatchObject({ status: 'rejected', reason: { message: 'page 1 failed' } });
    expect(c).toEqual({ status: 'fulfilled', value: 'page 2' });
  });

  it('idle waits for every task asked so far, failed or not', async () => {
    const done: number[] = [];
    const q = serial(async (n: number) => {
      await tick();
      done.push(n);
      if (n === 0) throw new Error('no');
    });
    const first = q.run(0).catch(() => undefined);
    void q.run(1);
    await q.idle();
    expect(done).toEqual([0, 1]);
    await first;
  });
});
