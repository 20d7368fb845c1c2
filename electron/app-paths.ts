/** Where things live, for the CLI (the desktop shell uses Electron's own app.getPath('userData')). */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PRODUCT_NAME = 'Chronolens';

/** The same folder Electron's userData resolves to, so `cli serve` and the app share a store by default. */
export function defaultUserDataDir(): string {
  if (process.env.CHRONOLENS_HOME) return path.resolve(process.env.CHRONOLENS_HOME);
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), PRODUCT_NAME);
}

/** The repository (or unpacked app) root: the nearest folder above this module holding package.json. */
export function appRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('cannot find the Chronolens app folder');
    dir = up;
  }
  return dir;
}

export const bundledCorpusDir = (root = appRoot()): string => path.join(root, 'assets', 'corpus');
export const rendererDistDir = (root = appRoot()): string => path.join(root, 'dist', 'renderer');
