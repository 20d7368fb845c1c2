import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../electron/store/database';
import { Repository } from '../../../electron/store/repository';
import { STORE_VERSION, validateStore } from '../../../electron/store/schema';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'chronolens-migrate-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('store version 1 → 2 (user dates apart)', () => {
  it('opens a version 1 store, gives it an empty user-date map and writes it as version 2', async () => {
    const file = path.join(tmp, 'v1.json');
    writeFileSync(file, JSON.stringify({ format: 'chronolens.store', version: 1, corpusDir: null, updatedAt: null, documents: [], problems: [] }));
    const store = await openStore(file);
    try {
      const repo = new Repository(store);
      expect(repo.userDates()).toEqual({});
      repo.setUserDate('a.txt', '2018-06');
      await repo.writeUserDates();
    } finally {
      await store.close();
    }
    const written = JSON.parse(readFileSync(file, 'utf8'));
    expect(written.version).toBe(STORE_VERSION);
    expect(written.userDates['a.txt'].value).toBe('2018-06');
  });

  it('refuses a version 2 store without its user dates', () => {
    expect(validateStore({ format: 'chronolens.store', version: 2, corpusDir: null, updatedAt: null, documents: [], problems: [] })).toMatch(/user dates/);
  });
});
