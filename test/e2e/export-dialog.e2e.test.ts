/**
 * The export dialog in Chromium through `cli serve`, on the sample corpus: its live preview is the print view itself
 * (Arabic, German and French sentences in the notes, the events on the timeline), it follows orientation and split,
 * its page count matches the PDF the CLI writes, the choices survive a reload, Esc closes it. And export:progress
 * through the services with the real print view in Chromium (the CLI's exporter as the services' exporter).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServices } from '../../electron/app-services';
import { exportPrint } from '../../electron/export/print';
import { dispatch } from '../../electron/ipc/dispatch';
import type { ExportProgress } from '../../shared/ipc/contract';
import type { EventsExport } from '../../shared/model';
import { DEFAULT_PRINT_OPTIONS } from '../../shared/print-options';
import { cli, launchChromium, ROOT, startServe, stopServe, type Served } from './harness';

const run = promisify(execFile);
let dir: string;
let store: string;
let data: EventsExport;
let served: Served;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'chronolens-export-dialog-'));
  store = path.join(dir, 'store.json');
  await cli('annotate', 'assets/corpus', '--store', store);
  data = JSON.parse(await cli('export', store, '--format', 'json')) as EventsExport;
  served = await startServe(store);
  browser = await launchChromium();
  page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  await page.goto(served.url);
  await page.locator('[data-testid="timeline"] .vis-item').first().waitFor({ timeout: 60_000 });
});

afterAll(async () => {
  await browser?.close();
  await stopServe(served?.child);
  if (dir) await rm(dir, { recursive: true, force: true });
});

const dialog = () => page.locator('[data-testid="print-dialog"]');
const preview = (): FrameLocator => page.frameLocator('[data-testid="print-preview-frame"]');
const summary = () => page.locator('[data-testid="print-preview-summary"]');
const pagesShown = async (): Promise<number> => Number(/≈ (\d+) page/.exec(await summary().innerText())?.[1] ?? NaN);
const langOf = (doc: string): string => data.documents.find((d) => d.id === doc)!.lang;

async function openDialog(): Promise<void> {
  await page.locator('[data-testid="export"]').click();
  await page.locator('[role="menuitem"][data-format="pdf"]').click();
  await expect.poll(() => dialog().isVisible()).toBe(true);
}

/** Waits until the preview shows these options (the frame's URL says so) and has laid them out. */
async function previewOf(query: string): Promise<void> {
  await expect.poll(async () => (await page.locator('[data-testid="print-preview-frame"]').getAttribute('data-url')) ?? '', { timeout: 60_000 }).toContain(query);
  await expect.poll(() => summary().innerText(), { timeout: 60_000 }).toMatch(/≈ \d+ pages? · \d+ events?/);
}

async function pdfPages(extra: string[]): Promise<number> {
  const out = path.join(dir, `t-${extra.join('-')}.pdf`);
  await cli('export', store, '--format', 'pdf', '--out', out, ...extra);
  const { stdout } = await run('pdfinfo', [out]);
  return Number(/Pages:\s+(\d+)/.exec(stdout)![1]);
}

describe('export dialog with a live preview', () => {
  it('previews the real print view: every event, Arabic, German and French sentences, and the PDF’s page count', async () => {
    await page.evaluate(() => localStorage.removeItem('chronolens.print-options'));
    await openDialog();
    await previewOf('orientation=landscape');
    const frame = preview();
    await expect.poll(() => frame.locator('g[data-note]').count()).toBe(data.events.length);
    const quotes = (await frame.locator('blockquote').allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
    for (const lang of ['ar', 'de', 'fr']) {
      const events = data.events.filter((e) => langOf(e.doc) === lang);
      expect(events.length, lang).toBeGreaterThan(0);
      for (const e of events) expect(quotes.join('\n'), `${lang} ${e.id}`).toContain(e.text.replace(/\s+/g, ' ').trim().slice(0, 30));
    }
    expect(await frame.locator('blockquote[lang="ar"]').count()).toBe(data.events.filter((e) => langOf(e.doc) === 'ar').length);
    expect(await frame.locator('.report-head h1').innerText()).toBe('Chronolens timeline');
    // The estimate against the file: the CLI's PDF with the same options.
    expect(Math.abs((await pagesShown()) - (await pdfPages([])))).toBeLessThanOrEqual(1);
  });

  it('follows orientation and split', async () => {
    const frame = preview();
    const landscapeWidth = await frame.locator('.sheet').first().evaluate((el) => el.getBoundingClientRect().width);
    await page.locator('select[name="orientation"]').selectOption('portrait');
    await previewOf('orientation=portrait');
    expect(await frame.locator('main.report').getAttribute('class')).toContain('portrait');
    const portraitWidth = await frame.locator('.sheet').first().evaluate((el) => el.getBoundingClientRect().width);
    expect(portraitWidth).toBeLessThan(landscapeWidth * 0.8);

    const fitPages = await pagesShown();
    expect(await frame.locator('.tl-section').count()).toBe(1);
    await page.locator('select[name="split"]').selectOption('year');
    await previewOf('split=year');
    expect(await frame.locator('main.report').getAttribute('data-split')).toBe('year');
    expect(await frame.locator('.tl-section .section-head h2').first().innerText()).toBe('2016');
    expect(await pagesShown()).toBeGreaterThan(fitPages);
    expect(Math.abs((await pagesShown()) - (await pdfPages(['--orientation', 'portrait', '--split', 'year'])))).toBeLessThanOrEqual(1);
  });

  it('remembers the choices over a reload, custom title included', async () => {
    await page.locator('select[name="titleMode"]').selectOption('custom');
    await page.locator('input[name="title"]').fill('Ant Financial, 2016–2021');
    await previewOf('title=Ant');
    expect(await preview().locator('.report-head h1').innerText()).toBe('Ant Financial, 2016–2021');
    await page.reload();
    await page.locator('[data-testid="timeline"] .vis-item').first().waitFor({ timeout: 60_000 });
    await openDialog();
    expect(await page.locator('select[name="orientation"]').inputValue()).toBe('portrait');
    expect(await page.locator('select[name="split"]').inputValue()).toBe('year');
    expect(await page.locator('select[name="titleMode"]').inputValue()).toBe('custom');
    expect(await page.locator('input[name="title"]').inputValue()).toBe('Ant Financial, 2016–2021');
    await previewOf('split=year');
  });

  it('a damaged stored entry loses only its bad fields', async () => {
    await page.keyboard.press('Escape');
    await page.evaluate(() => localStorage.setItem('chronolens.print-options', JSON.stringify({ orientation: 'sideways', split: 'year', scale: 'big' })));
    await openDialog();
    expect(await page.locator('select[name="orientation"]').inputValue()).toBe('landscape');
    expect(await page.locator('select[name="split"]').inputValue()).toBe('year');
  });

  it('keeps focus inside, closes on Esc, and opens the print view with the chosen options', async () => {
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('[data-testid="print-dialog"]')))).toBe(true);
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press('Tab');
      const inside = await page.evaluate(() => document.activeElement === document.body || Boolean(document.activeElement?.closest('[data-testid="print-dialog"]')));
      expect(inside, `tab ${i}`).toBe(true);
    }
    const [tab] = await Promise.all([page.context().waitForEvent('page'), dialog().locator('button[type="submit"]').click()]);
    expect(tab.url()).toContain('split=year');
    expect(tab.url()).not.toContain('preview=1');
    await tab.close();
    await openDialog();
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog().count()).toBe(0);
  });
});

/**
 * The desktop shell's API as its preload gives it: calls go to the serve bridge, except `export:print`, which walks
 * through the export's steps as the main process reports them (export:progress) and saves, or fails when the title
 * is "fail". Electron cannot run here; this is the renderer's side of the desktop export.
 */
function fakeDesktopApi(): void {
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const emit = (channel: string, payload: unknown): void => listeners.get(channel)?.forEach((l) => l(payload));
  const token = new URLSearchParams(window.location.search).get('token') ?? '';
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  const fractions: Record<string, number> = { open: 0.02, data: 0.05, layout: 0.15, render: 0.25, write: 0.4, save: 0.95 };
  (window as unknown as { chronolens: unknown }).chronolens = {
    call: async (channel: string, args: { format?: string; options?: { title?: string } }) => {
      if (channel === 'export:print') {
        const format = args.format;
        for (const phase of Object.keys(fractions)) {
          emit('export:progress', { format, phase, fraction: fractions[phase] });
          await sleep(phase === 'write' ? 1500 : 150);
          if (phase === 'layout' && args.options?.title === 'fail') {
            emit('export:progress', { format, phase: 'error', fraction: 0.15, message: 'the print view failed: out of memory' });
            return { ok: false, code: 'internal', message: 'the print view failed: out of memory' };
          }
        }
        emit('export:progress', { format, phase: 'done', fraction: 1, fileName: '/home/me/timeline.pdf' });
        return { ok: true, value: { fileName: '/home/me/timeline.pdf', bytes: 250_000 } };
      }
      const res = await fetch(`/api/call/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Chronolens-Token': token }, body: JSON.stringify(args) });
      return res.json();
    },
    on: (channel: string, listener: (p: unknown) => void) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)!.add(listener);
      return () => listeners.get(channel)!.delete(listener);
    },
  };
}

describe('export progress in the dialog (desktop API)', () => {
  let desktop: Page;
  const progress = () => desktop.locator('[data-testid="export-progress"]');

  beforeAll(async () => {
    const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 } });
    await ctx.addInitScript(fakeDesktopApi);
    desktop = await ctx.newPage();
    await desktop.goto(served.url);
    await desktop.locator('[data-testid="timeline"] .vis-item').first().waitFor({ timeout: 60_000 });
  });

  const open = async (): Promise<void> => {
    await desktop.locator('[data-testid="export"]').click();
    await desktop.locator('[role="menuitem"][data-format="pdf"]').click();
    await desktop.locator('[data-testid="print-preview-summary"]', { hasText: 'page' }).waitFor({ timeout: 60_000 });
  };

  it('shows each step with a progress bar, then where the file was saved', async () => {
    await desktop.evaluate(() => localStorage.removeItem('chronolens.print-options'));
    await open();
    await desktop.getByRole('button', { name: 'Save PDF…' }).click();
    await expect.poll(() => progress().getAttribute('data-phase')).toBe('write');
    expect(await progress().innerText()).toContain('Writing the file');
    expect(Number(await progress().locator('progress').getAttribute('value'))).toBe(40);
    if (process.env.SHOT_DIR) await desktop.screenshot({ path: path.join(process.env.SHOT_DIR, 'dialog-progress.png') });
    await expect.poll(() => desktop.locator('[data-testid="print-outcome"]').innerText(), { timeout: 15_000 }).toBe('Saved /home/me/timeline.pdf (244 KB)');
    expect(await progress().getAttribute('data-phase')).toBe('done');
    await desktop.keyboard.press('Escape');
    await expect.poll(() => desktop.locator('[data-testid="print-dialog"]').count()).toBe(0);
  });

  it('shows a failure in the dialog, with the bar stopped at its step', async () => {
    await open();
    await desktop.locator('select[name="titleMode"]').selectOption('custom');
    await desktop.locator('input[name="title"]').fill('fail');
    await desktop.getByRole('button', { name: 'Save PDF…' }).click();
    await expect.poll(() => desktop.locator('[data-testid="print-outcome"][role="alert"]').innerText(), { timeout: 15_000 }).toContain('Export failed: the print view failed: out of memory');
    expect(await progress().getAttribute('data-phase')).toBe('error');
    expect(Number(await progress().locator('progress').getAttribute('value'))).toBe(15);
    if (process.env.SHOT_DIR) await desktop.screenshot({ path: path.join(process.env.SHOT_DIR, 'dialog-error.png') });
    await desktop.keyboard.press('Escape');
  });
});

describe('export:progress through the services, real print view in Chromium', () => {
  it('sends open, data, layout, render, write, save, done in order, and the PDF is written', async () => {
    const out = path.join(dir, 'progress.pdf');
    const services = await createAppServices({
      storeFile: store,
      readOnly: true,
      print: async ({ format, options }, report) => {
        const r = await exportPrint({ storeFile: store, format, out, options, root: ROOT, ...(report ? { onPhase: report } : {}) });
        return { fileName: r.file, bytes: r.bytes };
      },
    });
    const seen: ExportProgress[] = [];
    services.events.on('export:progress', (p) => seen.push(p));
    try {
      const r = await dispatch(services.handlers, 'export:print', { format: 'pdf', options: { ...DEFAULT_PRINT_OPTIONS, orientation: 'portrait' } });
      expect(r.ok, JSON.stringify(r)).toBe(true);
      expect(seen.map((p) => p.phase)).toEqual(['open', 'data', 'layout', 'render', 'write', 'save', 'done']);
      expect(seen.at(-1)).toMatchObject({ fileName: out, fraction: 1, format: 'pdf' });
      expect((await readFile(out)).subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await services.close();
    }
  });
});
