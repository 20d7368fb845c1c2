/**
 * Article text is data, never markup: a corpus full of HTML and script payloads (as plain text and as a web page)
 * is annotated, served and shown. The payloads appear as text in the timeline, the source pane, tooltips and the
 * exports, and nothing in them runs (each payload would set a tripwire on `window` or fetch a URL).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventsExport } from '../../shared/model';
import { cli, launchChromium, startServe, stopServe } from './harness';

const PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=2</script>',
  '"><svg onload="window.__pwned=3">',
  '<a href="javascript:window.__pwned=4">click</a>',
  '<iframe src="http://example.invalid/"></iframe>',
];

let dir: string;
let server: ChildProcess | null = null;
let browser: Browser;
let page: Page;
let data: EventsExport;
const requests: string[] = [];
const problems: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'chronolens-hostile-'));
  const corpus = path.join(dir, 'corpus');
  await mkdir(corpus);
  // Each payload sits in a dated sentence, so it becomes an event label, a tooltip and a highlighted source sentence.
  const text = PAYLOADS.map((p, i) => `On ${i + 3} March 2019 the company said ${p} and more.`).join('\n\n');
  await writeFile(path.join(corpus, '2019-03-10_payloads.txt'), text);
  await writeFile(
    path.join(corpus, '2019-03-11_page.html'),
    `<html><head><title>Page &lt;b&gt;title&lt;/b&gt;</title><script>window.__pwned=5</script></head><body onload="window.__pwned=6"><article><p>On 7 March 2019 the regulator wrote &lt;img src=x onerror=alert(1)&gt; in its order, which took effect the next week.</p><p>Officials met again on 9 March 2019 to discuss the order in detail with the companies involved.</p></article></body></html>`,
  );
  const store = path.join(dir, 'store.json');
  await cli('annotate', corpus, '--store', store);
  data = JSON.parse(await cli('export', store, '--format', 'json')) as EventsExport;
  const served = await startServe(store);
  server = served.child;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('request', (r) => requests.push(r.url()));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(served.url);
  await page.waitForSelector('.vis-item [data-event-id]', { timeout: 60_000 });
});

afterAll(async () => {
  await browser?.close();
  await stopServe(server);
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('hostile article text', () => {
  it('is annotated into events whose sentences carry the payloads verbatim', () => {
    expect(data.events.length).toBeGreaterThanOrEqual(PAYLOADS.length);
    for (const p of PAYLOADS) expect(data.events.some((e) => e.text.includes(p))).toBe(true);
  });

  it('shows every payload as text in the source pane and in tooltips, and runs none of them', async () => {
    const event = data.events.find((e) => e.text.includes(PAYLOADS[0]!))!;
    await page.locator(`.vis-item:has([data-event-id="${event.id}"])`).click();
    const pane = page.locator('[data-testid="source-pane"]');
    await expect.poll(() => page.textContent('[data-testid="active-sentence"]')).toBe(event.text);
    const paneText = (await pane.textContent()) ?? '';
    for (const p of PAYLOADS) expect(paneText).toContain(p);
    // No element from the payloads exists in the page: they were never parsed as HTML.
    expect(await page.locator('[data-testid="source-pane"] img, [data-testid="source-pane"] svg, [data-testid="source-pane"] iframe, [data-testid="source-pane"] script').count()).toBe(0);
    expect(await page.locator('.vis-timeline img, .vis-timeline iframe, .vis-timeline script').count()).toBe(0);
    await page.locator(`.vis-item:has([data-event-id="${event.id}"])`).hover();
    await expect.poll(() => page.locator('div.vis-tooltip').textContent()).toContain(PAYLOADS[0]);
    expect(await page.locator('div.vis-tooltip img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(requests.filter((u) => !u.startsWith('http://127.0.0.1:'))).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('keeps only the article text of a web page, without its script or markup', () => {
    const doc = data.documents.find((d) => d.file.endsWith('.html'))!;
    expect(doc.text).toContain('On 7 March 2019 the regulator wrote <img src=x onerror=alert(1)> in its order');
    expect(doc.text).not.toContain('__pwned');
  });

  it('escapes the payloads in the TimelineJS export (its fields are HTML) and keeps them as plain text in CSV', async () => {
    const store = path.join(dir, 'store.json');
    const tl = await cli('export', store, '--format', 'timelinejs');
    expect(tl).not.toMatch(/<img|<script|<svg|<iframe/);
    expect(tl).toContain('&lt;script&gt;');
    const csv = await cli('export', store, '--format', 'csv');
    expect(csv).toContain('<script>window.__pwned=2</script>');
  });
});
