/** The command line of interfaces.md §1, run as a user runs it, on the bundled sample corpus. */
import { execFile, spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EventsExport } from '../../shared/model';
import { generateCorpus, loadSentencePools } from '../../bench/generate-corpus';

const TSX = path.resolve('node_modules/.bin/tsx');

async function cli(args: string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const child = execFile(TSX, ['electron/cli.ts', ...args], { maxBuffer: 64 * 1024 * 1024 });
  if (input !== undefined) child.stdin!.end(input);
  else child.stdin!.end();
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
  return { code, stdout, stderr };
}

let tmp: string;
let exported: EventsExport;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'chronolens-cli-'));
  const r = await cli(['annotate', 'assets/corpus', '--store', path.join(tmp, 'store.json')]);
  expect(r.code).toBe(0);
  expect(r.stdout).toMatch(/^annotated 5 documents/);
  const out = await cli(['export', path.join(tmp, 'store.json'), '--format', 'json']);
  expect(out.code).toBe(0);
  exported = JSON.parse(out.stdout);
}, 60_000);

describe('cli annotate + export json on the sample corpus', () => {
  it('gives at least 15 events dated within 2016–2021, from all five articles', () => {
    const inRange = exported.events.filter((e) => e.date.start && e.date.start >= '2016-01-01' && e.date.end! <= '2021-12-31');
    expect(inRange.length).toBeGreaterThanOrEqual(15);
    expect(new Set(inRange.map((e) => e.doc)).size).toBe(5);
  });

  it('links every event to its sentence span in the stored text', () => {
    const docs = new Map(exported.documents.map((d) => [d.id, d]));
    for (const e of exported.events) {
      expect(docs.get(e.doc)!.text.slice(e.start, e.end)).toBe(e.text);
      const t = exported.timexes[e.timex!]!;
      expect(t.doc).toBe(e.doc);
      expect(t.start).toBeGreaterThanOrEqual(e.start);
      expect(t.end).toBeLessThanOrEqual(e.end);
      expect(docs.get(t.doc)!.text.slice(t.start, t.end)).toBe(t.text);
    }
  });

  it('resolves the relative dates of each article against its manifest date', () => {
    const doc = (file: string) => exported.documents.find((d) => d.file === file)!;
    const values = (file: string) => exported.events.filter((e) => e.doc === doc(file).id).map((e) => e.date.value);
    expect(doc('000_146d0f612b7a5602.txt').published).toMatchObject({ value: '2018-06-08', source: 'manifest', certainty: 'stated' });
    expect(values('000_146d0f612b7a5602.txt')).toEqual(expect.arrayContaining(['2018-06-08', '2018-05', '2017']));
    expect(values('001_aa85632ba5fb63a3.txt')).toEqual(expect.arrayContaining(['2021-04-12', '2020-11', '2021-03']));
    expect(values('002_d34475018d67325a.txt')).toEqual(expect.arrayContaining(['2018-09-20', '2018-06', '2018-08']));
    expect(values('003_450c214e5197ce59.txt')).toEqual(expect.arrayContaining(['2020-05-26', '2020-04-30', '2020-05-24']));
    expect(values('004_551c0009b75b6349.txt')).toEqual(expect.arrayContaining(['2018-04', '2018-W32']));
  });

  it('marks a year read from the text as stated and one derived from the publication date as inferred', () => {
    const byTimex = (text: string) => exported.events.find((e) => exported.timexes[e.timex!]!.text.includes(text))!;
    expect(byTimex('عام ٢٠١٧').date.certainty).toBe('stated');
    expect(byTimex('gestern').date).toMatchObject({ value: '2018-09-20', certainty: 'inferred', start: '2018-09-20', end: '2018-09-20' });
  });

  it('re-annotating an unchanged corpus reuses every document', async () => {
    const r = await cli(['annotate', 'assets/corpus', '--store', path.join(tmp, 'store.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\(0 new, 5 unchanged\)/);
  });

  it('exports CSV with a BOM and one row per event, and TimelineJS with every dated event', async () => {
    const csv = await cli(['export', path.join(tmp, 'store.json'), '--format', 'csv']);
    expect(csv.stdout.startsWith('\uFEFFevent_id,')).toBe(true);
    expect(csv.stdout.trim().split('\r\n').length).toBe(exported.events.length + 1);
    const out = path.join(tmp, 'tl.json');
    expect((await cli(['export', path.join(tmp, 'store.json'), '--format', 'timelinejs', '--out', out])).code).toBe(0);
    const tl = JSON.parse(await readFile(out, 'utf8'));
    expect(tl.events.length).toBe(exported.events.filter((e) => e.date.start).length);
  });
});

describe('cli errors', () => {
  it('exits 2 with a message for a missing corpus folder or bad arguments', async () => {
    const a = await cli(['annotate', path.join(tmp, 'nope'), '--store', path.join(tmp, 's2.json')]);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/corpus folder not found/);
    expect((await cli(['annotate', 'assets/corpus'])).code).toBe(2);
    expect((await cli(['export', path.join(tmp, 'store.json'), '--format', 'docx'])).code).toBe(2);
    expect((await cli(['frobnicate'])).code).toBe(2);
  });

  it('refuses a corrupt store without touching it', async () => {
    const bad = path.join(tmp, 'bad.json');
    await writeFile(bad, '{"format":"chronolens.store","documents":[');
    const r = await cli(['annotate', 'assets/corpus', '--store', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not valid JSON/);
    expect(await readFile(bad, 'utf8')).toBe('{"format":"chronolens.store","documents":[');
  });

  it('stops on Ctrl+C (SIGINT) with exit 130 and leaves no store behind', async () => {
    const corpus = path.join(tmp, 'interrupted');
    await generateCorpus({ out: corpus, count: 1500, pools: await loadSentencePools('assets/corpus'), seed: 5 });
    const store = path.join(tmp, 'interrupted.json');
    // Straight to node (no tsx wrapper relaying the signal): the signal reaches the CLI process itself.
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli.ts', 'annotate', corpus, '--store', store], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => {
      stderr += d;
      if (/\[20\/1500\]/.test(stderr) && !child.killed) child.kill('SIGINT');
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(code).toBe(130);
    expect(stderr).toMatch(/chronolens: annotation cancelled; the store is unchanged/);
    expect(stdout).toBe('');
    expect(existsSync(store)).toBe(false);
    const docs = `${store}.d`;
    expect(existsSync(docs) ? readdirSync(docs).filter((n) => n.endsWith('.json')) : []).toEqual([]);
  }, 60_000);
});

describe('cli entities', () => {
  it('lists, adds, aliases, merges and refuses, and the export follows the edited catalog', async () => {
    const { cp } = await import('node:fs/promises');
    const store = path.join(tmp, 'entities.json');
    await cp(path.join(tmp, 'store.json'), store);
    await cp(path.join(tmp, 'store.json.d'), `${store}.d`, { recursive: true });
    const list = await cli(['entities', 'list', store]);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^alipay\tORG\tAlipay\t\d+ mentions\t5 events$/m);
    expect((await cli(['entities', 'list', store, '--candidates'])).stdout).toMatch(/\tATEC$/m);

    const added = await cli(['entities', 'add', store, 'ATEC', '--type', 'org', '--alias', 'Ant Technology Exploration Conference']);
    expect(added.code).toBe(0);
    expect(added.stdout).toBe('atec\tORG\tATEC\t1 events\tAnt Technology Exploration Conference\n');
    expect((await cli(['entities', 'merge', store, 'ant-financial', 'alipay'])).code).toBe(0);
    const refused = await cli(['entities', 'alias', store, 'jack-ma', 'Alipay']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/“Alipay” already names Ant Financial \(ant-financial\)/);
    expect((await cli(['entities', 'add', store, 'X', '--type', 'COMPANY'])).code).toBe(2);

    const out = JSON.parse((await cli(['export', store, '--format', 'json'])).stdout) as EventsExport;
    expect(out.entities.map((e) => e.id)).toContain('atec');
    expect(out.entities.map((e) => e.id)).not.toContain('alipay');
    expect(out.events.filter((e) => e.label.startsWith('Alipay'))).toEqual([]);
  }, 60_000);
});

describe('cli tag --jsonl', () => {
  it('answers each line in order, with UTF-16 offsets, and an error object for a bad line', async () => {
    const lines = [
      { id: 'x1', text: 'Gestern kündigte Ant Financial eine Plattform an.', ref: '2018-09-21', lang: 'de' },
      'not json',
      { id: 'x3', text: 'وفقًا لإعلان الشركة اليوم، ٨ يونيو.', ref: '2018-06-08' },
      { id: 'x4' },
    ].map((l) => (typeof l === 'string' ? l : JSON.stringify(l)));
    const r = await cli(['tag', '--jsonl'], `${lines.join('\n')}\n`);
    expect(r.code).toBe(0);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(4);
    expect(out[0]).toEqual({ id: 'x1', lang: 'de', timexes: [{ start: 0, end: 7, text: 'Gestern', type: 'DATE', value: '2018-09-20' }] });
    expect(out[1]).toMatchObject({ id: null, error: expect.stringMatching(/not JSON/) });
    expect(out[2].lang).toBe('ar');
    expect(out[2].timexes.map((t: { value: string }) => t.value)).toContain('2018-06-08');
    expect(out[3]).toMatchObject({ id: 'x4', error: expect.stringMatching(/text/) });
  });
});

