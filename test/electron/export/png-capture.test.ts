import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { devicePx, planCapture, PngTooLargeError, type Tile } from '../../../electron/export/png/capture-plan';
import { capturePng, type TileCapturer } from '../../../electron/export/png/capture-png';
import { TileSizeError } from '../../../electron/export/png/stitch-png';

/** A page drawn as pixels: every device row has its own colour, so a misplaced, lost or doubled row shows. */
function pageImage(width: number, height: number): PNG {
  const img = new PNG({ width, height });
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      img.data[i] = y & 255;
      img.data[i + 1] = (y >> 8) & 255;
      img.data[i + 2] = x & 255;
      img.data[i + 3] = 255;
    }
  return img;
}

/** A capturer that "scrolls" a page image and cuts viewport rectangles from it, as a browser would. */
function fakeCapturer(css: { width: number; height: number }, scale: number, calls: Tile[] = []): TileCapturer {
  const page = pageImage(devicePx(css.width, scale), devicePx(css.height, scale));
  let viewportHeight = 0;
  return {
    pageSize: async () => css,
    prepare: async (plan) => {
      viewportHeight = plan.viewport.height;
    },
    capture: async (tile, size) => {
      calls.push(tile);
      expect(tile.scrollY + viewportHeight).toBeLessThanOrEqual(css.height);
      expect(tile.viewportY + tile.height).toBeLessThanOrEqual(viewportHeight);
      const top = devicePx(tile.scrollY + tile.viewportY, scale);
      const out = new PNG({ width: size.width, height: size.height });
      page.data.copy(out.data, 0, top * page.width * 4, (top + size.height) * page.width * 4);
      return PNG.sync.write(out);
    },
  };
}

describe('PNG capture plan', () => {
  it('covers the page with tiles no taller than the limit, without gap or overlap, the last one scrolled to the end', () => {
    const plan = planCapture({ width: 1123, height: 10_001 }, 2, { maxTilePx: 4096, maxPixels: 1e9 });
    expect(plan.image).toEqual({ width: 2246, height: 20_002 });
    expect(plan.viewport).toEqual({ width: 1123, height: 2048 });
    let y = 0;
    for (const t of plan.tiles) {
      expect(t.y).toBe(y);
      expect(t.height * 2).toBeLessThanOrEqual(4096);
      y += t.height;
    }
    expect(y).toBe(10_001);
    const last = plan.tiles.at(-1)!;
    expect(last.scrollY).toBe(10_001 - 2048);
    expect(last.viewportY + last.height).toBe(2048);
  });

  it('keeps tile edges on whole device pixels at a fractional scale', () => {
    const plan = planCapture({ width: 800, height: 3001 }, 1.5, { maxTilePx: 1001, maxPixels: 1e9 });
    for (const t of plan.tiles.slice(0, -1)) expect(Number.isInteger(t.height * 1.5)).toBe(true);
  });

  it('refuses an image too large to hold, saying how large and what to do instead', () => {
    expect(() => planCapture({ width: 1123, height: 279_000 }, 4)).toThrow(PngTooLargeError);
    expect(() => planCapture({ width: 1123, height: 279_000 }, 4)).toThrow(/4492 × 1116000 px .* Export a PDF, a lower scale/);
  });
});

describe('capturePng', () => {
  it('stitches the tiles into exactly the page, row for row, at scales 1 to 4', async () => {
    for (const scale of [1, 1.5, 2, 4]) {
      const css = { width: 300, height: 1234 };
      const calls: Tile[] = [];
      const { png, plan } = await capturePng(fakeCapturer(css, scale, calls), scale, { maxTilePx: 1000, maxPixels: 1e8 });
      expect(calls.length).toBeGreaterThan(1);
      const got = PNG.sync.read(png);
      const want = pageImage(devicePx(css.width, scale), devicePx(css.height, scale));
      expect([got.width, got.height]).toEqual([want.width, want.height]);
      expect(got.width).toBe(plan.image.width);
      expect(Buffer.compare(got.data, want.data), `scale ${scale}`).toBe(0);
    }
  });

  it('fails clearly when a capture comes back at another size', async () => {
    const capturer = fakeCapturer({ width: 300, height: 900 }, 2);
    const broken: TileCapturer = { ...capturer, capture: async (tile, size) => capturer.capture(tile, { ...size, height: size.height - 1 }) };
    await expect(capturePng(broken, 2, { maxTilePx: 1000, maxPixels: 1e8 })).rejects.toThrow(TileSizeError);
  });
});
