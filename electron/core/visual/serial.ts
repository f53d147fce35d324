/**
 * One task at a time, in the order asked: a renderer has one tab (one window, one session) that serves the
 * single page being rendered. A failed task rejects its own caller only; the next one still runs.
 */
export interface Serial<A, R> {
  run(input: A): Promise<R>;
  /** settles once every task asked so far has finished, whether or not it failed */
  idle(): Promise<void>;
}

export function serial<A, R>(task: (input: A) => Promise<R>): Serial<A, R> {
  let queue: Promise<unknown> = Promise.resolve();
  return {
    run(input) {
      const run = queue.then(() => task(input));
      queue = run.catch(() => undefined);
      return run;
    },
    async idle() {
      await queue;
    },
  };
}
