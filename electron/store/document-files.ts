/**
 * The folder of per-document files beside the store index (`NAME.json.d/`). Files are named by their content
 * (`<doc id>.<hash>.json`, `links-<shard>.<hash>.json`), so a file the index names never changes under it:
 * a run writes new files first (under names no index holds yet, or through a unique temp file and a rename when
 * the name exists), flushes all of them and fsyncs the folder, then writes the index, then deletes what neither
 * the new index nor the previous one (`.bak`) names. A crash at any point leaves the index naming complete files.
 *
 * Read-only stores (exports) never touch the disk: what they would write stays in memory.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { open, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fsyncDir } from './durable-json-file';

export class DocumentFileError extends Error {}

/** A file's name in the folder: `<stem>.<first 16 hex digits of the content's SHA-256>.json`. */
export const documentFileName = (stem: string, json: string): string => `${stem}.${createHash('sha256').update(json).digest('hex').slice(0, 16)}.json`;

/**
 * Runs `fn` over `items`, at most `limit` at a time. After a failure nothing new starts, and the call rejects only
 * once every running `fn` has settled, so a caller cleaning up (abandoning a run) never races a straggler.
 */
export async function forEachLimited<T>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length && !failed) {
      const i = next++;
      try {
        await fn(items[i]!, i);
      } catch (e) {
        failed = true;
        throw e;
      }
    }
  });
  const settled = await Promise.allSettled(lanes);
  const rejected = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (rejected) throw rejected.reason;
}

async function flushFile(file: string): Promise<void> {
  const fh = await open(file, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/**
 * Writes a document file from an annotation worker (open, write, close in that thread; the main thread then adopts
 * the name and flushes the file in the background, see `adopt`: an fsync in the worker would stall its CPU work). A
 * new name is created in place (no index can name it yet); an existing one is replaced atomically through a unique
 * temp file. The folder is made when missing. Answers whether this call created the file.
 */
export function writeDocumentFileSync(dir: string, name: string, json: string, again = false): boolean {
  const target = path.join(dir, name);
  let fd: number;
  try {
    fd = openSync(target, 'wx');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !again) {
      mkdirSync(dir, { recursive: true });
      return writeDocumentFileSync(dir, name, json, true);
    }
    if (code !== 'EEXIST') throw e;
    const tmp = path.join(dir, `.${name}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      writeAllSync(openSync(tmp, 'wx'), json);
      renameSync(tmp, target);
    } catch (err) {
      rmSync(tmp, { force: true });
      throw err;
    }
    return false;
  }
  try {
    writeAllSync(fd, json);
  } catch (err) {
    rmSync(target, { force: true });
    throw err;
  }
  return true;
}

/** Writes and closes an open file. */
function writeAllSync(fd: number, text: string): void {
  try {
    const buf = Buffer.from(text, 'utf8');
    for (let at = 0; at < buf.length; ) at += writeSync(fd, buf, at, buf.length - at);
  } finally {
    closeSync(fd);
  }
}

function parse(name: string, raw: string): unknown {
  const text = raw.replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new DocumentFileError(`${name} is empty`);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new DocumentFileError(`${name} is not valid JSON (${(e as Error).message})`);
  }
}

export class DocumentFiles {
  /** Written since the last commit, not yet flushed. */
  private staged = new Set<string>();
  /** Of those, the ones this run created (no earlier index can name them): an abandoned run deletes these. */
  private created = new Set<string>();
  /** Read-only stores keep what they would write here. */
  private readonly memory = new Map<string, string>();
  /** Background flushes of written files (flushSoon), by name, and the four lanes they run in. */
  private readonly background = new Map<string, Promise<void>>();
  private readonly lanes: Array<Promise<unknown>> = [Promise.resolve(), Promise.resolve(), Promise.resolve(), Promise.resolve()];
  private nextLane = 0;

  constructor(
    readonly dir: string,
    private readonly readOnly = false,
  ) {}

  static forStore(storeFile: string, readOnly = false): DocumentFiles {
    return new DocumentFiles(`${storeFile}.d`, readOnly);
  }

  /** Writes `value` as `<stem>.<content hash>.json` (not yet durable: see `commit`) and returns the file's name. */
  async write(stem: string, value: object): Promise<string> {
    const json = JSON.stringify(value);
    const name = documentFileName(stem, json);
    await this.writeJson(name, json);
    return name;
  }

  /** Writes JSON already serialised and named by `documentFileName` (an annotation worker does both). */
  async writeJson(name: string, json: string): Promise<void> {
    if (this.readOnly) {
      this.memory.set(name, json);
      return;
    }
    if (this.staged.has(name)) return;
    // Written synchronously, as a worker writes one (~40 µs of CPU for a document file against ~250 µs through
    // fs.promises' open/write/close round trips, in a run that writes thousands), then staged like a worker's.
    this.adopt(name, writeDocumentFileSync(this.dir, name, json));
  }

  /**
   * Takes a file written by `writeDocumentFileSync` (in an annotation worker, or by `writeJson`) into this run:
   * flushed in the background, committed with the others, deleted if the run is abandoned and it was created by it.
   */
  adopt(name: string, created: boolean): void {
    if (this.readOnly) throw new DocumentFileError(`a read-only store cannot adopt ${name}`);
    if (this.staged.has(name)) return;
    this.staged.add(name);
    if (created) this.created.add(name);
    this.flushSoon(name);
  }

  /** The folder workers write document files into; null for a read-only store (nothing goes to disk). */
  get writableDir(): string | null {
    return this.readOnly ? null : this.dir;
  }

  /**
   * Starts flushing a file just written, four at a time in the background, so that `commit` mostly finds it done
   * (flushing 10,000 document files only at the end added a second of waiting to a corpus run).
   */
  private flushSoon(name: string): void {
    const k = this.nextLane++ % this.lanes.length;
    const flushed = this.lanes[k]!.then(() => flushFile(path.join(this.dir, name)));
    // Settled (or failed) either way: a failure is reported by the commit that needs the file.
    flushed.catch(() => undefined);
    this.lanes[k] = flushed.catch(() => undefined);
    this.background.set(name, flushed);
  }

  /** A file written since the last commit, flushed: by its background flush, else now. */
  private flushed(name: string): Promise<void> {
    const started = this.background.get(name);
    if (!started) return flushFile(path.join(this.dir, name));
    this.background.delete(name);
    return started;
  }

  /** Flushes every file written since the last commit, then the folder: call before writing the index. */
  async commit(): Promise<void> {
    if (this.readOnly || this.staged.size === 0) return;
    const names = [...this.staged];
    this.staged = new Set();
    this.created = new Set();
    await forEachLimited(names, 16, (name) => this.flushed(name));
    // What is left was flushing for an abandoned run.
    this.background.clear();
    await fsyncDir(this.dir);
  }

  /**
   * Forgets files written since the last commit (a failed or cancelled run) and deletes the ones it created; a
   * rewritten existing file may be named by the index and stays (the next `prune` sweeps whatever is left).
   */
  async abandon(): Promise<void> {
    const created = [...this.created];
    this.staged = new Set();
    this.created = new Set();
    await forEachLimited(created, 16, (n) => rm(path.join(this.dir, n), { force: true }));
  }

  /** Deletes the files (and temp files) modified at or after `since` (ms) that are neither in `keep` nor staged. */
  async sweepNewer(since: number, keep: ReadonlySet<string>): Promise<number> {
    if (this.readOnly) return 0;
    const names = (await readdir(this.dir).catch(() => [] as string[])).filter((n) => !keep.has(n) && !this.staged.has(n));
    let swept = 0;
    await forEachLimited(names, 16, async (n) => {
      const file = path.join(this.dir, n);
      const st = await stat(file).catch(() => null);
      // File times come from the kernel's coarse clock, a tick behind: a few ms of slack. (On file systems with
      // whole-second times a leftover may stay; the next commit's prune deletes it.)
      if (st?.isFile() && st.mtimeMs >= since - 50) {
        await rm(file, { force: true });
        swept++;
      }
    });
    return swept;
  }

  async read(name: string): Promise<unknown> {
    const mem = this.memory.get(name);
    if (mem !== undefined) return parse(name, mem);
    let raw: string;
    try {
      raw = await readFile(path.join(this.dir, name), 'utf8');
    } catch (e) {
      throw new DocumentFileError(`cannot read ${name}: ${(e as Error).message}`);
    }
    return parse(name, raw);
  }

  readSync(name: string): unknown {
    const mem = this.memory.get(name);
    if (mem !== undefined) return parse(name, mem);
    let raw: string;
    try {
      raw = readFileSync(path.join(this.dir, name), 'utf8');
    } catch (e) {
      throw new DocumentFileError(`cannot read ${name}: ${(e as Error).message}`);
    }
    return parse(name, raw);
  }

  /** Deletes every file (and leftover temp file) not in `keep`. Call after the index is written. */
  async prune(keep: ReadonlySet<string>): Promise<number> {
    if (this.readOnly) return 0;
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const gone = names.filter((n) => !keep.has(n) && !this.staged.has(n));
    await forEachLimited(gone, 16, (n) => rm(path.join(this.dir, n), { force: true }));
    return gone.length;
  }
}
