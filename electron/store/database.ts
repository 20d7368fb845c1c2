/** Opens the lowdb store with our durable adapter, passed explicitly (lowdb's presets go to memory under tests). */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { DurableJsonFile } from './durable-json-file';
import { emptyStore, validateStore, type StoreData } from './schema';
import { lockStore, type StoreLock } from './store-lock';

export interface OpenStore {
  db: Low<StoreData>;
  file: string;
  /** False when the file did not exist and the store starts empty. */
  existed: boolean;
  close(): Promise<void>;
}

export async function openStore(file: string, opts: { lock?: boolean } = {}): Promise<OpenStore> {
  const abs = path.resolve(file);
  await mkdir(path.dirname(abs), { recursive: true });
  const lock: StoreLock | null = opts.lock === false ? null : await lockStore(abs);
  try {
    const adapter = new DurableJsonFile<StoreData>(abs, { backup: true, validate: validateStore });
    const db = new Low<StoreData>(adapter, emptyStore());
    const data = await adapter.read();
    const existed = data !== null;
    if (data) db.data = data;
    return { db, file: abs, existed, close: async () => lock?.release() };
  } catch (e) {
    await lock?.release();
    throw e;
  }
}
