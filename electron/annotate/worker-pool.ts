/**
 * A small pool of worker threads, one task at a time per worker, each task under a time bound. A task that runs too
 * long has its worker terminated — the only way to stop a runaway regular expression (pitfalls.md: ~6 ms) — and a
 * fresh worker takes its place. Results come back to the caller's promise, so callers decide the order.
 *
 * Workers run TypeScript sources bundled on the fly by esbuild (or through tsx) in development, the CLI and tests, and
 * a bundled .cjs file in the Electron build.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parentPort, Worker, type Transferable } from 'node:worker_threads';
import type * as Esbuild from 'esbuild';

export class TaskTimeoutError extends Error {
  constructor(readonly ms: number) {
    super(`stopped after ${Math.round(ms / 1000)} s (time limit)`);
  }
}

export class WorkerCrashError extends Error {}

/** A worker died before it could take any task: nothing will work, so the caller should stop, not blame a file. */
export class WorkerStartError extends Error {}

interface Request<I> {
  seq: number;
  input: I;
}
type Reply<O> = { seq: number; ok: O } | { seq: number; error: string } | { ready: true };

export interface WorkerEntry {
  /** A .ts source (run through tsx) or a bundled .cjs/.js file. */
  file: string;
}

/** tsx's ESM API module (`tsx/esm/api`, import condition), found from its package.json. */
function tsxEsmApi(): string {
  const require = createRequire(import.meta.url);
  const pkgFile = require.resolve('tsx/package.json');
  const exp = (require(pkgFile) as { exports: Record<string, { import: { default: string } }> }).exports['./esm/api']!;
  return pathToFileURL(path.join(path.dirname(pkgFile), exp.import.default)).href;
}

/** Bundles of TypeScript worker entries made by this process, by source file (null: bundling is unavailable). */
const bundles = new Map<string, string | null>();
const BUNDLE_MAX_AGE_MS = 24 * 3600_000;

/**
 * `file` and what it imports from the sources, bundled by esbuild (a development dependency, present whenever the
 * sources run) into one ES module; packages stay imports, so the bundle lives under node_modules/.cache where they
 * resolve. Named by content and built once per process. A worker starts from it in a fraction of what tsx needs
 * (tsx compiles every source again in each worker, beside a loader thread of its own): measured here, two workers
 * ~3.6 s CPU through tsx. Null when esbuild is missing or fails: the worker then goes through tsx.
 */
function bundledEntry(file: string): string | null {
  if (bundles.has(file)) return bundles.get(file)!;
  let out: string | null;
  try {
    const require = createRequire(import.meta.url);
    const esbuildMain = require.resolve('esbuild');
    const esbuild = require(esbuildMain) as typeof Esbuild;
    const major = process.versions.node.split('.')[0]!;
    const built = esbuild.buildSync({ entryPoints: [file], bundle: true, platform: 'node', format: 'esm', target: `node${major}`, packages: 'external', write: false, logLevel: 'silent' });
    const code = built.outputFiles[0]!.contents;
    const marker = `${path.sep}node_modules${path.sep}`;
    const dir = path.join(esbuildMain.slice(0, esbuildMain.lastIndexOf(marker) + marker.length), '.cache', 'chronolens');
    const target = path.join(dir, `${path.basename(file, '.ts')}.${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
    if (!existsSync(target)) {
      mkdirSync(dir, { recursive: true });
      // Other processes may write the same bundle at the same moment: each writes its own temp file, then renames.
      const tmp = `${target}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
      writeFileSync(tmp, code);
      renameSync(tmp, target);
      pruneBundles(dir, target);
    }
    out = target;
  } catch {
    out = null;
  }
  bundles.set(file, out);
  return out;
}

/** Deletes bundles older than a day (each change to the sources makes a new one, ~0.25 MB). Best effort. */
function pruneBundles(dir: string, keep: string): void {
  for (const name of readdirSync(dir)) {
    const f = path.join(dir, name);
    try {
      if (f !== keep && Date.now() - statSync(f).mtimeMs > BUNDLE_MAX_AGE_MS) rmSync(f, { force: true });
    } catch {
      // Another process pruned it first.
    }
  }
}

/**
 * How to start `file` as a worker. TypeScript runs from a bundle of the sources (bundledEntry), else through tsx's
 * loader, registered inside the worker before the entry is imported (`execArgv: ['--import', 'tsx']` does not reach
 * a worker's own module loading on Node 20).
 */
function spawn(entry: WorkerEntry): Worker {
  if (!entry.file.endsWith('.ts')) return new Worker(entry.file);
  const bundled = bundledEntry(entry.file);
  if (bundled) return new Worker(bundled);
  const tsx = tsxEsmApi();
  const bootstrap = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(pathToFileURL(entry.file).href)}); });`;
  return new Worker(bootstrap, { eval: true });
}

/**
 * A worker entry given relative to the calling module: `<rel>.ts` beside the sources, or, once bundled (every
 * module is then the bundle), `<basename>.cjs` beside the bundle.
 */
export function workerEntry(moduleUrl: string, rel: string): WorkerEntry {
  const here = fileURLToPath(moduleUrl);
  return here.endsWith('.ts') ? { file: path.join(path.dirname(here), `${rel}.ts`) } : { file: path.join(path.dirname(here), `${path.basename(rel)}.cjs`) };
}

interface Slot<I, O> {
  worker: Worker;
  ready: boolean;
  /** When the worker last finished a task (performance.now()). */
  idleSince: number;
  task: { req: Request<I>; resolve: (o: O) => void; reject: (e: Error) => void; timer: NodeJS.Timeout | null } | null;
}

export interface PoolOptions {
  /** The most workers. */
  size: number;
  /**
   * Tasks that justify starting one more worker (default: start up to `size` as soon as tasks wait). Starting a
   * worker costs about what a few hundred small tasks do, so a run with a handful of tasks keeps to one worker;
   * the pool grows as tasks are submitted, or at once for the work announced with `expect`.
   */
  tasksPerWorker?: number;
  /** Per task; the worker is terminated when a task exceeds it. */
  timeoutMs: number;
  /** A worker that has not started after this long is given up (default 60 s: tsx compiles the sources first). */
  startTimeoutMs?: number;
  /** Workers idle this long are stopped (default: they stay until `close`); tasks that come later start new ones. */
  idleMs?: number;
  entry: WorkerEntry;
}

export class WorkerPool<I, O> {
  private readonly slots: Slot<I, O>[] = [];
  private readonly queue: Array<{ input: I; transfer: Transferable[]; resolve: (o: O) => void; reject: (e: Error) => void }> = [];
  private seq = 0;
  private closed = false;
  /** Tasks submitted so far, and those announced (`expect`). */
  private submitted = 0;
  private expected = 0;

  constructor(private readonly opts: PoolOptions) {
    if (opts.size < 1) throw new Error('a worker pool needs at least one worker');
  }

  private idleTimer: NodeJS.Timeout | null = null;

  /** Stops the workers idle for `idleMs` now, and checks again when the next one will have been. */
  private scheduleIdleStop(): void {
    const idleMs = this.opts.idleMs;
    if (idleMs === undefined || this.idleTimer || this.closed) return;
    const idle = this.slots.filter((s) => s.task === null && s.ready);
    if (!idle.length) return;
    const due = Math.min(...idle.map((s) => s.idleSince)) + idleMs - performance.now();
    this.idleTimer = setTimeout(() => {
      this.idleTimer = null;
      const now = performance.now();
      for (const s of this.slots.filter((x) => x.task === null && x.ready && now - x.idleSince >= idleMs)) {
        this.slots.splice(this.slots.indexOf(s), 1);
        void s.worker.terminate();
      }
      this.scheduleIdleStop();
    }, Math.max(0, due));
    // Idle workers never keep the process alive, nor does the timer that stops them.
    this.idleTimer.unref();
  }

  /** Workers started (running or starting). */
  get workers(): number {
    return this.slots.length;
  }

  /** Announces a batch of about `tasks` tasks, so the pool starts the workers they justify at once. */
  expect(tasks: number): void {
    this.expected = tasks;
    this.submitted = 0;
    this.pump();
  }

  /** How many workers the work seen so far justifies (see `tasksPerWorker`). */
  private wanted(): number {
    const per = this.opts.tasksPerWorker;
    if (!per) return this.opts.size;
    return Math.min(this.opts.size, Math.max(1, Math.ceil(Math.max(this.expected, this.submitted) / per)));
  }

  run(input: I, transfer: Transferable[] = []): Promise<O> {
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    this.submitted++;
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ input, transfer, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.task === null);
      if (!slot && this.slots.length < this.wanted()) slot = this.startSlot();
      if (!slot) return;
      const next = this.queue.shift()!;
      const req: Request<I> = { seq: ++this.seq, input: next.input };
      slot.task = { req, resolve: next.resolve, reject: next.reject, timer: null };
      // A busy worker keeps the process alive (an idle one does not).
      slot.worker.ref();
      // The clock starts when the worker can work: starting one (tsx compiling the sources) is not the task's time.
      if (slot.ready) this.startClock(slot);
      slot.worker.postMessage(req, next.transfer);
    }
  }

  private startClock(slot: Slot<I, O>): void {
    if (slot.task && !slot.task.timer) slot.task.timer = setTimeout(() => this.fail(slot, new TaskTimeoutError(this.opts.timeoutMs)), this.opts.timeoutMs);
  }

  private startSlot(): Slot<I, O> {
    const worker = spawn(this.opts.entry);
    // Idle workers must not keep the process alive.
    worker.unref();
    const slot: Slot<I, O> = { worker, ready: false, task: null, idleSince: performance.now() };
    const boot = setTimeout(() => this.fail(slot, new WorkerStartError(`an annotation worker did not start within ${Math.round((this.opts.startTimeoutMs ?? 60_000) / 1000)} s`)), this.opts.startTimeoutMs ?? 60_000);
    boot.unref();
    worker.once('exit', () => clearTimeout(boot));
    worker.on('message', (reply: Reply<O>) => {
      if ('ready' in reply) {
        clearTimeout(boot);
        slot.ready = true;
        this.startClock(slot);
        return;
      }
      const task = slot.task;
      if (!task || task.req.seq !== reply.seq) return;
      if (task.timer) clearTimeout(task.timer);
      slot.task = null;
      slot.worker.unref();
      slot.idleSince = performance.now();
      if ('ok' in reply) task.resolve(reply.ok);
      else task.reject(new Error(reply.error));
      this.pump();
      if (slot.task === null) this.scheduleIdleStop();
    });
    const crash = (why: string): Error => (slot.ready ? new WorkerCrashError(`the worker crashed: ${why}`) : new WorkerStartError(`an annotation worker could not start: ${why}`));
    worker.on('error', (e) => this.fail(slot, crash(e.message)));
    worker.on('exit', (code) => {
      if (this.slots.includes(slot)) this.fail(slot, crash(`exited with code ${code}`));
    });
    this.slots.push(slot);
    return slot;
  }

  /** Rejects the slot's task, removes the worker and lets a fresh one take the queue. */
  private fail(slot: Slot<I, O>, error: Error): void {
    const i = this.slots.indexOf(slot);
    if (i === -1) return;
    this.slots.splice(i, 1);
    void slot.worker.terminate();
    const task = slot.task;
    slot.task = null;
    if (task) {
      if (task.timer) clearTimeout(task.timer);
      task.reject(error);
    }
    if (!this.closed) this.pump();
  }

  /** Stops idle workers beyond the first `keep` (their memory back, while one stays warm for the next run). */
  shrink(keep: number): void {
    for (const s of this.slots.filter((x) => x.task === null).slice(keep)) {
      this.slots.splice(this.slots.indexOf(s), 1);
      void s.worker.terminate();
    }
  }

  get isClosed(): boolean {
    return this.closed;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    for (const q of this.queue.splice(0)) q.reject(new Error('the worker pool was closed'));
    const slots = this.slots.splice(0);
    for (const s of slots) {
      if (s.task) {
        if (s.task.timer) clearTimeout(s.task.timer);
        s.task.reject(new Error('the worker pool was closed'));
      }
    }
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}

/** Pools kept between runs by their options (see keptPool). */
const kept = new Map<string, WorkerPool<unknown, unknown>>();

/**
 * The pool a run with these options used before, its workers started and warmed up (just-in-time compiled), or a new
 * one. A run that finds them saves their start-up (~0.5 s of CPU each) and their slow first tasks: re-annotating a
 * few changed files then costs what annotating them does. Set `idleMs`, so that workers left idle stop by
 * themselves; a closed pool is replaced.
 */
export function keptPool<I, O>(opts: PoolOptions & { idleMs: number }): WorkerPool<I, O> {
  const key = JSON.stringify(opts);
  let pool = kept.get(key);
  if (!pool || pool.isClosed) kept.set(key, (pool = new WorkerPool<unknown, unknown>(opts)));
  return pool as WorkerPool<I, O>;
}

/** Worker side: answers each task with `handler`'s result, or its error message. */
export function serveTasks<I, O>(handler: (input: I) => O | Promise<O>): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks must run in a worker thread');
  port.postMessage({ ready: true } satisfies Reply<O>);
  port.on('message', (req: Request<I>) => {
    Promise.resolve()
      .then(() => handler(req.input))
      .then(
        (ok) => port.postMessage({ seq: req.seq, ok } satisfies Reply<O>),
        (e: unknown) => port.postMessage({ seq: req.seq, error: e instanceof Error ? e.message : String(e) } satisfies Reply<O>),
      );
  });
}
