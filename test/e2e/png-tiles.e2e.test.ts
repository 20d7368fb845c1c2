/**
 * The PNG path's shared logic (plan, scroll-and-capture tiles, stitch) on the real print view in Chromium: the same
 * module the desktop app drives with capturePage, here with playwright's viewport captures. Tiles are made small
 * so the sample report needs several, and every seam is checked against one capture that spans it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServices, type AppServices } from '../../electron/app-services';
import { playwrightCapturer } from '../../electron/export/print';
import { devicePx } from '../../electron/export/png/capture-plan';
import { capturePng, SCROLL_AND_SETTLE } from '../../electron/export/png/capture-png';
import { ensureRendererBuilt } from '../../electron/serve/ensure-renderer';
import { startServer } from '../../electron/serve/server';
import { DEFAULT_PRINT_OPTIONS, pageSizePx, printQuery, RENDER_ALL_QUERY } from '../../shared/print-options';
import { cli, launchChromium, ROOT } from './harness';

const SCALE = 2;
let dir: string;
let services: AppServices;
let server: { url: string; token: string; close: () => Promise<void> };
let browser: Browser;
let page: Page;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'chronolens-png-'));
  const store = path.join(dir, 'store.json');
  await cli('annotate', 'assets/corpus', '--store', store);
  const staticDir = await ensureRendererBuilt(ROOT, () => undefined);
  services = await createAppServices({ storeFile: store, readOnly: true });
  server = await startServer({ services, staticDir });
  browser = await launchChromium();
  const size = pageSizePx(DEFAULT_PRINT_OPTIONS.paper, DEFAULT_PRINT_OPTIONS.orientation);
  page = await (await browser.newContext({ viewport: { width: size.width, height: size.height }, deviceScaleFactor: SCALE })).newPage();
  await page.goto(`${new URL(server.url).origin}/print.html?token=${encodeURIComponent(server.token)}&${printQuery({ ...DEFAULT_PRINT_OPTIONS, scale: SCALE })}&${RENDER_ALL_QUERY}`);
  await page.waitForFunction(() => document.body.dataset.printReady === '1');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await services?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Rows [y0, y1) of an RGBA image, as bytes. */
const rows = (img: PNG, y0: number, y1: number): Buffer => img.data.subarray(y0 * img.width * 4, y1 * img.width * 4);
const inkIn = (b: Buffer): number => {
  let n = 0;
  for (let i = 0; i < b.length; i += 4) if (b[i]! < 200 || b[i + 1]! < 200 || b[i + 2]! < 200) n++;
  return n;
};

describe('PNG of the whole print view from stitched tiles', () => {
  it('is the full page at scale 2, at least 2,000 px wide, and continuous across every tile seam', async () => {
    const { png, plan } = await capturePng(playwrightCapturer(page), SCALE, { maxTilePx: 1000, maxPixels: 1e8 });
    const img = PNG.sync.read(png);
    const full = await page.evaluate(() => ({ w: document.documentElement.scrollWidth, h: document.documentElement.scrollHeight }));
    expect(plan.tiles.length).toBeGreaterThanOrEqual(3);
    expect(img.width).toBeGreaterThanOrEqual(2000);
    expect([img.width, img.height]).toEqual([devicePx(full.w, SCALE), devicePx(full.h, SCALE)]);
    // The report's notes reach the bottom: the last tile is not blank.
    expect(inkIn(rows(img, img.height - devicePx(plan.tiles.at(-1)!.height, SCALE), img.height))).toBeGreaterThan(1000);

    // Each seam against one capture spanning it (40 CSS px above and below): same pixels, row for row.
    const margin = 40;
    await page.setViewportSize({ width: plan.viewport.width, height: 2 * margin });
    let inkAtSeams = 0;
    for (const t of plan.tiles.slice(1)) {
      const scrolled = (await page.evaluate(SCROLL_AND_SETTLE(t.y - margin))) as number;
      expect(scrolled).toBe(t.y - margin);
      const ref = PNG.sync.read(await page.screenshot({ type: 'png', clip: { x: 0, y: 0, width: plan.viewport.width, height: 2 * margin } }));
      const y0 = devicePx(t.y - margin, SCALE);
      const stitched = rows(img, y0, y0 + ref.height);
      expect(Buffer.compare(stitched, ref.data), `seam at ${t.y} CSS px`).toBe(0);
      inkAtSeams += inkIn(ref.data);
    }
    // The seams run through drawn content (so the comparison above could have caught a shifted or missing row).
    expect(inkAtSeams).toBeGreaterThan(1000);
  });
});
