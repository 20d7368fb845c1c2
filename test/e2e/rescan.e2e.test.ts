/**
 * The open corpus folder is watched: when a file appears, the served UI offers a re-scan, and re-scanning draws the
 * new article's events without a restart.
 */
import type { ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus, loadSentencePools } from '../../bench/generate-corpus';
import { cli, launchChromium, startServe, stopServe } from './harness';

let dir: string;
let corpus: string;
let server: ChildProcess | null = null;
let browser: Browser;
let page: Page;

// The header's summary counts every document and event (the timeline draws only the lanes in view).
const summary = async (): Promise<string> => ((await page.locator('header').first().textContent()) ?? '').replace(/\s+/g, ' ');

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'chronolens-rescan-'));
  corpus = path.join(dir, 'corpus');
  await cp('assets/corpus', corpus, { recursive: true });
  const store = path.join(dir, 'store.json');
  await cli('annotate', corpus, '--store', store);
  const served = await startServe(store);
  server = served.child;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(served.url);
  await page.waitForSelector('.vis-item [data-event-id]', { timeout: 60_000 });
});

afterAll(async () => {
  await browser?.close();
  await stopServe(server);
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('a corpus folder that changes while the app is open', () => {
  it('offers a re-scan, and the re-scan draws the new article', async () => {
    expect(await summary()).toContain('5 documents · 23 events');
    expect(await page.locator('[data-testid="rescan-offer"]').count()).toBe(0);
    await writeFile(path.join(corpus, '2019-07-02_note.txt'), 'Am 1. Juli 2019 kündigte Ant Financial eine neue Blockchain-Plattform an.\n');
    const offer = page.locator('[data-testid="rescan-offer"]');
    await offer.waitFor({ timeout: 15_000 });
    expect(await offer.textContent()).toMatch(/A file changed in the corpus folder/);
    await offer.getByRole('button', { name: 'Re-scan now' }).click();
    await expect.poll(summary).toContain('6 documents · 24 events');
    // The new article's lane and event are on the timeline.
    await expect.poll(() => page.locator('.vis-label').filter({ hasText: 'Am 1. Juli 2019' }).count()).toBe(1);
    expect(await offer.count()).toBe(0);
  });

  it('shows the re-scan’s progress and cancels it: the timeline stays exactly as it was', async () => {
    // 1,500 new articles: enough work that the re-scan is still running when Cancel is pressed.
    await generateCorpus({ out: path.join(corpus, 'generated'), count: 1500, pools: await loadSentencePools('assets/corpus'), seed: 5 });
    const offer = page.locator('[data-testid="rescan-offer"]');
    await offer.waitFor({ timeout: 15_000 });
    await offer.getByRole('button', { name: 'Re-scan now' }).click();
    const bar = offer.getByRole('progressbar', { name: 'Re-scan progress' });
    await bar.waitFor({ timeout: 15_000 });
    expect(Number(await bar.getAttribute('max'))).toBeGreaterThan(1500);
    if (process.env.CHRONOLENS_SCREENSHOT) await page.screenshot({ path: path.join(process.env.CHRONOLENS_SCREENSHOT, 'rescan-progress.png') });
    await offer.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(async () => (await offer.textContent()) ?? '', { timeout: 15_000 }).toContain('Re-scan cancelled; the timeline is unchanged.');
    expect(await summary()).toContain('6 documents · 24 events');
    // The offer stays: the files are still new, and the researcher can re-scan later.
    expect(await offer.getByRole('button', { name: 'Re-scan now' }).isEnabled()).toBe(true);
  });
});
