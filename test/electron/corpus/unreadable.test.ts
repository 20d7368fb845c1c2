import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type * as Fs from 'node:fs';
import { afterAll, describe, expect, it, vi } from 'vitest';

// Tests run as root, so chmod 000 cannot make a file unreadable: the read fails the way it would for a user.
const denied = new Set<string>();
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof Fs>();
  return {
    ...real,
    readFileSync: ((file: Parameters<typeof real.readFileSync>[0], ...rest: unknown[]) => {
      if (typeof file === 'string' && denied.has(file)) throw Object.assign(new Error(`EACCES: permission denied, open '${file}'`), { code: 'EACCES' });
      return (real.readFileSync as (...a: unknown[]) => unknown)(file, ...rest);
    }) as typeof real.readFileSync,
  };
});

const { annotateCorpus } = await import('../../../electron/corpus/annotate-corpus');
const { readFileBytes } = await import('../../../electron/corpus/read-document');
const { openStore } = await import('../../../electron/store/database');
const { Repository } = await import('../../../electron/store/repository');

const tmp = mkdtempSync(path.join(os.tmpdir(), 'chronolens-unreadable-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('files that cannot be read', () => {
  it('reports a permission error as unreadable and keeps the file’s earlier annotations', async () => {
    const dir = path.join(tmp, 'corpus');
    mkdirSync(dir);
    const file = path.join(dir, 'a.txt');
    writeFileSync(file, 'Heute, am 8. Juni, kündigte Ant eine Finanzierungsrunde an. Im Mai dieses Jahres (2018) sprach Ma darüber.');
    writeFileSync(path.join(dir, 'b.txt'), 'Gestern wurde die Plattform vorgestellt.');
    const store = await openStore(path.join(tmp, 'store.json'));
    try {
      const repo = new Repository(store);
      await annotateCorpus(dir, repo, { jobs: 0 });
      denied.add(file);
      const again = await annotateCorpus(dir, repo, { jobs: 0 });
      expect(again.problems).toEqual([{ file: 'a.txt', code: 'unreadable', message: expect.stringMatching(/EACCES.*earlier annotations are kept/) }]);
      expect(repo.findDocument('a.txt')?.document.published.value).toBe('2018-06-08');
      expect(again.documents).toBe(2);
    } finally {
      denied.clear();
      await store.close();
    }
  });

  it('reports a file that vanished after the scan', async () => {
    const file = path.join(tmp, 'gone.txt');
    writeFileSync(file, 'x');
    unlinkSync(file);
    expect(await readFileBytes({ abs: file, rel: 'gone.txt', size: 1 })).toMatchObject({ file: 'gone.txt', code: 'vanished' });
  });

  it('checks the size limit again on the bytes it read', async () => {
    const file = path.join(tmp, 'grew.txt');
    writeFileSync(file, 'y'.repeat(2_000));
    expect(await readFileBytes({ abs: file, rel: 'grew.txt', size: 10 }, 1_000)).toMatchObject({ code: 'too-large' });
  });
});
