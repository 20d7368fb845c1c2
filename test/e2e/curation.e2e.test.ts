/**
 * Curation end to end: the real renderer in Chromium over `cli serve`, on a temp copy of the sample corpus.
 * A researcher edits events, the page is reloaded, the corpus is re-annotated after the article changed around the
 * edited sentence, and the edit is still there; undo/redo, add from a selection, merge/split, a same-event
 * suggestion, a publication date, and an edit whose sentence was deleted (listed, never dropped).
 */
import type { ChildProcess } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, launchChromium, ROOT, startServe as startHarnessServe, stopServe as stopHarnessServe } from './harness';
import type { EditedEvent } from '../../shared/edits';
import type { TimelineData } from '../../shared/ipc/contract';
import type { ChronoEvent, EventsExport } from '../../shared/model';

const ITEM = '.vis-item [data-event-id]';

let dir: string;
let corpus: string;
let store: string;
let shots: string;
let data: EventsExport;
let server: ChildProcess | null = null;
let url: string;
let browser: Browser;
let page: Page;
const problems: string[] = [];

const exportJson = async (): Promise<EventsExport> => JSON.parse(await cli('export', store, '--format', 'json')) as EventsExport;

async function startServe(): Promise<string> {
  const served = await startHarnessServe(store);
  server = served.child;
  return served.url;
}

async function stopServe(): Promise<void> {
  // Leave the app first: its open event stream would otherwise log the refused reconnection as a console error.
  if (page && !page.isClosed()) await page.goto('about:blank');
  const child = server;
  server = null;
  await stopHarnessServe(child);
}

async function openPage(): Promise<void> {
  await page.goto(url);
  try {
    await page.waitForSelector(ITEM, { timeout: 60_000, state: 'attached' });
  } catch (e) {
    throw new Error(`${(e as Error).message}\npage: ${(await page.textContent('body'))?.slice(0, 300)}\n${problems.join('\n')}`, { cause: e });
  }
}

/** The served API, called from the page with its token (what the renderer itself sees). */
async function load(): Promise<TimelineData> {
  return page.evaluate(async () => {
    const token = new URLSearchParams(location.search).get('token') ?? '';
    const res = await fetch('/api/call/timeline:load', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Chronolens-Token': token }, body: '{}' });
    const body = (await res.json()) as { ok: boolean; value: TimelineData };
    return body.value;
  });
}

const byText = (events: readonly ChronoEvent[], text: string): ChronoEvent => {
  const e = events.find((x) => x.text === text);
  expect(e, `no event with the text ${text}`).toBeDefined();
  return e!;
};
const docOf = (file: string): EventsExport['documents'][number] => data.documents.find((d) => d.file.startsWith(file))!;
const itemLabel = (id: string): Promise<string | null> => page.locator(`${ITEM.replace('[data-event-id]', `[data-event-id="${id}"]`)} .ev-label`).first().textContent();

async function selectOnTimeline(id: string): Promise<void> {
  await page.locator(`.vis-item:has([data-event-id="${id}"])`).first().click();
  await page.locator('[data-testid="active-sentence"]').waitFor();
}

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(shots, name) });
}

const editor = () => page.locator('[data-testid="event-editor"]');
const field = (name: string) => editor().locator(`[name="${name}"]`);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'chronolens-curation-'));
  corpus = path.join(dir, 'corpus');
  store = path.join(dir, 'store.json');
  shots = process.env.CHRONOLENS_SHOTS ?? path.join(dir, 'shots');
  await mkdir(shots, { recursive: true });
  await cp(path.join(ROOT, 'assets/corpus'), corpus, { recursive: true });
  await cli('annotate', corpus, '--store', store);
  data = await exportJson();
  url = await startServe();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (m) => {
    // The server's deliberate 400 for an over-long label shows up as a failed resource load.
    if (m.type() === 'error' && !/status of 400/.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  await openPage();
});

afterAll(async () => {
  await browser?.close();
  await stopServe();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('curation in the served renderer', () => {
  // Sentences the test follows (found by text, since ids move when offsets do).
  let arabicDoomed: ChronoEvent; // 004: its sentence is deleted from the article later
  let german: ChronoEvent; // 002: a paragraph is prepended before it later
  const GERMAN_LABEL = 'ATEC-Ankündigung (geprüft)';
  const DOOMED_LABEL = 'ميزانية الصين (سيُحذف)';

  it('edits an Arabic event’s label from the Edit button', async () => {
    arabicDoomed = data.events.find((e) => e.doc === docOf('004_').id && e.amounts.length > 0) ?? data.events.find((e) => e.doc === docOf('004_').id)!;
    await selectOnTimeline(arabicDoomed.id);
    await page.locator('[data-testid="edit-event"]').click();
    await editor().waitFor();
    expect(await field('label').inputValue()).toBe(arabicDoomed.label);
    expect(await field('date').inputValue()).toBe(arabicDoomed.date.value);
    await field('label').fill(DOOMED_LABEL);
    await shot('editor-arabic.png');
    await page.locator('[data-testid="save-event"]').click();
    await editor().waitFor({ state: 'detached' });
    await expect.poll(() => itemLabel(arabicDoomed.id)).toBe(DOOMED_LABEL);
  });

  it('edits a German event’s date, label and note with Enter, shows the new label on the timeline, and refuses bad input inline', async () => {
    german = data.events.find((e) => e.doc === docOf('002_').id && e.text.startsWith('Die Ankündigung wurde'))!;
    expect(german).toBeDefined();
    await selectOnTimeline(german.id);
    await page.locator('body').press('Enter');
    await editor().waitFor();
    await field('date').fill('2018-13');
    await expect.poll(() => page.textContent('[data-testid="date-hint"]')).toMatch(/month 13/);
    await page.locator('[data-testid="save-event"]').click();
    await expect.poll(() => page.textContent('[data-testid="editor-error"]')).toMatch(/month 13/);
    // Friendlier input, German style: the day precision follows from the value.
    await field('date').fill('19. September 2018');
    await expect.poll(() => page.textContent('[data-testid="date-hint"]')).toContain('2018-09-19');
    // The main process refuses a label over 500 characters: its message is shown, the dialog stays open.
    await field('label').fill('x'.repeat(600));
    await page.locator('[data-testid="save-event"]').click();
    await expect.poll(() => page.textContent('[data-testid="editor-error"]')).toMatch(/500|too big|too long|at most/i);
    await field('label').fill(GERMAN_LABEL);
    await field('note').fill('Datum mit dem ATEC-Programm abgeglichen.');
    await shot('editor-german.png');
    await page.locator('[data-testid="save-event"]').click();
    await editor().waitFor({ state: 'detached' });
    await expect.poll(() => itemLabel(german.id)).toBe(GERMAN_LABEL);
    // Still selected, marked edited on the timeline and in the details.
    await expect.poll(() => page.getAttribute('[data-testid="active-sentence"]', 'data-event-ref')).toBe(german.id);
    expect(await page.locator(`[data-testid="timeline"] [data-event-id="${german.id}"][data-edited]`).count()).toBe(1);
    expect(await page.textContent('[data-testid="event-note"]')).toContain('ATEC-Programm');
    const e = (await load()).events.find((x) => x.id === german.id)!;
    expect(e.date).toMatchObject({ value: '2018-09-19', start: '2018-09-19', end: '2018-09-19' });
  });

  it('keeps the edits after reloading the page', async () => {
    await page.reload();
    await page.waitForSelector(ITEM, { timeout: 60_000, state: 'attached' });
    await expect.poll(() => itemLabel(german.id)).toBe(GERMAN_LABEL);
    await expect.poll(() => itemLabel(arabicDoomed.id)).toBe(DOOMED_LABEL);
  });

  it('re-applies the edit to the same sentence after the article changed and the corpus was re-annotated; lists the edit whose sentence is gone', async () => {
    await stopServe();
    const de = path.join(corpus, docOf('002_').file);
    await writeFile(de, `Ein neuer erster Absatz, der alle Offsets verschiebt.\n\n${await readFile(de, 'utf8')}`);
    const ar = path.join(corpus, docOf('004_').file);
    const arText = await readFile(ar, 'utf8');
    expect(arText).toContain(arabicDoomed.text);
    await writeFile(ar, arText.replace(arabicDoomed.text, ''));
    await cli('annotate', corpus, '--store', store);
    data = await exportJson();
    const moved = byText(data.events, german.text);
    expect(moved.start).toBeGreaterThan(german.start);
    expect(moved.id).not.toBe(german.id);
    expect(moved).toMatchObject({ label: GERMAN_LABEL, edited: true, date: { value: '2018-09-19' } });
    expect(data.events.some((e) => e.text === arabicDoomed.text)).toBe(false);

    url = await startServe();
    await openPage();
    await expect.poll(() => itemLabel(moved.id)).toBe(GERMAN_LABEL);
    const orphans = page.locator('[data-testid="orphaned-edit"]');
    await expect.poll(() => orphans.count()).toBe(1);
    const text = (await orphans.first().textContent()) ?? '';
    expect(text).toContain(DOOMED_LABEL);
    expect(text).toContain(arabicDoomed.text.trim().slice(0, 30));
    expect(text).toMatch(/no longer in the article/);
    expect(await page.textContent('[data-testid="orphaned-edits"] summary')).toMatch(/Edits whose text is gone \(1\)/);
    await shot('orphaned.png');
    german = moved;
  });

  it('undoes to the machine’s value, redoes with Ctrl+Shift+Z and undoes again with Ctrl+Z', async () => {
    await selectOnTimeline(german.id);
    await page.locator('[data-testid="undo"]').click();
    const fresh = async (): Promise<EditedEvent> => (await load()).events.find((e) => e.id === german.id)!;
    await expect.poll(async () => (await fresh()).label).not.toBe(GERMAN_LABEL);
    const undone = await fresh();
    // The machine's own value for the moved sentence: what a re-annotation without edits gives.
    expect(undone.label).not.toBe(GERMAN_LABEL);
    expect(undone.date.value).not.toBe('2018-09-19');
    expect(undone.edited).toBe(false);
    await expect.poll(() => itemLabel(german.id)).toBe(undone.label);
    await page.locator('[data-testid="timeline"]').click({ position: { x: 5, y: 5 } }).catch(() => undefined);
    await page.locator('body').press('Control+Shift+Z');
    await expect.poll(() => itemLabel(german.id)).toBe(GERMAN_LABEL);
    await page.locator('body').press('Control+z');
    await expect.poll(() => itemLabel(german.id)).toBe(undone.label);
  });

  it('adds an event from a text selection in the source pane, anchored to the exact substring and its offsets', async () => {
    await selectOnTimeline(german.id);
    const phrase = 'Ant Technology Exploration Conference (ATEC) in Hangzhou';
    const doc = data.documents.find((d) => d.id === german.doc)!;
    expect(doc.text).toContain(phrase);
    await page.evaluate((p) => {
      const body = document.querySelector('[data-testid="source-pane"] .doc-body')!;
      const nodes: Text[] = [];
      const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
      const all = nodes.map((n) => n.data).join('');
      const at = all.indexOf(p);
      const point = (offset: number): [Text, number] => {
        let rest = offset;
        for (const n of nodes) {
          if (rest <= n.data.length) return [n, rest];
          rest -= n.data.length;
        }
        throw new Error('offset out of range');
      };
      const range = document.createRange();
      range.setStart(...point(at));
      range.setEnd(...point(at + p.length));
      const sel = document.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
    }, phrase);
    await page.locator('[data-testid="add-event-from-selection"]').click();
    await editor().waitFor();
    expect(await editor().locator('blockquote').textContent()).toBe(phrase);
    await field('date').fill('2018-09-20');
    await field('label').fill('ATEC in Hangzhou');
    await page.locator('[data-testid="save-event"]').click();
    await editor().waitFor({ state: 'detached' });
    const added = (await load()).events.find((e) => e.label === 'ATEC in Hangzhou')!;
    expect(added).toBeDefined();
    expect(added.text).toBe(phrase);
    expect(doc.text.slice(added.start, added.end)).toBe(phrase);
    expect(added.start).toBe(doc.text.indexOf(phrase));
    await expect.poll(() => itemLabel(added.id)).toBe('ATEC in Hangzhou');
    await expect.poll(() => page.textContent('[data-testid="active-sentence"]')).toBe(phrase);
  });

  it('merges two events picked with Ctrl+click into one that lists both sources, each clickable, and splits them again', async () => {
    const fr = data.events.filter((e) => e.doc === docOf('003_').id).slice(0, 2);
    expect(fr).toHaveLength(2);
    for (const e of fr) await page.locator(`[data-row-id="${e.id}"]`).click({ modifiers: ['Control'] });
    await page.locator('[data-testid="merge-tray"]').waitFor();
    await page.locator('[data-testid="merge"]').click();
    await expect.poll(() => page.locator('[data-testid="event-source"]').count()).toBe(2);
    const merged = (await load()).events.find((e) => e.id === fr[0]!.id)!;
    expect(merged.sources?.map((s) => s.text)).toEqual(fr.map((e) => e.text));
    expect(merged.mergedBy).toBeGreaterThan(0);
    await expect.poll(() => page.locator(`${ITEM.replace('[data-event-id]', `[data-event-id="${fr[1]!.id}"]`)}`).count()).toBe(0);
    await page.locator('[data-testid="event-source"]').nth(1).click();
    await expect.poll(() => page.textContent('[data-testid="active-sentence"]')).toBe(fr[1]!.text);
    await shot('merged.png');
    await page.locator('[data-testid="split-event"]').click();
    await expect.poll(async () => (await load()).events.filter((e) => fr.some((f) => f.id === e.id)).length).toBe(2);
    await expect.poll(() => page.locator(`[data-testid="timeline"] [data-event-id="${fr[1]!.id}"]`).count()).toBe(1);
  });

  it('shows the same-event suggestion between the Arabic $14 bn and the German 11,9 Mrd. Euro events with its reasons, and accepts it', async () => {
    const ar = data.events.find((e) => e.doc === docOf('000_').id && (e.links ?? []).length > 0)!;
    expect(ar, 'the backend links the Arabic 000 and German 002 funding rounds').toBeDefined();
    const deId = ar.links![0]!.event;
    expect(data.events.find((e) => e.id === deId)!.doc).toBe(docOf('002_').id);
    await selectOnTimeline(ar.id);
    const s = page.locator(`[data-testid="suggestion"][data-event-ref="${deId}"]`);
    await s.waitFor();
    expect(await s.getAttribute('data-status')).toBe('suggested');
    expect(await s.textContent()).toMatch(/equivalent amounts/);
    await s.locator('[data-testid="accept-suggestion"]').click();
    await expect.poll(() => s.getAttribute('data-status')).toBe('accepted');
    const events = (await load()).events;
    expect(events.find((e) => e.id === ar.id)!.accepted).toEqual([deId]);
    expect(events.find((e) => e.id === deId)!.accepted).toEqual([ar.id]);
    await shot('suggestion.png');
  });

  it('sets an article’s publication date from the source pane header', async () => {
    const fr = data.events.find((e) => e.doc === docOf('003_').id)!;
    await selectOnTimeline(fr.id);
    await page.locator('[data-testid="set-publication-date"]').click();
    await page.locator('[data-testid="publication-date-form"] input').fill('28 May 2020');
    await page.locator('[data-testid="publication-date-form"] button[type="submit"]').click();
    await expect.poll(async () => (await load()).documents.find((d) => d.id === fr.doc)!.published).toMatchObject({ value: '2020-05-28', source: 'user' });
    await expect.poll(() => page.textContent('.source .doc-meta')).toMatch(/28 May 2020.*via user/s);
  });

  it('edits the second statement of a sentence without touching the first', async () => {
    // "…، أطلقت … تكنولوجيا بلوكتشين …، واستمرت لتوظيف خبراء … في العام التالي": 2016-SU launch and 2017 hiring.
    const second = data.events.find((e) => e.part !== undefined)!;
    const first = data.events.find((e) => e.doc === second.doc && e.start === second.start && e.part === undefined)!;
    await page.getByRole('tab', { name: 'Events' }).click();
    await page.locator(`[data-row-id="${second.id}"]`).click();
    await page.locator('[data-testid="edit-event"]').click();
    await editor().waitFor();
    expect(await field('label').inputValue()).toBe(second.label);
    await field('label').fill('Ant Financial hires blockchain experts');
    await page.locator('[data-testid="save-event"]').click();
    await editor().waitFor({ state: 'detached' });
    await expect.poll(async () => (await exportJson()).events.filter((e) => e.doc === second.doc && e.start === second.start).map((e) => [e.id, e.label])).toEqual([
      [first.id, first.label],
      [second.id, 'Ant Financial hires blockchain experts'],
    ]);
  });

  it('ran without page errors or console errors', () => {
    expect(problems).toEqual([]);
  });
});
