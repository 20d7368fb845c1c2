/**
 * Store version 3: a small index (`store.json`) and one file per document (and per document's links) in
 * `store.json.d/`. A run rewrites only what changed; versions 1 and 2 (one file) are split on open; a bad
 * document file is a per-file problem, never a crash.
 */
import { appendFile, cp, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotateDocument } from '../../../electron/annotate/annotate-document';
import { linkEvents } from '../../../electron/annotate/link-events';
import { annotateCorpus } from '../../../electron/corpus/annotate-corpus';
import { parseManifest } from '../../../electron/corpus/manifest';
import { setPublicationDate } from '../../../electron/corpus/set-date';
import { openStore } from '../../../electron/store/database';
import { Repository } from '../../../electron/store/repository';
import { STORE_VERSION, type StoreIndex } from '../../../electron/store/schema';

const GERMAN = '002_d34475018d67325a.txt';
const ARABIC = '000_146d0f612b7a5602.txt';

async function setup(): Promise<{ dir: string; corpus: string; storeFile: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'chronolens-split-'));
  const corpus = path.join(dir, 'corpus');
  await cp('assets/corpus', corpus, { recursive: true });
  return { dir, corpus, storeFile: path.join(dir, 'store.json') };
}

async function withRepo<T>(storeFile: string, fn: (repo: Repository) => Promise<T> | T, readOnly = false): Promise<T> {
  const s = await openStore(storeFile, readOnly ? { readOnly } : {});
  try {
    return await fn(new Repository(s));
  } finally {
    await s.close();
  }
}

const index = async (storeFile: string): Promise<StoreIndex> => JSON.parse(await readFile(storeFile, 'utf8'));
const namesOf = (idx: StoreIndex): string[] => [...idx.documents.map((d) => d.data), ...Object.values(idx.links ?? {})];
/** Documents with links, from the links shards. */
async function linkedIds(storeFile: string): Promise<string[]> {
  const idx = await index(storeFile);
  const ids: string[] = [];
  for (const name of Object.values(idx.links ?? {})) ids.push(...Object.keys(JSON.parse(await readFile(path.join(`${storeFile}.d`, name), 'utf8')).docs));
  return ids.sort();
}
const mtimes = async (dir: string): Promise<Map<string, number>> => new Map(await Promise.all((await readdir(dir)).map(async (n) => [n, (await stat(path.join(dir, n))).mtimeMs] as [string, number])));
/** What the timeline shows, minus nothing: every event with its links. */
const timelineOf = (storeFile: string) => withRepo(storeFile, (r) => r.timeline().events);

describe('the split store', () => {
  it('keeps an index of summaries and one file per document beside it', async () => {
    const { corpus, storeFile } = await setup();
    await withRepo(storeFile, (repo) => annotateCorpus(corpus, repo, { jobs: 1 }));
    const idx = await index(storeFile);
    expect(idx.version).toBe(STORE_VERSION);
    expect(idx.documents.map((d) => d.file)).toEqual([ARABIC, '001_aa85632ba5fb63a3.txt', GERMAN, '003_450c214e5197ce59.txt', '004_551c0009b75b6349.txt']);
    const raw = await readFile(storeFile, 'utf8');
    expect(raw).not.toContain('"text"');
    const files = await readdir(`${storeFile}.d`);
    for (const d of idx.documents) {
      expect(files).toContain(d.data);
      const doc = JSON.parse(await readFile(path.join(`${storeFile}.d`, d.data), 'utf8'));
      expect(doc.doc.document.id).toBe(d.id);
      expect(doc.doc.events).toHaveLength(d.events);
    }
    // The Arabic and German funding reports are linked, through their links files.
    expect(await linkedIds(storeFile)).toEqual([idx.documents[0]!.id, idx.documents[2]!.id].sort());
    expect(Object.keys(idx.links!).length).toBeLessThanOrEqual(2);
    const events = await timelineOf(storeFile);
    expect(events.filter((e) => e.sameAs?.length).map((e) => e.doc)).toEqual([idx.documents[0]!.id, idx.documents[2]!.id]);
    expect(events.find((e) => e.sameAs?.length)!.links![0]!.reasons.join(' ')).toMatch(/equivalent amounts \$14 bn ≈ €11.9 bn/);
    expect(files.filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('rewrites only the changed document (and links that changed), and deletes what no index names after writing the index', async () => {
    const { corpus, storeFile } = await setup();
    await withRepo(storeFile, (repo) => annotateCorpus(corpus, repo, { jobs: 1 }));
    const dir = `${storeFile}.d`;
    const first = await index(storeFile);
    const before = await mtimes(dir);
    await appendFile(path.join(corpus, '003_450c214e5197ce59.txt'), '\n\nUpdated.');
    const summary = await withRepo(storeFile, (repo) => annotateCorpus(corpus, repo, { jobs: 1 }));
    expect(summary).toMatchObject({ annotated: 1, reused: 4 });
    const second = await index(storeFile);
    const after = await mtimes(dir);
    const changedDoc = second.documents.find((d) => d.file === '003_450c214e5197ce59.txt')!;
    for (const d of second.documents) {
      if (d.id === changedDoc.id) continue;
      expect(d.data).toBe(first.documents.find((x) => x.id === d.id)!.data);
      expect(after.get(d.data)).toBe(before.get(d.data)); // not rewritten
    }
    // The changed article has no links before or after: no links shard is written again.
    expect(second.links).toEqual(first.links);
    for (const name of Object.values(second.links!)) expect(after.get(name)).toBe(before.get(name));
    expect(before.has(changedDoc.data)).toBe(false);
    // The previous version stays one generation (the index's .bak names it), then goes.
    const oldData = first.documents.find((d) => d.id === changedDoc.id)!.data;
    expect(after.has(oldData)).toBe(true);
    await appendFile(path.join(corpus, '003_450c214e5197ce59.txt'), '\n\nUpdated again.');
    await withRepo(storeFile, (repo) => annotateCorpus(corpus, repo, { jobs: 1 }));
    const third = await readdir(dir);
    expect(third).not.toContain(oldData);
    // Exactly what the index and its .bak name.
    const named = new Set([...namesOf(await index(storeFile)), ...namesOf(JSON.parse(await readFile(`${storeFile}.bak`, 'utf8')))]);
    expect(third.sort()).toEqual([...named].sort());
    // A removed file's document files go too (after the index stops naming them, and one generation later).
    const gone = (await index(storeFile)).documents.find((d) => d.file === '004_551c0009b75b6349.txt')!.data;
    await writeFile(path.join(corpus, '004_551c0009b75b6349.txt'), '');
    await withRepo(storeFile, (repo) => annotateCorpus(corpus, repo, { jobs: 1 }));
    await withRepo(storeFile, (repo) => annotateCorpus(corpus, repo, { jobs: 1 }));
    await appendFile(path.join(corpus, ARABIC), '\n.');
    await withRepo(storeFile, (repo) => annotateCorpus(corpus, repo, { jobs: 1 }));
    expect(await readdir(dir)).not.toContain(gone);
  });

  it('gives the same events and links after changed runs as a store annotated from scratch', async () => {
    const { dir, corpus, storeFile } = await setup();
    await withRepo(storeFile, (repo) => annotateCorpus(corpus, repo, { jobs: 1 }));
    // The German report's funding figure changes (its link goes), then comes back; a copy of the Arabic report appears.
    const german = path.join(corpus, GERMAN);
    const text = await readFile(german, 'utf8');
    expect(text).toContain('11,9');
    await writeFile(german, text.replace('11,9', '3,1'));
    await withRepo(storeFile, (repo) => annotateCorpus(corpus, repo, { jobs: 1 }));
    const scratch1 = path.join(dir, 'scratch1.json');
    await withRepo(scratch1, (repo) => annotateCorpus(corpus, repo, { jobs: 1 }));
    expect(await timelineOf(storeFile)).toEqual(await timelineOf(scratch1));
    await writeFile(german, text);
    await cp(path.join(corpus, ARABIC), path.join(corpus, 'copy-of-arabic.txt'));
    await withRepo(storeFile, (repo) => annotateCorpus(corpus, repo, { jobs: 1 }));
    const scratch2 = path.join(dir, 'scratch2.json');
    await withRepo(scratch2, (repo) => annotateCorpus(corpus, repo, { jobs: 1 }));
    const events = await timelineOf(storeFile);
    expect(events).toEqual(await timelineOf(scratch2));
    expect(events.filter((e) => e.sameAs?.length).length).toBeGreaterThanOrEqual(2);
  });

  it('set-date writes the index and that one document, and links it again', async () => {
    const { corpus, storeFile } = await setup();
    await withRepo(storeFile, (repo) => annotateCorpus(corpus, repo, { jobs: 1 }));
    const first = await index(storeFile);
    const before = await mtimes(`${storeFile}.d`);
    await withRepo(storeFile, (repo) => setPublicationDate(repo, GERMAN, '2018-09-21'));
    const second = await index(storeFile);
    expect(second.userDates[GERMAN]!.value).toBe('2018-09-21');
    const after = await mtimes(`${storeFile}.d`);
    const written = [...after.keys()].filter((n) => !before.has(n) || before.get(n) !== after.get(n));
    const german = second.documents.find((d) => d.file === GERMAN)!;
    expect(german.published).toMatchObject({ value: '2018-09-21', source: 'user' });
    // Its own file, and the links files of the pair whose links changed (the German one's date moved), nothing else.
    const allowed = new Set([german.data, ...Object.values(second.links!)]);
    for (const [shard, name] of Object.entries(second.links!)) if (name !== first.links![shard]) expect(Object.keys(JSON.parse(await readFile(path.join(`${storeFile}.d`, name), 'utf8')).docs).some((id) => id === german.id || id === second.documents[0]!.id)).toBe(true);
    for (const n of written) expect(allowed.has(n), `${n} was written`).toBe(true);
    expect(written).toContain(german.data);
    for (const d of second.documents.filter((x) => x.file !== GERMAN && x.file !== ARABIC)) expect(d).toEqual(first.documents.find((x) => x.id === d.id));
    const scratch = path.join(path.dirname(storeFile), 'scratch.json');
    await withRepo(scratch, async (repo) => {
      repo.setUserDate(GERMAN, '2018-09-21');
      await repo.writeUserDates();
      await annotateCorpus(corpus, repo, { jobs: 1 });
    });
    const strip = (evs: Awaited<ReturnType<typeof timelineOf>>) => evs.map((e) => ({ ...e, date: { ...e.date, evidence: undefined } }));
    expect(strip(await timelineOf(storeFile))).toEqual(strip(await timelineOf(scratch)));
  });

  it('treats an unreadable document file as a per-file problem and annotates that file again', async () => {
    const { corpus, storeFile } = await setup();
    await withRepo(storeFile, (repo) => annotateCorpus(corpus, repo, { jobs: 1 }));
    const idx = await index(storeFile);
    const german = idx.documents.find((d) => d.file === GERMAN)!;
    await writeFile(path.join(`${storeFile}.d`, german.data), '{"format":"chronolens.document","doc":{');
    // And the links shards are truncated.
    for (const name of Object.values(idx.links!)) await writeFile(path.join(`${storeFile}.d`, name), '');
    const seen = await withRepo(storeFile, (repo) => ({ files: repo.timeline().documents.map((d) => d.file), problems: repo.problems }));
    expect(seen.files).not.toContain(GERMAN);
    expect(seen.problems).toEqual([expect.objectContaining({ file: GERMAN, code: 'internal', message: expect.stringMatching(/annotated again/) })]);
    const summary = await withRepo(storeFile, (repo) => annotateCorpus(corpus, repo, { jobs: 1 }));
    expect(summary).toMatchObject({ annotated: 1, reused: 4, problems: [] });
    const scratch = path.join(path.dirname(storeFile), 'scratch.json');
    await withRepo(scratch, (repo) => annotateCorpus(corpus, repo, { jobs: 1 }));
    expect(await timelineOf(storeFile)).toEqual(await timelineOf(scratch));
  });
});

describe('recovering the index', () => {
  it('keeps a corrupt index aside and restores the previous one, whose document files are still there', async () => {
    const { corpus, storeFile } = await setup();
    await withRepo(storeFile, (repo) => annotateCorpus(corpus, repo, { jobs: 1 }));
    const first = await timelineOf(storeFile);
    await appendFile(path.join(corpus, GERMAN), '\n\nNachtrag: heute mehr.');
    await withRepo(storeFile, (repo) => annotateCorpus(corpus, repo, { jobs: 1 }));
    await writeFile(storeFile, '{"format":"chronolens.store","vers');
    const s = await openStore(storeFile, { recover: true });
    try {
      expect(s.recovered).toMatchObject({ restoredFrom: `${storeFile}.bak` });
      const repo = new Repository(s);
      expect(repo.timeline().events).toEqual(first);
      expect(repo.problems).toEqual([]);
      expect(repo.findDocument(GERMAN)!.document.text).not.toContain('Nachtrag');
    } finally {
      await s.close();
    }
  });
});

describe('store versions 1 and 2 (one file) → 3', () => {
  async function singleFile(version: 1 | 2): Promise<{ storeFile: string; corpusDir: string }> {
    const { dir, corpus } = await setup();
    const manifest = parseManifest(await readFile(path.join(corpus, 'manifest.csv'), 'utf8'));
    const docs = [...manifest].map(([file, meta], i) => annotateDocument({ id: `d${i}`, file, text: '', hash: file, manifest: meta }));
    for (const [i, [file, meta]] of [...manifest].entries()) docs[i] = annotateDocument({ id: `d${i}`, file, text: await readFile(path.join(corpus, file), 'utf8'), hash: file, manifest: meta });
    const linked = linkEvents(docs).documents;
    const storeFile = path.join(dir, `v${version}.json`);
    const data = { format: 'chronolens.store', version, corpusDir: corpus, updatedAt: null, documents: linked, problems: [], ...(version === 2 ? { userDates: { [GERMAN]: { value: '2018-09', setAt: 'x' } } } : {}) };
    await writeFile(storeFile, JSON.stringify(data));
    return { storeFile, corpusDir: corpus };
  }

  it.each([1, 2] as const)('splits a version %i store on open, keeps the old file as .bak, and shows the same documents and links', async (version) => {
    const { storeFile } = await singleFile(version);
    const original = await readFile(storeFile, 'utf8');
    const old = JSON.parse(original);
    const events = await timelineOf(storeFile);
    const idx = await index(storeFile);
    expect(idx.version).toBe(STORE_VERSION);
    expect(idx.userDates).toEqual(version === 2 ? { [GERMAN]: { value: '2018-09', setAt: 'x' } } : {});
    expect(await readFile(`${storeFile}.bak`, 'utf8')).toBe(original);
    expect(idx.documents.map((d) => [d.id, d.file, d.events])).toEqual(old.documents.map((d: { document: { id: string; file: string }; events: unknown[] }) => [d.document.id, d.document.file, d.events.length]));
    const oldLinked = old.documents.flatMap((d: { events: Array<{ id: string; sameAs?: string[] }> }) => d.events.filter((e) => e.sameAs?.length).map((e) => [e.id, e.sameAs]));
    expect(events.filter((e) => e.sameAs?.length).map((e) => [e.id, e.sameAs])).toEqual(oldLinked);
    const whole = await withRepo(storeFile, (repo) => [...repo.storedByFile().values()]);
    expect(whole.map((d) => d.document.text)).toEqual(old.documents.map((d: { document: { text: string } }) => d.document.text));
  });

  it('reads a version 2 store read-only without writing anything', async () => {
    const { storeFile } = await singleFile(2);
    const original = await readFile(storeFile, 'utf8');
    const exported = await withRepo(storeFile, (repo) => repo.eventsExport(), true);
    expect(exported.documents).toHaveLength(5);
    expect(exported.events.some((e) => e.sameAs?.length)).toBe(true);
    expect(await readFile(storeFile, 'utf8')).toBe(original);
    expect(await readdir(path.dirname(storeFile))).not.toContain(`${path.basename(storeFile)}.d`);
  });

  it('annotates into a migrated store', async () => {
    const { storeFile, corpusDir } = await singleFile(2);
    const summary = await withRepo(storeFile, (repo) => annotateCorpus(corpusDir, repo, { jobs: 1 }));
    // Migrated documents have no cache key (made here without one): annotated again, and the run still works.
    expect(summary.documents).toBe(5);
    expect((await index(storeFile)).documents.every((d) => typeof d.data === 'string')).toBe(true);
  });
});
