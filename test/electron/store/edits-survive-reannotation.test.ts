import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { anchorOf } from '../../../shared/edits';
import { annotateCorpus } from '../../../electron/corpus/annotate-corpus';
import { openStore } from '../../../electron/store/database';
import { Repository } from '../../../electron/store/repository';
import { UserStore } from '../../../electron/store/user-store';

const GERMAN = '002_d34475018d67325a.txt';

async function open(storeFile: string) {
  const store = await openStore(storeFile);
  const user = await UserStore.open(storeFile);
  return { repo: new Repository(store, user), close: async () => (await user.close(), await store.close()) };
}

describe("a researcher's edits and re-annotation", () => {
  it('re-applies an edit after the article changes around its sentence, and keeps it as orphaned when the sentence is gone', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'chronolens-edits-'));
    const corpus = path.join(dir, 'corpus');
    await cp('assets/corpus', corpus, { recursive: true });
    const storeFile = path.join(dir, 'store.json');

    let s = await open(storeFile);
    await annotateCorpus(corpus, s.repo);
    const gestern = s.repo.timeline().events.find((e) => e.text.includes('gestern'))!;
    expect(gestern.date.value).toBe('2018-09-20');
    await s.repo.applyEdit({ kind: 'event.update', target: anchorOf(gestern), patch: { date: { value: '2018-09-19', certainty: 'stated' }, note: 'ATEC opened on the 19th' } });
    await s.close();

    // The article gains a paragraph above the sentence: offsets move, the edit follows.
    const file = path.join(corpus, GERMAN);
    const original = await readFile(file, 'utf8');
    await writeFile(file, `Vorbemerkung der Redaktion.\n\n${original}`);
    s = await open(storeFile);
    const summary = await annotateCorpus(corpus, s.repo);
    expect(summary.annotated).toBe(1);
    const moved = s.repo.timeline().events.find((e) => e.text.includes('gestern'))!;
    expect(moved.start).toBe(gestern.start + 'Vorbemerkung der Redaktion.\n\n'.length);
    expect(moved).toMatchObject({ edited: true, note: 'ATEC opened on the 19th', date: { value: '2018-09-19', certainty: 'stated' } });
    expect(s.repo.eventsExport().events.find((e) => e.id === moved.id)!.date.value).toBe('2018-09-19');

    // The sentence is deleted from the article: the edit is kept and reported, not dropped.
    await writeFile(file, original.replace(gestern.text, ''));
    await annotateCorpus(corpus, s.repo);
    const t = s.repo.timeline();
    expect(t.events.some((e) => e.text.includes('gestern'))).toBe(false);
    expect(t.orphaned).toHaveLength(1);
    expect(t.orphaned[0]!.edit.op).toMatchObject({ kind: 'event.update', patch: { note: 'ATEC opened on the 19th' } });
    await s.close();
  });
});
