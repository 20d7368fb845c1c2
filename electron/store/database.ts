/**
 * Opens lowdb stores with our durable adapter, passed explicitly (lowdb's presets go to memory under tests).
 * With `recover`, a corrupt or newer-version file is kept aside (renamed, never overwritten) and the newest good
 * backup is restored; the caller is told what happened so the user can be.
 */
import { copyFile, mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { backupStamp, lastGoodBackup, type BackupPolicy } from './backups';
import { DurableJsonFile, StoreReadError } from './durable-json-file';
import { emptyStore, validateStore, type StoreData } from './schema';
import { lockStore, type StoreLock } from './store-lock';

export interface Recovery {
  reason: string;
  keptAside: string;
  restoredFrom: string | null;
}

export interface OpenJson<T> {
  db: Low<T>;
  file: string;
  /** False when the file did not exist and the store starts from defaults. */
  existed: boolean;
  recovered: Recovery | null;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Take the single-owner lock (default true). Read-only users (exports) pass false. */
  lock?: boolean;
  /** Keep a bad file aside and restore the last good backup instead of failing. */
  recover?: boolean;
  /**
   * Never touch the disk: no lock, no folder, no recovery, and any write throws. Exports use it, so they work while
   * the app holds the store open.
   */
  readOnly?: boolean;
}

export class ReadOnlyStoreError extends Error {}

interface JsonStoreSpec<T> {
  defaults: () => T;
  validate: (data: unknown) => string | null;
  backup: boolean;
  rolling?: BackupPolicy;
  migrate?: (data: T) => T;
}

export async function openJsonStore<T extends object>(file: string, spec: JsonStoreSpec<T>, opts: OpenOptions = {}): Promise<OpenJson<T>> {
  const abs = path.resolve(file);
  if (!opts.readOnly) await mkdir(path.dirname(abs), { recursive: true });
  const lock: StoreLock | null = opts.lock === false || opts.readOnly ? null : await lockStore(abs);
  try {
    const adapter = new DurableJsonFile<T>(abs, { backup: spec.backup, validate: spec.validate, ...(spec.rolling ? { rolling: spec.rolling } : {}) });
    let recovered: Recovery | null = null;
    let data: T | null;
    try {
      data = await adapter.read();
    } catch (e) {
      if (!(e instanceof StoreReadError) || !opts.recover || opts.readOnly) throw e;
      const keptAside = `${abs}.unreadable-${backupStamp()}`;
      await rename(abs, keptAside);
      const good = await lastGoodBackup(abs, (d) => spec.validate(d) === null);
      if (good) await copyFile(good, abs);
      recovered = { reason: e.message, keptAside, restoredFrom: good };
      data = good ? await adapter.read() : null;
    }
    const db = new Low<T>(adapter, spec.defaults());
    if (data) db.data = spec.migrate ? spec.migrate(data) : data;
    if (opts.readOnly)
      db.write = async () => {
        throw new ReadOnlyStoreError(`${abs} is open read-only`);
      };
    return { db, file: abs, existed: data !== null, recovered, close: async () => lock?.release() };
  } catch (e) {
    await lock?.release();
    throw e;
  }
}

export type OpenStore = OpenJson<StoreData>;

/** The machine-annotation store (big, rewritten on annotation only). */
export function openStore(file: string, opts: OpenOptions = {}): Promise<OpenStore> {
  return openJsonStore(file, { defaults: emptyStore, validate: validateStore, backup: true }, opts);
}
