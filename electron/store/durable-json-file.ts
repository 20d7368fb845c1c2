/**
 * A lowdb adapter with the guarantees lowdb's own JSONFile lacks (pitfalls.md): a unique temp file written with
 * flush, renamed over the store, the folder fsynced, and a copy of the last good file kept as `.bak`. Reads are
 * defensive: an empty, truncated or non-object file is an error the caller must handle, never "no data" (which
 * would let the next write destroy it).
 */
import { randomBytes } from 'node:crypto';
import { copyFile, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import { RollingBackups, type BackupPolicy } from './backups';

export class StoreReadError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

export async function fsyncDir(dir: string): Promise<void> {
  // Windows cannot open folders for fsync; rename there is already as durable as it gets.
  if (process.platform === 'win32') return;
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}

export interface DurableJsonFileOptions {
  /** Keep the previous version as `NAME.bak` on every write. */
  backup?: boolean;
  /** Also keep time-spaced copies (`NAME.bak-<time>`). */
  rolling?: BackupPolicy;
  validate?: (data: unknown) => string | null;
}

export class DurableJsonFile<T extends object> implements Adapter<T> {
  private readonly rolling: RollingBackups | null;

  constructor(
    readonly file: string,
    private readonly options: DurableJsonFileOptions = {},
  ) {
    this.rolling = options.rolling ? new RollingBackups(file, options.rolling) : null;
  }

  async read(): Promise<T | null> {
    let raw: string;
    try {
      raw = await readFile(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new StoreReadError(this.file, `cannot read ${this.file}: ${(e as Error).message}`);
    }
    const text = raw.replace(/^\uFEFF/, '');
    if (text.trim() === '') throw new StoreReadError(this.file, `${this.file} is empty (a crash or a full disk?); it was left untouched`);
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      throw new StoreReadError(this.file, `${this.file} is not valid JSON (${(e as Error).message}); it was left untouched`);
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      throw new StoreReadError(this.file, `${this.file} does not hold a Chronolens store; it was left untouched`);
    }
    const problem = this.options.validate?.(data);
    if (problem) throw new StoreReadError(this.file, `${this.file}: ${problem}; it was left untouched`);
    return data as T;
  }

  async write(data: T): Promise<void> {
    const dir = path.dirname(this.file);
    const tmp = path.join(dir, `.${path.basename(this.file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      await writeFile(tmp, JSON.stringify(data), { flush: true });
      await this.rolling?.maybeBackup();
      if (this.options.backup) {
        await copyFile(this.file, `${this.file}.bak`).catch((e: NodeJS.ErrnoException) => {
          if (e.code !== 'ENOENT') throw e;
        });
      }
      await rename(tmp, this.file);
    } catch (e) {
      await rm(tmp, { force: true });
      throw e;
    }
    await fsyncDir(dir);
  }
}
