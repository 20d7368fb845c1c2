/**
 * The real renderer in Chromium, backed by `cli serve` on a store annotated from the bundled sample corpus.
 * Expectations come from the same store's JSON export, so the test checks what the researcher sees against what
 * the pipeline produced.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, launchChromium, ROOT, startServe, stopServe } from './harness';
import type { ChronoEvent, EventsExport } from '../../shared/model';
import { timexInterval } from '../../shared/timex';
import { sortEventsByTime } from '../../renderer/event-pane/event-order';
import { normalizeText } from '../../renderer/search/normalize-text';

const ITEM = '.vis-item [data-event-id]';

let dir: string;
let data: EventsExport;
let server: ChildProcess | null = null;
let url: string;
let browser: Browser;
let page: Page;
const problems: string[] = [];

const drawnIds = (): Promise<string[]> => page.$$eval(ITEM, (els) => els.map((e) => e.getAttribute('data-event-id') ?? ''));
const langOf = (e: ChronoEvent): string => data.documents.find((d) => d.id === e.doc)!.lang;

/** A drawn event of that language; a day (drawn as a point with its label) late in its article, to prove scrolling. */
async function pickEvent(lang: string): Promise<ChronoEvent> {
  const drawn = new Set(await drawnIds());
  const candidates = data.events.filter((e) => drawn.has(e.id) && langOf(e) === lang);
  expect(candidates.length, `no drawn ${lang} event`).toBeGreaterThan(0);
  const points = candidates.filter((e) => timexInterval(e.date.value)?.precision === 'day');
  return (points.length ? points : candidates).sort((a, b) => b.start - a.start)[0]!;
}

async function clickEvent(e: ChronoEvent): Promise<void> {
  await page.locator(`.vis-item:has([data-event-id="${e.id}"])`).click();
  await page.locator('[data-testid="active-sentence"]').waitFor();
}

/** True when the sentence's first line is on screen and not covered: the element hit there is inside it. */
async function sentenceIsVisible(): Promise<boolean> {
  return page.$eval('[data-testid="active-sentence"]', (el) => {
    const r = el.getClientRects()[0];
    if (!r) return false;
    const x = r.left + Math.min(r.width / 2, 20);
    const y = r.top + r.height / 2;
    if (x < 0 || y < 0 || x > window.innerWidth || y > window.innerHeight) return false;
    const hit = document.elementFromPoint(el.closest('[dir="rtl"]') ? r.right - 5 : x, y);
    return hit !== null && el.contains(hit);
  });
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'chronolens-e2e-'));
  const store = path.join(dir, 'store.json');
  await cli('annotate', 'assets/corpus', '--store', store);
  data = JSON.parse(await cli('export', store, '--format', 'json')) as EventsExport;
  const served = await startServe(store);
  server = served.child;
  url = served.url;
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/);

  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP blocked ${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(url);
  await page.waitForSelector(ITEM, { timeout: 60_000, state: 'attached' });
});

afterAll(async () => {
  await browser?.close();
  await stopServe(server);
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('the renderer served by `cli serve`', () => {
  it('draws at least 15 events of the export on the timeline, each once', async () => {
    const ids = await drawnIds();
    const known = new Set(data.events.map((e) => e.id));
    expect(ids.length).toBeGreaterThanOrEqual(15);
    expect(ids.filter((id) => !known.has(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('opens on 2016 … 2021: every one of those years is labelled on the time axis', async () => {
    const labels = await page.$$eval('[data-testid="timeline"] .vis-time-axis .vis-text', (els) => els.map((e) => (e.textContent ?? '').trim()));
    for (const year of ['2016', '2017', '2018', '2019', '2020', '2021']) expect(labels, `year ${year}`).toContain(year);
    expect(labels).not.toContain('2014');
    expect(labels).not.toContain('2023');
  });

  it('shows an Arabic event’s exact sentence, right to left, scrolled into view, with its time expressions marked', async () => {
    const event = await pickEvent('ar');
    await clickEvent(event);
    const pane = page.locator('[data-testid="source-pane"]');
    await expect.poll(() => page.textContent('[data-testid="active-sentence"]')).toBe(event.text);
    expect(await page.locator('[data-testid="active-sentence"]').count()).toBe(1);
    expect(await pane.getAttribute('dir')).toBe('rtl');
    expect(await pane.getAttribute('lang')).toBe('ar');
    await expect.poll(sentenceIsVisible).toBe(true);

    const marks = await pane.locator('mark[data-kind="timex"]').allTextContents();
    expect(marks.length).toBeGreaterThanOrEqual(1);
    const timexTexts = data.timexes.filter((t) => t.doc === event.doc).map((t) => t.text);
    for (const m of marks) expect(timexTexts.some((t) => t.includes(m))).toBe(true);
    // The bundled Arabic font shapes the text (no fallback to a system font).
    expect(await page.evaluate(() => document.fonts.check('16px "Noto Sans Arabic"', 'مرحبا'))).toBe(true);

    if (process.env.CHRONOLENS_SCREENSHOT === '1') {
      await page.mouse.move(5, 895);
      await page.waitForTimeout(400);
      await page.screenshot({ path: path.join(ROOT, 'docs/screenshot.png') });
    }
  });

  it('shows a German event’s exact sentence left to right', async () => {
    const event = await pickEvent('de');
    await clickEvent(event);
    await expect.poll(() => page.textContent('[data-testid="active-sentence"]')).toBe(event.text);
    const pane = page.locator('[data-testid="source-pane"]');
    expect(await pane.getAttribute('dir')).toBe('ltr');
    expect(await pane.getAttribute('lang')).toBe('de');
    await expect.poll(sentenceIsVisible).toBe(true);
    expect(await pane.locator('mark[data-kind="timex"]').count()).toBeGreaterThanOrEqual(1);
  });

  it('says when a date only frames a figure, and a date mark selects the statement it dates', async () => {
    // Picked from the event list (the timeline may have scrolled them under the header by now).
    const pick = async (e: ChronoEvent): Promise<void> => {
      await page.getByRole('tab', { name: 'Events' }).click();
      await page.locator(`[data-row-id="${e.id}"]`).click();
      await expect.poll(() => page.getAttribute('[data-testid="active-sentence"]', 'data-event-ref')).toBe(e.id);
    };
    const context = data.events.find((e) => e.role === 'context')!;
    expect(context.text).toContain('السنة المنتهية');
    // Drawn muted (and said so in the legend), then said in words once selected.
    expect(await page.locator(`.vis-item.role-context:has([data-event-id="${context.id}"])`).count()).toBe(1);
    const muted = await page.$$eval('.vis-item.role-context [data-event-id]', (els) => [...new Set(els.map((e) => e.getAttribute('data-event-id')))]);
    expect(muted).toEqual(data.events.filter((e) => e.role === 'context').map((e) => e.id));
    expect(await page.locator('.legend').textContent()).toContain('frames a figure');
    await pick(context);
    await page.locator('[data-testid="context-date"]').waitFor();
    // "…، واستمرت لتوظيف خبراء … في العام التالي": the sentence's second statement, selected from its date mark.
    const second = data.events.find((e) => e.part !== undefined)!;
    const first = data.events.find((e) => e.doc === second.doc && e.start === second.start && e.part === undefined)!;
    await pick(first);
    expect(await page.locator('[data-testid="context-date"]').count()).toBe(0);
    const doc = data.documents.find((d) => d.id === second.doc)!;
    const dateText = data.timexes[second.timex!]!.text;
    expect(doc.text.slice(second.start + second.part!).startsWith(dateText)).toBe(true);
    await page.locator('[data-testid="source-pane"] mark[data-kind="timex"]', { hasText: dateText }).click();
    await expect.poll(() => page.getAttribute('[data-testid="active-sentence"]', 'data-event-ref')).toBe(second.id);
  });

  it('steps to the next event in time order with the right arrow key', async () => {
    const ordered = sortEventsByTime(data.events);
    const current = await page.getAttribute('[data-testid="active-sentence"]', 'data-event-ref');
    const i = ordered.findIndex((e) => e.id === current);
    expect(i).toBeGreaterThanOrEqual(0);
    const next = ordered[Math.min(i + 1, ordered.length - 1)]!;
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.textContent('[data-testid="active-sentence"]')).toBe(next.text);
  });

  it('filters the drawn events with the search box, ignoring case and diacritics, and Esc clears it', async () => {
    const before = await drawnIds();
    const search = page.locator('[data-testid="search"]');
    // "ankundigung" (no umlaut) must find "Ankündigung"; expected matches computed from the export.
    const query = 'ANKUNDIGUNG';
    const expected = new Set(data.events.filter((e) => normalizeText(`${e.label} ${e.text}`).includes(normalizeText(query))).map((e) => e.id));
    expect(expected.size).toBeGreaterThan(0);
    expect(expected.size).toBeLessThan(before.length);
    await search.fill(query);
    await expect.poll(async () => (await drawnIds()).sort()).toEqual([...expected].filter((id) => before.includes(id)).sort());
    await expect.poll(() => page.textContent('#search-count')).toBe(`${expected.size} of ${data.events.length}`);

    // Arabic, typed without hamza: "انت" finds "آنت".
    await search.fill('انت');
    const arabic = data.events.filter((e) => normalizeText(`${e.label} ${e.text}`).includes('انت')).map((e) => e.id);
    expect(arabic.length).toBeGreaterThan(0);
    await expect.poll(async () => (await drawnIds()).every((id) => arabic.includes(id)) && (await drawnIds()).length > 0).toBe(true);

    await search.press('Escape');
    expect(await search.inputValue()).toBe('');
    await expect.poll(async () => (await drawnIds()).length).toBe(before.length);
  });

  it('downloads a JSON export from the export menu', async () => {
    await page.locator('[data-testid="export"]').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[role="menuitem"][data-format="json"]').click()]);
    const file = path.join(dir, 'download.json');
    await download.saveAs(file);
    const { readFile } = await import('node:fs/promises');
    const exported = JSON.parse(await readFile(file, 'utf8')) as EventsExport;
    expect(exported.format).toBe('chronolens.events/1');
    expect(exported.events.map((e) => e.id).sort()).toEqual(data.events.map((e) => e.id).sort());
  });

  it('ran without page errors, console errors or Content-Security-Policy violations', () => {
    expect(problems).toEqual([]);
  });

  it('shows annotation progress while the main process annotates, then loads the timeline by itself', async () => {
    // The sample corpus annotates too fast to watch, so the first status answers are replaced with 'annotating'.
    const other = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    let polls = 0;
    await other.route('**/api/call/app:status', async (route) => {
      polls += 1;
      if (polls > 3) return route.continue();
      const progress = { phase: 'annotate', done: polls, total: 5, file: `file-${polls}.txt` };
      await route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: true, value: { state: 'annotating', storePath: 's', corpusDir: 'c', progress, error: null, notices: [] } }) });
    });
    await other.goto(url);
    await other.locator('progress').waitFor();
    await expect.poll(() => other.textContent('.status-card')).toMatch(/file-\d\.txt/);
    await other.waitForSelector(ITEM, { state: 'attached', timeout: 30_000 });
    expect(polls).toBeGreaterThanOrEqual(4);
    expect(await other.locator('progress').count()).toBe(0);
    await other.close();
  });

  it('refuses API calls without the token', async () => {
    const status = await page.evaluate(async () => (await fetch('/api/call/app:status', { method: 'POST', body: '{}' })).status);
    expect(status).toBe(401);
  });
});
