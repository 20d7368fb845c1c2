/**
 * Report-grade export from the command line, on a store annotated from the bundled sample corpus: PDF (fonts
 * embedded, text layer with the events' words in all three languages and every year on the axis, page numbers),
 * PNG of the whole range at scale 2, data exports holding every event and honouring filters, and clear exit codes.
 * Needs poppler-utils (pdffonts, pdftotext, pdfinfo) and Chromium; fails with a clear message when they are missing.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventsExport } from '../../shared/model';
import { filterEvents } from '../../shared/print-options';
import { timexInterval } from '../../shared/timex';
import { normalizeText } from '../../renderer/search/normalize-text';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');

let dir: string;
let store: string;
let data: EventsExport;

// As a user runs it: vitest's NODE_ENV=test would make an on-demand renderer build emit development JSX
// (jsxDEV) against React's production runtime, and the page would never render.
const USER_ENV: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };

async function cli(args: string[], env: NodeJS.ProcessEnv = USER_ENV): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'electron/cli.ts', ...args], { cwd: ROOT, env, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const x = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof x.code === 'number' ? x.code : -1, stdout: x.stdout ?? '', stderr: x.stderr ?? '' };
  }
}

async function tool(name: string, args: string[]): Promise<string> {
  const { stdout } = await run(name, args, { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

const lang = (docId: string): string => data.documents.find((d) => d.id === docId)!.lang;
const wordsOf = (text: string, re: RegExp): string[] => [...new Set(text.match(re) ?? [])];

beforeAll(async () => {
  for (const t of ['pdffonts', 'pdftotext', 'pdfinfo']) {
    await run(t, ['-v']).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') throw new Error(`${t} is missing: install poppler-utils (apt-get install poppler-utils) to run the export tests`);
    });
  }
  dir = await mkdtemp(path.join(tmpdir(), 'chronolens-export-'));
  store = path.join(dir, 'store.json');
  const annotated = await cli(['annotate', 'assets/corpus', '--store', store]);
  expect(annotated.code, annotated.stderr).toBe(0);
  const json = await cli(['export', store, '--format', 'json']);
  data = JSON.parse(json.stdout) as EventsExport;
  expect(data.events.length).toBeGreaterThan(10);
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('export --format pdf', () => {
  let pdf: string;
  let text: string;

  beforeAll(async () => {
    pdf = path.join(dir, 'timeline.pdf');
    const r = await cli(['export', store, '--format', 'pdf', '--out', pdf]);
    expect(r.code, r.stderr).toBe(0);
    text = await tool('pdftotext', ['-layout', pdf, '-']);
  });

  it('embeds every font it uses', async () => {
    const rows = (await tool('pdffonts', [pdf])).trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.join('\n')).toMatch(/Amiri/);
    for (const row of rows) expect(row.split(/\s+/).slice(-5, -4)[0], row).toBe('yes');
  });

  it('is A4 landscape with a page number on every page', async () => {
    const info = await tool('pdfinfo', [pdf]);
    expect(info).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)|Page size:\s+842\.\d+ x 595\.\d+ pts \(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    for (let p = 1; p <= pages; p++) expect(text).toContain(`page ${p} of ${pages}`);
  });

  it('names every year from 2016 to 2021 on the axis', () => {
    for (let y = 2016; y <= 2021; y++) expect(text).toContain(String(y));
    // 2019 has no event in the sample: only the axis can have put it there.
    expect(data.events.some((e) => e.date.value.startsWith('2019'))).toBe(false);
  });

  it('carries the German and French sentences of every event word for word', () => {
    const flat = text.replace(/\s+/g, ' ');
    for (const e of data.events.filter((x) => ['de', 'fr'].includes(lang(x.doc)))) {
      for (const w of wordsOf(e.text, /\p{L}{6,}/gu)) expect(flat, `${lang(e.doc)} word "${w}" of ${e.id}`).toContain(w);
    }
  });

  it('carries the Arabic sentences as shaped Arabic text in logical order', () => {
    const ar = data.events.filter((x) => lang(x.doc) === 'ar');
    expect(ar.length).toBeGreaterThan(0);
    const words = [...new Set(ar.flatMap((e) => wordsOf(e.text, /[\u0621-\u064A]{3,}/g)))];
    const intact = words.filter((w) => text.includes(w));
    // The print view sets Arabic in Amiri, whose glyphs carry their dots, so words extract whole (Noto Sans Arabic's
    // separate dot marks split about two words in three). What comes out is in reading order, never reversed.
    expect(intact.length / words.length, `intact Arabic words: ${intact.length}/${words.length}`).toBeGreaterThan(0.85);
    for (const w of ['عام', 'مبكر', 'المساءلة']) if (words.includes(w)) expect(text).toContain(w);
    // No Arabic presentation forms (which would mean unshaped, visual-order text).
    expect(text).not.toMatch(/[\uFB50-\uFDFF\uFE70-\uFEFF]/);
  });

  it('lists a numbered source note for every event, with its quoted sentence', () => {
    const flat = text.replace(/\s+/g, ' ');
    for (const e of data.events.filter((x) => lang(x.doc) !== 'ar')) expect(flat).toContain(e.text.replace(/\s+/g, ' ').trim().slice(0, 40));
    expect(flat).toContain(`${data.events.length} events from ${data.documents.length} documents`);
  });
});

describe('export --format png', () => {
  it('draws the whole range at scale 2, wider than 2,000 px and taller than one screen', async () => {
    const png = path.join(dir, 'timeline.png');
    const r = await cli(['export', store, '--format', 'png', '--scale', '2', '--out', png]);
    expect(r.code, r.stderr).toBe(0);
    const head = await readFile(png);
    expect(head.subarray(1, 4).toString()).toBe('PNG');
    const width = head.readUInt32BE(16);
    const height = head.readUInt32BE(20);
    expect(width).toBeGreaterThanOrEqual(2000);
    expect(height).toBeGreaterThan(794 * 2);
  });
});

describe('data exports', () => {
  it('CSV and TimelineJS hold every event', async () => {
    const csv = await cli(['export', store, '--format', 'csv']);
    for (const e of data.events) expect(csv.stdout).toContain(e.id);
    const tjs = JSON.parse((await cli(['export', store, '--format', 'timelinejs'])).stdout) as { events: Array<{ unique_id: string }> };
    const drawable = data.events.filter((e) => timexInterval(e.date.value));
    expect(drawable).toHaveLength(data.events.length);
    expect(tjs.events.map((e) => e.unique_id).sort()).toEqual(drawable.map((e) => e.id).sort());
  });

  it('honour the filters: text search, languages and a date range, exactly as the search box would', async () => {
    const filters = { q: 'Ant Financial', langs: ['de' as const, 'ar' as const], from: '2018-01-01', to: '2018-12-31' };
    const r = await cli(['export', store, '--format', 'json', '--query', filters.q, '--langs', 'de,ar', '--from', filters.from, '--to', filters.to]);
    expect(r.code, r.stderr).toBe(0);
    const got = JSON.parse(r.stdout) as EventsExport;
    const expected = filterEvents(data.events, new Map(data.documents.map((d) => [d.id, d.lang])), filters, normalizeText);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(data.events.length);
    expect(got.events.map((e) => e.id)).toEqual(expected.map((e) => e.id));
    expect(new Set(got.documents.map((d) => d.lang))).toEqual(new Set(['de', 'ar'].filter((l) => got.documents.some((d) => d.lang === l))));
  });
});

describe('export errors and read-only access', () => {
  it('exits 2 on a bad scale or date, and names CHROMIUM_PATH when Chromium is missing', async () => {
    const out = path.join(dir, 'x.pdf');
    expect((await cli(['export', store, '--format', 'png', '--scale', '9', '--out', out])).code).toBe(2);
    expect((await cli(['export', store, '--format', 'pdf', '--from', '2018-13-01', '--out', out])).code).toBe(2);
    expect((await cli(['export', store, '--format', 'pdf', '--from', '2019-01-01', '--to', '2018-01-01', '--out', out])).code).toBe(2);
    const missing = await cli(['export', store, '--format', 'pdf', '--out', out], { ...USER_ENV, CHROMIUM_PATH: path.join(dir, 'no-chromium') });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('CHROMIUM_PATH');
  });

  it('exports while another process holds the store, and never writes it', async () => {
    // A lock held by a live process (this test runner), as when the app has the store open.
    const lock = `${store}.lock`;
    await writeFile(lock, String(process.pid));
    const before = await stat(store);
    try {
      const out = path.join(dir, 'locked.pdf');
      const r = await cli(['export', store, '--format', 'pdf', '--out', out, '--from', '2018-01-01', '--to', '2018-12-31', '--split', 'year']);
      expect(r.code, r.stderr).toBe(0);
      expect((await stat(out)).size).toBeGreaterThan(10_000);
      expect((await stat(store)).mtimeMs).toBe(before.mtimeMs);
      expect(await readFile(lock, 'utf8')).toBe(String(process.pid));
    } finally {
      await rm(lock, { force: true });
    }
  });
});
