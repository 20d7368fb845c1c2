/**
 * How to capture a page taller than one capture can hold: the page is scrolled and captured in tiles the height of
 * the viewport, then stitched (stitch-png.ts). Pure arithmetic in CSS pixels, shared by the desktop app (Electron's
 * capturePage on a hidden window) and the command line (Chromium through playwright-core).
 */
export interface CaptureLimits {
  /** Tallest tile, in device pixels (GPU textures and capture buffers are limited; 4096 is safe everywhere). */
  maxTilePx: number;
  /** Largest image, in pixels (width × height after scaling): the stitched RGBA buffer is 4 bytes per pixel. */
  maxPixels: number;
}

export const DEFAULT_CAPTURE_LIMITS: CaptureLimits = { maxTilePx: 4096, maxPixels: 120_000_000 };

export interface Tile {
  /** Where the tile starts in the page, CSS px. */
  y: number;
  /** Its height, CSS px. */
  height: number;
  /** Where to scroll the page so the tile is in view (the last tile scrolls as far as the page allows). */
  scrollY: number;
  /** The tile's top inside the viewport after that scroll, CSS px. */
  viewportY: number;
}

export interface CapturePlan {
  /** Viewport (window content) size to capture with, CSS px. */
  viewport: { width: number; height: number };
  /** The stitched image, device px. */
  image: { width: number; height: number };
  scale: number;
  tiles: Tile[];
}

export class PngTooLargeError extends Error {}

/** Device pixels of a CSS length at a scale: what Chromium produces for a capture of that length. */
export const devicePx = (css: number, scale: number): number => Math.round(css * scale);

/**
 * Tiles covering a page of `width` × `height` CSS px at `scale` (1–4). Tile heights are whole CSS pixels whose device
 * height is a whole number too, so tiles join without a gap or an overlap.
 */
export function planCapture(page: { width: number; height: number }, scale: number, limits: CaptureLimits = DEFAULT_CAPTURE_LIMITS): CapturePlan {
  const width = Math.ceil(page.width);
  const height = Math.max(1, Math.ceil(page.height));
  if (!(scale > 0) || !Number.isFinite(scale)) throw new RangeError(`scale must be a positive number, got ${scale}`);
  const image = { width: devicePx(width, scale), height: devicePx(height, scale) };
  if (image.width * image.height > limits.maxPixels) {
    const mp = (n: number): string => `${Math.round(n / 1e6)} megapixels`;
    throw new PngTooLargeError(
      `the image would be ${image.width} × ${image.height} px (${mp(image.width * image.height)}), more than the ${mp(limits.maxPixels)} a PNG export may have. Export a PDF, a lower scale, or a shorter range (--from/--to) or fewer events (filters).`,
    );
  }
  // A tile height whose scaled size is a whole number of device pixels (scale 1.5: even CSS heights).
  let step = Math.max(1, Math.floor(limits.maxTilePx / scale));
  while (step > 1 && Math.abs(step * scale - Math.round(step * scale)) > 1e-9) step--;
  const viewportHeight = Math.min(step, height);
  const tiles: Tile[] = [];
  for (let y = 0; y < height; y += step) {
    const h = Math.min(step, height - y);
    const scrollY = Math.min(y, height - viewportHeight);
    tiles.push({ y, height: h, scrollY, viewportY: y - scrollY });
  }
  return { viewport: { width, height: viewportHeight }, image, scale, tiles };
}
