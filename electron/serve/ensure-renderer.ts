/**
 * `cli serve` and the CLI exporters must work right after `npm ci`: build the renderer with Vite when the bundle is
 * missing (either page) or older than its sources. The build goes to a fresh folder that replaces the old one by
 * rename, so a server running at the same moment never serves a half-written bundle.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, name.name);
    newest = Math.max(newest, name.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

const PAGES = ['index.html', 'print.html'];

export function rendererIsStale(root: string): boolean {
  const out = path.join(root, 'dist', 'renderer');
  const built = PAGES.map((p) => path.join(out, p));
  if (built.some((p) => !existsSync(p))) return true;
  const builtAt = Math.min(...built.map((p) => statSync(p).mtimeMs));
  const src = path.join(root, 'renderer');
  return (existsSync(src) && newestMtime(src) > builtAt) || newestMtime(path.join(root, 'shared')) > builtAt;
}

export async function ensureRendererBuilt(root: string, log: (s: string) => void): Promise<string> {
  const out = path.join(root, 'dist', 'renderer');
  if (!rendererIsStale(root)) return out;
  if (!existsSync(path.join(root, 'renderer'))) throw new Error(`the renderer bundle in ${out} is missing`);
  log('building the renderer…');
  const staging = `${out}.build-${process.pid}`;
  // The JSX transform follows NODE_ENV; a CLI started from a test runner (NODE_ENV=test) must still build the
  // production bundle, or React's production runtime meets development JSX ("jsxDEV is not a function").
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    const { build } = await import('vite');
    await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn', mode: 'production', build: { outDir: staging, emptyOutDir: true } });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
  const old = `${out}.old-${process.pid}`;
  await rename(out, old).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'ENOENT') throw e;
  });
  await rename(staging, out);
  await rm(old, { recursive: true, force: true });
  return out;
}
