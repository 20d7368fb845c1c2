/**
 * `cli serve` must work right after `npm ci`: build the renderer with Vite when the bundle is missing or older
 * than its sources.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, name.name);
    newest = Math.max(newest, name.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

export async function ensureRendererBuilt(root: string, log: (s: string) => void): Promise<string> {
  const out = path.join(root, 'dist', 'renderer');
  const index = path.join(out, 'index.html');
  const src = path.join(root, 'renderer');
  const stale = !existsSync(index) || (existsSync(src) && newestMtime(src) > statSync(index).mtimeMs) || newestMtime(path.join(root, 'shared')) > statSync(index).mtimeMs;
  if (stale) {
    if (!existsSync(src)) throw new Error(`the renderer bundle ${index} is missing`);
    log('building the renderer (first run)…');
    const { build } = await import('vite');
    await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
  }
  return out;
}
