/**
 * PDF / PNG export from the command line: the store opened read-only behind the loopback bridge, the print view
 * (renderer/print.html) loaded in headless Chromium through playwright-core, and Chromium's own PDF writer
 * (vector text, embedded subset fonts, shaped Arabic) or a full-page screenshot.
 * The desktop app does the same with a hidden BrowserWindow (electron/print-window.ts).
 */
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PAGE_MARGIN_MM, pageSizePx, printQuery, RENDER_ALL_QUERY, type PrintFormat, type PrintOptions } from '../../shared/print-options';
import { createAppServices } from '../app-services';
import { ensureRendererBuilt } from '../serve/ensure-renderer';
import { startServer } from '../serve/server';
import { capturePng, PAGE_SIZE_SCRIPT, SCROLL_AND_SETTLE, type TileCapturer } from './png/capture-png';
import { PRINT_STATE_SCRIPT, waitForPrintView, type PrintViewState, type ReportPhase } from './print-progress';

export class ChromiumNotFoundError extends Error {}
export class PrintViewError extends Error {}

/** Flags that keep Chromium quiet on a closed network and runnable as root (pitfalls.md, Browsers). */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

export interface PrintExportRequest {
  storeFile: string;
  format: PrintFormat;
  out: string;
  options: PrintOptions;
  /** Repository root (holds renderer/ and dist/renderer). */
  root: string;
  log?: (s: string) => void;
  /** Milliseconds to wait for the print view to lay out. */
  timeoutMs?: number;
  /** Told each step as it starts (open, data, layout, render, write, save), as the desktop app's export:progress. */
  onPhase?: ReportPhase;
}

export interface PrintExportResult {
  file: string;
  bytes: number;
  events: number;
  ms: { total: number; layout: number; write: number };
  /** Inside the print view (ms): data load, paper layout, HTML build, first render (print-page.tsx PRINT_PHASES). */
  phases: Record<string, number>;
  /** CPU time of all Chromium processes still running at the end (CDP SystemInfo), ms: what load does not inflate. */
  chromiumCpuMs: number;
}

async function chromiumCpuMs(browser: Browser): Promise<number> {
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: Array<{ cpuTime: number }> };
  await cdp.detach();
  return Math.round(processInfo.reduce((sum, p) => sum + p.cpuTime * 1000, 0));
}

/**
 * Tiles through playwright: the context's deviceScaleFactor is the scale, so a viewport capture is already in
 * device pixels; the same steps as the desktop app's capturePage (scroll, settle, capture a viewport rectangle).
 */
export function playwrightCapturer(page: Page): TileCapturer {
  let width = 0;
  return {
    pageSize: () => page.evaluate(PAGE_SIZE_SCRIPT) as Promise<{ width: number; height: number }>,
    prepare: async (plan) => {
      width = plan.viewport.width;
      await page.setViewportSize(plan.viewport);
    },
    capture: async (tile) => {
      await page.evaluate(SCROLL_AND_SETTLE(tile.scrollY));
      return page.screenshot({ type: 'png', clip: { x: 0, y: tile.viewportY, width, height: tile.height } });
    },
  };
}

export async function exportPrint(req: PrintExportRequest): Promise<PrintExportResult> {
  const t0 = performance.now();
  const log = req.log ?? (() => undefined);
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new ChromiumNotFoundError(`Chromium was not found at ${executablePath}. Install it (Debian: apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome executable.`);
  }
  // Rebuilds when either page (app or print view) is missing or older than its sources.
  const staticDir = await ensureRendererBuilt(req.root, log);
  const services = await createAppServices({ storeFile: req.storeFile, readOnly: true });
  const timeout = req.timeoutMs ?? 180_000;
  let closeServer: (() => Promise<void>) | null = null;
  // Imported here so the rest of the CLI never loads playwright.
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true }).catch((e: unknown) => {
    throw new ChromiumNotFoundError(`Chromium at ${executablePath} did not start (${(e as Error).message.split('\n')[0]}). Set CHROMIUM_PATH to a working Chromium.`);
  });
  try {
    const server = await startServer({ services, staticDir });
    closeServer = server.close;
    const origin = new URL(server.url).origin;
    const size = pageSizePx(req.options.paper, req.options.orientation);
    const context = await browser.newContext({
      viewport: { width: size.width, height: size.height },
      deviceScaleFactor: req.format === 'png' ? req.options.scale : 1,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(timeout);
    const consoleErrors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
    page.on('pageerror', (e) => consoleErrors.push(e.message));
    if (req.format === 'pdf') await page.emulateMedia({ media: 'print' });
    const query = `${printQuery(req.options)}${req.format === 'png' ? `&${RENDER_ALL_QUERY}` : ''}`;
    const report = req.onPhase ?? (() => undefined);
    report('open');
    const res = await page.goto(`${origin}/print.html?token=${encodeURIComponent(server.token)}&${query}`);
    if (!res?.ok()) throw new PrintViewError(`the print view did not load (HTTP ${res?.status() ?? 'no answer'}) from ${staticDir}`);
    await waitForPrintView(() => page.evaluate(PRINT_STATE_SCRIPT) as Promise<PrintViewState>, report, { timeoutMs: timeout, pollMs: 50 }).catch((e: unknown) => {
      throw new PrintViewError((e as Error).message);
    });
    const { events, phases } = await page.evaluate(() => ({
      events: document.querySelectorAll('.note').length,
      phases: Object.fromEntries(performance.getEntriesByType('measure').map((m) => [m.name, Math.round(m.duration)])),
    }));
    const tLayout = performance.now();
    report('write');
    let bytes: Buffer;
    if (req.format === 'pdf') {
      const m = PAGE_MARGIN_MM;
      bytes = await page.pdf({
        format: req.options.paper,
        landscape: req.options.orientation === 'landscape',
        printBackground: true,
        // Page numbers come from the view's CSS (@page margin boxes), not a footer template.
        margin: { top: `${m.top}mm`, right: `${m.right}mm`, bottom: `${m.bottom}mm`, left: `${m.left}mm` },
      });
    } else {
      bytes = (await capturePng(playwrightCapturer(page), req.options.scale)).png;
    }
    if (consoleErrors.length) log(`print view reported: ${consoleErrors.slice(0, 3).join(' | ')}`);
    report('save');
    await mkdir(path.dirname(path.resolve(req.out)), { recursive: true });
    await writeFile(req.out, bytes);
    const t1 = performance.now();
    const cpu = await chromiumCpuMs(browser).catch(() => NaN);
    return { file: path.resolve(req.out), bytes: bytes.length, events, ms: { total: Math.round(t1 - t0), layout: Math.round(tLayout - t0), write: Math.round(t1 - tLayout) }, phases, chromiumCpuMs: cpu };
  } finally {
    await browser.close().catch(() => undefined);
    await closeServer?.().catch(() => undefined);
    await services.close();
  }
}
