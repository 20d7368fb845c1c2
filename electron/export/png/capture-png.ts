/**
 * The whole print view as one PNG at a scale (1–4): plan tiles, capture each through a `TileCapturer`, stitch.
 * Capturers are thin: Electron's (capturePage on a hidden window, electron/print-window.ts) and Chromium's through
 * playwright-core (electron/export/print.ts) only scroll, capture a viewport rectangle and hand back its PNG.
 */
import { DEFAULT_CAPTURE_LIMITS, planCapture, type CaptureLimits, type CapturePlan, type Tile } from './capture-plan';
import { stitchPng, tileSize } from './stitch-png';

export interface TileCapturer {
  /** The page's full size, CSS px (document scroll width and height). */
  pageSize(): Promise<{ width: number; height: number }>;
  /** Sizes the viewport (CSS px) and sets the scale: captures are then `scale` device pixels per CSS pixel. */
  prepare(plan: CapturePlan): Promise<void>;
  /**
   * Scrolls to `tile.scrollY`, waits until that is painted, and captures the viewport rectangle from `tile.viewportY`,
   * `tile.height` tall, as a PNG exactly `size` device pixels (resizing only if the platform rounded).
   */
  capture(tile: Tile, size: { width: number; height: number }): Promise<Buffer>;
}

export async function capturePng(capturer: TileCapturer, scale: number, limits: CaptureLimits = DEFAULT_CAPTURE_LIMITS): Promise<{ png: Buffer; plan: CapturePlan }> {
  const plan = planCapture(await capturer.pageSize(), scale, limits);
  await capturer.prepare(plan);
  const tiles: Buffer[] = [];
  for (let i = 0; i < plan.tiles.length; i++) tiles.push(await capturer.capture(plan.tiles[i]!, tileSize(plan, i)));
  return { png: stitchPng(plan, tiles), plan };
}

/** Page script: scrolls to y and resolves after two frames, when what scrolled into view has been painted. */
export const SCROLL_AND_SETTLE = (y: number): string =>
  `new Promise((resolve) => { window.scrollTo(0, ${Number(y)}); requestAnimationFrame(() => requestAnimationFrame(() => resolve(window.scrollY))); })`;

/** Page script: the document's full size in CSS px. */
export const PAGE_SIZE_SCRIPT = '({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight })';
