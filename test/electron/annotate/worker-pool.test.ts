import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { keptPool, TaskTimeoutError, WorkerPool, WorkerStartError } from '../../../electron/annotate/worker-pool';

const echo = { file: path.resolve('test/fixtures/ingest/echo-worker.ts') };
type In = { n: number; delayMs?: number };
type Out = { n: number; square: number };

describe('the worker pool', () => {
  it('answers every task with its own result, whatever order the workers finish in', async () => {
    const pool = new WorkerPool<In, Out>({ size: 2, timeoutMs: 10_000, entry: echo });
    try {
      const out = await Promise.all([5, 1, 4, 2, 3].map((n) => pool.run({ n, delayMs: n * 20 })));
      expect(out.map((o) => o.square)).toEqual([25, 1, 16, 4, 9]);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('rejects a task that throws and goes on with the next', async () => {
    const pool = new WorkerPool<In, Out>({ size: 1, timeoutMs: 10_000, entry: echo });
    try {
      await expect(pool.run({ n: -2 })).rejects.toThrow('negative: -2');
      expect(await pool.run({ n: 3 })).toEqual({ n: 3, square: 9 });
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('terminates a worker whose task runs past the limit, and a fresh worker takes the next task', async () => {
    const pool = new WorkerPool<In, Out>({ size: 1, timeoutMs: 300, entry: echo });
    try {
      await pool.run({ n: 1 }); // started: the clock now measures the task alone
      const t0 = performance.now();
      await expect(pool.run({ n: 2, delayMs: 60_000 })).rejects.toBeInstanceOf(TaskTimeoutError);
      expect(performance.now() - t0).toBeLessThan(5_000);
      expect(await pool.run({ n: 7 })).toEqual({ n: 7, square: 49 });
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('gives up on a worker that never starts, saying so', async () => {
    const pool = new WorkerPool<In, Out>({ size: 1, timeoutMs: 1_000, startTimeoutMs: 3_000, entry: { file: path.resolve('test/fixtures/ingest/stuck-worker.ts') } });
    try {
      await expect(pool.run({ n: 1 })).rejects.toBeInstanceOf(WorkerStartError);
    } finally {
      await pool.close();
    }
  }, 30_000);

  it('rejects queued tasks when closed', async () => {
    const pool = new WorkerPool<In, Out>({ size: 1, timeoutMs: 10_000, entry: echo });
    const settled = Promise.allSettled([pool.run({ n: 1, delayMs: 2_000 }), pool.run({ n: 2 })]);
    await pool.close();
    const [running, queued] = await settled;
    expect(running).toMatchObject({ status: 'rejected', reason: expect.objectContaining({ message: expect.stringMatching(/closed/) }) });
    expect(queued).toMatchObject({ status: 'rejected', reason: expect.objectContaining({ message: expect.stringMatching(/closed/) }) });
    await expect(pool.run({ n: 3 })).rejects.toThrow(/closed/);
  }, 30_000);

  it('starts more workers only for the work that justifies them (tasksPerWorker), at once for work announced', async () => {
    const few = new WorkerPool<In, Out>({ size: 3, tasksPerWorker: 10, timeoutMs: 10_000, entry: echo });
    try {
      const first = Array.from({ length: 6 }, (_, n) => few.run({ n }));
      expect(few.workers).toBe(1); // six tasks do not pay for a second worker's start
      const more = Array.from({ length: 6 }, (_, n) => few.run({ n }));
      expect(few.workers).toBe(2); // twelve do
      expect((await Promise.all([...first, ...more])).map((o) => o.square)).toEqual([0, 1, 4, 9, 16, 25, 0, 1, 4, 9, 16, 25]);
    } finally {
      await few.close();
    }
    const announced = new WorkerPool<In, Out>({ size: 3, tasksPerWorker: 10, timeoutMs: 10_000, entry: echo });
    try {
      announced.expect(30);
      expect(announced.workers).toBe(0); // nothing starts before there is a task
      const out = announced.run({ n: 2 });
      expect(announced.workers).toBe(1);
      const rest = Array.from({ length: 3 }, (_, n) => announced.run({ n }));
      expect(announced.workers).toBe(3);
      expect(await out).toEqual({ n: 2, square: 4 });
      await Promise.all(rest);
    } finally {
      await announced.close();
    }
  }, 60_000);

  it('stops workers left idle (idleMs) and starts new ones for later tasks; keptPool hands a run the pool of the last one', async () => {
    const opts = { size: 1, idleMs: 300, timeoutMs: 10_000, entry: echo };
    const pool = keptPool<In, Out>(opts);
    try {
      expect(keptPool<In, Out>({ ...opts })).toBe(pool);
      expect(await pool.run({ n: 3 })).toEqual({ n: 3, square: 9 });
      expect(pool.workers).toBe(1);
      await new Promise((r) => setTimeout(r, 100));
      expect(await pool.run({ n: 4 })).toEqual({ n: 4, square: 16 }); // the same worker, still warm
      await new Promise((r) => setTimeout(r, 1_000));
      expect(pool.workers).toBe(0);
      expect(await pool.run({ n: 5 })).toEqual({ n: 5, square: 25 });
      pool.shrink(0);
      expect(pool.workers).toBe(0);
    } finally {
      await pool.close();
    }
    expect(keptPool<In, Out>(opts)).not.toBe(pool);
    await keptPool<In, Out>(opts).close();
  }, 30_000);

  it('runs a TypeScript entry from one esbuild bundle under node_modules/.cache, named by content', async () => {
    const dir = path.resolve('node_modules/.cache/chronolens');
    const pool = new WorkerPool<In, Out>({ size: 2, timeoutMs: 10_000, entry: echo });
    try {
      expect(await Promise.all([pool.run({ n: 2 }), pool.run({ n: 3 })])).toEqual([{ n: 2, square: 4 }, { n: 3, square: 9 }]);
    } finally {
      await pool.close();
    }
    const bundles = readdirSync(dir).filter((f) => /^echo-worker\.[0-9a-f]{16}\.mjs$/.test(f));
    expect(bundles.length).toBeGreaterThan(0);
    // The bundle holds the pool's worker side too: nothing is left to compile when a worker starts.
    expect(bundles.some((f) => readFileSync(path.join(dir, f), 'utf8').includes('serveTasks must run in a worker thread'))).toBe(true);
  }, 30_000);
});
