/** Joins captured tiles (PNG, top to bottom) into one PNG, with pngjs. */
import { PNG } from 'pngjs';
import { devicePx, type CapturePlan } from './capture-plan';

export class TileSizeError extends Error {}

/** The size, device px, a capture of `plan.tiles[i]` must have. */
export function tileSize(plan: CapturePlan, i: number): { width: number; height: number } {
  const t = plan.tiles[i]!;
  return { width: plan.image.width, height: devicePx(t.y + t.height, plan.scale) - devicePx(t.y, plan.scale) };
}

export function stitchPng(plan: CapturePlan, tiles: readonly Buffer[]): Buffer {
  if (tiles.length !== plan.tiles.length) throw new TileSizeError(`expected ${plan.tiles.length} tiles, got ${tiles.length}`);
  const out = new PNG({ width: plan.image.width, height: plan.image.height });
  const rowBytes = plan.image.width * 4;
  tiles.forEach((buf, i) => {
    const img = PNG.sync.read(buf);
    const want = tileSize(plan, i);
    if (img.width !== want.width || img.height !== want.height) throw new TileSizeError(`tile ${i + 1} is ${img.width} × ${img.height} px, expected ${want.width} × ${want.height}`);
    img.data.copy(out.data, devicePx(plan.tiles[i]!.y, plan.scale) * rowBytes);
  });
  return PNG.sync.write(out);
}
