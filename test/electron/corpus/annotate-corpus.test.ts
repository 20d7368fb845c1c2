import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkerStartError } from '../../../electron/annotate/worker-pool';
import { annotateCorpus, type AnnotateCorpusOptions } from '../../../electron/corpus/annotate-corpus';
import { setPublicationDate } from '../../../electron/corpus/set-date';
import { openStore } from '../../../electron/store/database';
import { Repository } from '../../../electron/store/repository';
import { docx } from '../../fixtures/ingest/make-fixtures';

const SAMPLE = 'assets/corpus';
const tmp = mkdtempSync(path.join(os.tmpdir(), 'chronolens-corpus-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function encode1256(s: string): Buffer {
  const dec = new TextDecoder('windows-1256');
  const table = new Map<string, number>();
  for (let b = 0; b < 256; b++) table.set(dec.decode(new Uint8Array([b])), b);
  return Buffer.from([...s].map((c) => table.get(c) ?? 0x3f));
}

/** A corpus with every supported format, every encoding we read, and every kind of bad file. */
function makeCorpus(dir: string): void {
  mkdirSync(path.join(dir, 'sub'), { recursive: true });
  copyFileSync(`${SAMPLE}/000_146d0f612b7a5602.txt`, path.join(dir, 'ant-ar.txt'));
  writeFileSync(path.join(dir, 'gestern-de.txt'), Buffer.from(readFileSync(`${SAMPLE}/002_d34475018d67325a.txt`, 'utf8'), 'latin1'));
  writeFileSync(path.join(dir, 'ar-1256.txt'), encode1256('أعلنت الشركة أمس عن جولة تمويل في شهر مايو من العام الجاري (2018).'));
  writeFileSync(path.join(dir, 'sub', 'fr-utf16.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Le 26 mai, Reuters a rapporté que Tencent investirait 70 milliards.', 'utf16le')]));
  writeFileSync(path.join(dir, '2018-09-21_named.txt'), 'Die Ankündigung wurde gestern gemacht.');
  writeFileSync(path.join(dir, 'notes.md'), '---\npublished: 2020-05-27\nlanguage: fr\n---\nLe 24 mai, le Congrès a proposé un fonds.');
  writeFileSync(
    path.join(dir, 'page.html'),
    '<html><head><title>Ant</title><script>x()</script></head><body><nav>Menu Home</nav><article><p>PARIS, 8 juin 2018 (AFP) - Ant Financial a annoncé hier une levée de fonds de 14 milliards de dollars, la plus grande jamais réalisée par une entreprise privée.</p></article></body></html>',
  );
  copyFileSync('test/fixtures/ingest/arabic-chromium.pdf', path.join(dir, 'report.pdf'));
  writeFileSync(path.join(dir, 'memo.docx'), docx(['Berlin, 21. September 2018 (dpa) - Ant Financial startet eine Plattform.', 'Die Ankündigung wurde gestern gemacht.']));
  // Bad input.
  writeFileSync(path.join(dir, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
  writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x41, 0x42, 0, 0, 0x43, 0, 0x44, 0x45, 0, 0, 0, 1]));
  writeFileSync(path.join(dir, 'empty.txt'), '');
  writeFileSync(path.join(dir, 'big.txt'), 'x '.repeat(60_000));
  symlinkSync('..', path.join(dir, 'sub', 'up'));
  symlinkSync('self.txt', path.join(dir, 'self.txt'));
  symlinkSync('missing.txt', path.join(dir, 'broken.txt'));
}

const OPTS: AnnotateCorpusOptions = { maxBytes: 100_000, jobs: 2 };

async function run<T>(store: string, fn: (repo: Repository) => Promise<T>): Promise<T> {
  const s = await openStore(store);
  try {
    return await fn(new Repository(s));
  } finally {
    await s.close();
  }
}

const corpus = path.join(tmp, 'corpus');
const storeFile = path.join(tmp, 'store.json');
let first: Awaited<ReturnType<typeof annotateCorpus>>;
const progress: string[] = [];

beforeAll(async () => {
  makeCorpus(corpus);
  first = await run(storeFile, (repo) => annotateCorpus(corpus, repo, { ...OPTS, onProgress: (p) => p.phase === 'annotate' && progress.push(`${p.done}/${p.total}`) }));
}, 120_000);

describe('annotating a corpus folder', () => {
  it('annotates every supported format, in file order', async () => {
    const stored = await run(storeFile, async (repo) => [...repo.storedByFile().values()]);
    expect(stored.map((d) => d.document.file)).toEqual(['2018-09-21_named.txt', 'ant-ar.txt', 'ar-1256.txt', 'gestern-de.txt', 'memo.docx', 'notes.md', 'page.html', 'report.pdf', 'sub/fr-utf16.txt']);
    const enc = Object.fromEntries(stored.map((d) => [d.document.file, d.document.encoding]));
    expect(enc).toMatchObject({ 'ant-ar.txt': 'utf-8', 'ar-1256.txt': 'windows-1256', 'gestern-de.txt': 'windows-1252', 'sub/fr-utf16.txt': 'utf-16le-bom', 'memo.docx': 'docx', 'report.pdf': 'pdf (Arabic reordered)' });
    const page = stored.find((d) => d.document.file === 'page.html')!.document;
    expect(page.text).not.toContain('Menu Home');
    expect(page.title).toBe('Ant');
  });

  it('lists every file it could not use, with a reason, and reports progress for each file', () => {
    const codes = Object.fromEntries(first.problems.map((p) => [p.file, p.code]));
    expect(codes).toEqual({ 'big.txt': 'too-large', 'binary.txt': 'binary', 'broken.txt': 'vanished', 'empty.txt': 'empty', 'image.png': 'unsupported', 'self.txt': 'loop', 'sub/up': 'loop' });
    expect(first.problems.find((p) => p.file === 'big.txt')!.message).toMatch(/above the 0\.1 MB limit/);
    expect(progress).toHaveLength(12);
    expect(progress.at(-1)).toBe('12/12');
  });

  it('dates each article honestly: metadata first, then the text, else unknown', async () => {
    const published = await run(storeFile, async (repo) => Object.fromEntries([...repo.storedByFile().values()].map((d) => [d.document.file, d.document.published])));
    expect(published['ant-ar.txt']).toMatchObject({ value: '2018-06-08', source: 'text', certainty: 'inferred' });
    expect(published['2018-09-21_named.txt']).toMatchObject({ value: '2018-09-21', source: 'filename' });
    expect(published['notes.md']).toMatchObject({ value: '2020-05-27', source: 'frontmatter' });
    expect(published['page.html']).toMatchObject({ value: '2018-06-08', source: 'text', certainty: 'stated' });
    expect(published['memo.docx']).toMatchObject({ value: '2018-09-21', source: 'text', certainty: 'stated' });
    expect(published['report.pdf']).toMatchObject({ value: '2018-06-08', source: 'text', certainty: 'inferred' });
    expect(published['gestern-de.txt']).toMatchObject({ value: null, source: 'none' });
    expect(published['ar-1256.txt']).toMatchObject({ value: '2018', source: 'text' });
  });

  it('produces the same store with one worker as with two', async () => {
    const other = path.join(tmp, 'one-worker.json');
    await run(other, (repo) => annotateCorpus(corpus, repo, { ...OPTS, jobs: 1 }));
    // The index (documents' summaries and their files, named by content) and every whole document are the same.
    const docs = (f: string) => (JSON.parse(readFileSync(f, 'utf8')) as { documents: unknown[]; problems: unknown[] });
    expect(docs(other).documents).toEqual(docs(storeFile).documents);
    expect(docs(other).problems).toEqual(docs(storeFile).problems);
    const whole = (f: string) => run(f, async (repo) => [...repo.storedByFile().values()]);
    expect(await whole(other)).toEqual(await whole(storeFile));
  }, 120_000);

  it('reuses everything and leaves the store file alone when nothing changed', async () => {
    const before = statSync(storeFile).mtimeMs;
    const again = await run(storeFile, (repo) => annotateCorpus(corpus, repo, OPTS));
    expect(again).toMatchObject({ documents: 9, annotated: 0, reused: 9 });
    expect(statSync(storeFile).mtimeMs).toBe(before);
  });
});

describe('changes between runs and the user’s dates', () => {
  const dir = path.join(tmp, 'changing');
  const store = path.join(tmp, 'changing.json');

  beforeAll(async () => {
    mkdirSync(dir, { recursive: true });
    for (const n of ['000_146d0f612b7a5602.txt', '002_d34475018d67325a.txt', '003_450c214e5197ce59.txt']) copyFileSync(`${SAMPLE}/${n}`, path.join(dir, n));
    await run(store, (repo) => annotateCorpus(dir, repo, OPTS));
  }, 120_000);

  it('re-resolves an article’s relative dates when the user sets its date', async () => {
    const summary = await run(store, (repo) => setPublicationDate(repo, '002_d34475018d67325a.txt', '2018-09-21'));
    expect(summary?.published).toMatchObject({ value: '2018-09-21', source: 'user', certainty: 'stated' });
    const gestern = await run(store, async (repo) => repo.findDocument('002_d34475018d67325a.txt')!.timexes.find((t) => t.text === 'gestern'));
    expect(gestern?.value).toBe('2018-09-20');
  });

  it('refuses a date that does not exist', async () => {
    await expect(run(store, (repo) => setPublicationDate(repo, '002_d34475018d67325a.txt', '2018-02-30'))).rejects.toThrow(/not a date/);
  });

  it('keeps the user’s date when the corpus is annotated again, unchanged or changed', async () => {
    const unchanged = await run(store, (repo) => annotateCorpus(dir, repo, OPTS));
    expect(unchanged).toMatchObject({ annotated: 0, reused: 3 });
    writeFileSync(path.join(dir, '002_d34475018d67325a.txt'), `${readFileSync(path.join(dir, '002_d34475018d67325a.txt'), 'utf8')}\nNachtrag: heute mehr.`);
    const changed = await run(store, (repo) => annotateCorpus(dir, repo, OPTS));
    expect(changed).toMatchObject({ annotated: 1, reused: 2 });
    const doc = await run(store, async (repo) => repo.findDocument('002_d34475018d67325a.txt')!);
    expect(doc.document.published).toMatchObject({ value: '2018-09-21', source: 'user' });
    expect(doc.timexes.find((t) => t.text === 'gestern')?.value).toBe('2018-09-20');
  }, 120_000);

  it('drops a removed file’s annotations but keeps its user date aside, and applies it when the file returns', async () => {
    const text = readFileSync(path.join(dir, '002_d34475018d67325a.txt'));
    unlinkSync(path.join(dir, '002_d34475018d67325a.txt'));
    await run(store, (repo) => annotateCorpus(dir, repo, OPTS));
    const gone = await run(store, async (repo) => ({ doc: repo.findDocument('002_d34475018d67325a.txt'), date: repo.userDates()['002_d34475018d67325a.txt'] }));
    expect(gone.doc).toBeNull();
    expect(gone.date?.value).toBe('2018-09-21');
    writeFileSync(path.join(dir, '002_d34475018d67325a.txt'), text);
    await run(store, (repo) => annotateCorpus(dir, repo, OPTS));
    const back = await run(store, async (repo) => repo.findDocument('002_d34475018d67325a.txt')!.document.published);
    expect(back).toMatchObject({ value: '2018-09-21', source: 'user' });
  }, 120_000);

  it('clears a user date and goes back to what the text says', async () => {
    const summary = await run(store, (repo) => setPublicationDate(repo, '002_d34475018d67325a.txt', null));
    expect(summary?.published).toMatchObject({ value: null, source: 'none' });
    expect(await run(store, async (repo) => repo.userDates())).toEqual({});
  });
});

describe('documents that break the annotator', () => {
  const faulty = { file: path.resolve('test/fixtures/ingest/faulty-worker.ts') };

  it('stops a runaway document by terminating its worker, reports a throwing one, and annotates the rest', async () => {
    const dir = path.join(tmp, 'faulty');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'hang.txt'), 'This one never finishes.');
    writeFileSync(path.join(dir, 'boom.txt'), 'This one throws.');
    copyFileSync(`${SAMPLE}/003_450c214e5197ce59.txt`, path.join(dir, 'ok.txt'));
    const t0 = performance.now();
    const summary = await run(path.join(tmp, 'faulty.json'), (repo) => annotateCorpus(dir, repo, { jobs: 1, timeoutMs: 1_500, workerEntry: faulty }));
    expect(performance.now() - t0).toBeLessThan(30_000);
    expect(summary.documents).toBe(1);
    expect(summary.problems.map((p) => [p.file, p.code])).toEqual([
      ['boom.txt', 'internal'],
      ['hang.txt', 'timeout'],
    ]);
    expect(summary.problems[0]!.message).toContain('the annotator fell over');
  }, 60_000);

  it('fails the run and leaves the store alone when no worker can start', async () => {
    const store = path.join(tmp, 'nostart.json');
    await run(store, (repo) => annotateCorpus(corpus, repo, { ...OPTS, jobs: 0 }));
    const before = readFileSync(store, 'utf8');
    writeFileSync(path.join(corpus, 'ant-ar.txt'), `${readFileSync(path.join(corpus, 'ant-ar.txt'), 'utf8')}\n.`);
    await expect(run(store, (repo) => annotateCorpus(corpus, repo, { ...OPTS, workerEntry: { file: path.join(tmp, 'no-such-worker.cjs') } }))).rejects.toBeInstanceOf(WorkerStartError);
    expect(readFileSync(store, 'utf8')).toBe(before);
  }, 60_000);
});
