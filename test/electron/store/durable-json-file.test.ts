import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../../electron/store/database';
import { DurableJsonFile, StoreReadError } from '../../../electron/store/durable-json-file';
import { emptyStore, STORE_VERSION } from '../../../electron/store/schema';
import { StoreLockedError } from '../../../electron/store/store-lock';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'chronolens-store-'));
});
afterEach(() => undefined);

describe('the durable JSON store', () => {
  it('persists to a real file (not memory, even under NODE_ENV=test) and reads it back', async () => {
    const file = path.join(dir, 'store.json');
    const a = await openStore(file);
    expect(a.existed).toBe(false);
    a.db.data.corpusDir = '/corpus';
    await a.db.write();
    await a.close();
    const onDisk = JSON.parse(await readFile(file, 'utf8'));
    expect(onDisk.corpusDir).toBe('/corpus');
    const b = await openStore(file);
    expect(b.existed).toBe(true);
    expect(b.db.data.corpusDir).toBe('/corpus');
    await b.close();
  });

  it('leaves no temp files behind and keeps the previous version as .bak', async () => {
    const file = path.join(dir, 'store.json');
    const s = await openStore(file);
    s.db.data.corpusDir = 'one';
    await s.db.write();
    s.db.data.corpusDir = 'two';
    await s.db.write();
    await s.close();
    const names = await readdir(dir);
    expect(names.filter((n) => n.endsWith('.tmp'))).toEqual([]);
    expect(JSON.parse(await readFile(`${file}.bak`, 'utf8')).corpusDir).toBe('one');
  });

  it.each([
    ['empty', ''],
    ['truncated', '{"format":"chronolens.store","vers'],
    ['NUL-filled', '\0\0\0\0'],
    ['null', 'null'],
    ['a foreign JSON file', '{"hello":1}'],
  ])('refuses to open a %s file and leaves it untouched', async (_name, content) => {
    const file = path.join(dir, 'store.json');
    await writeFile(file, content);
    await expect(openStore(file)).rejects.toBeInstanceOf(StoreReadError);
    expect(await readFile(file, 'utf8')).toBe(content);
  });

  it('reads a BOM-prefixed store', async () => {
    const file = path.join(dir, 'store.json');
    await writeFile(file, `\uFEFF${JSON.stringify(emptyStore())}`);
    const s = await new DurableJsonFile(file).read();
    expect(s).toMatchObject({ format: 'chronolens.store' });
  });

  it('refuses a store written by a newer version', async () => {
    const file = path.join(dir, 'store.json');
    await writeFile(file, JSON.stringify({ ...emptyStore(), version: STORE_VERSION + 1 }));
    await expect(openStore(file)).rejects.toThrow(/newer Chronolens/);
  });

  it('refuses a second owner of the same store while the first is open', async () => {
    const file = path.join(dir, 'store.json');
    const first = await openStore(file);
    await expect(openStore(file)).rejects.toBeInstanceOf(StoreLockedError);
    await first.close();
    const again = await openStore(file);
    await again.close();
  });

  it('takes over a lock left by a dead process', async () => {
    const file = path.join(dir, 'store.json');
    await writeFile(`${file}.lock`, '999999999');
    const s = await openStore(file);
    await s.close();
  });
});
