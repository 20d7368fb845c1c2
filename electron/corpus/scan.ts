/**
 * Walks a corpus folder. We walk ourselves with lstat and a set of visited real paths because
 * fs.readdir({recursive:true}) follows symlinked folders into loops (pitfalls.md). The calls are synchronous (an
 * lstat costs ~5 µs of CPU that way, ~50 µs through fs.promises: a tenth of an unchanged re-run of 10,000 files);
 * the event loop gets a turn every 256 entries.
 */
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FileProblem } from '../../shared/model';
import { formatOf } from './read-document';

export interface ScannedFile {
  /** Absolute path. */
  abs: string;
  /** Relative to the corpus root, forward slashes. */
  rel: string;
  size: number;
}

export interface ScanResult {
  files: ScannedFile[];
  problems: FileProblem[];
}

const toRel = (root: string, abs: string): string => path.relative(root, abs).split(path.sep).join('/');

export function isSupported(file: string): boolean {
  return formatOf(file) !== null;
}

function statProblem(rel: string, e: NodeJS.ErrnoException): FileProblem {
  if (e.code === 'ELOOP') return { file: rel, code: 'loop', message: 'symbolic link loop; skipped' };
  if (e.code === 'ENOENT') return { file: rel, code: 'vanished', message: 'removed during the scan, or a broken symbolic link' };
  return { file: rel, code: 'unreadable', message: `cannot stat (${e.code ?? 'error'}): ${e.message}` };
}

/** Lists supported files under `root` (sorted by relative path); everything else is reported, never silently dropped. */
export async function scanCorpus(root: string): Promise<ScanResult> {
  const files: ScannedFile[] = [];
  const problems: FileProblem[] = [];
  const visited = new Set<string>();

  async function walk(dir: string): Promise<void> {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch (e) {
      problems.push({ file: toRel(root, dir), code: 'vanished', message: `folder disappeared during the scan: ${String(e)}` });
      return;
    }
    if (visited.has(real)) {
      problems.push({ file: toRel(root, dir), code: 'loop', message: 'folder already scanned (symbolic link loop); skipped' });
      return;
    }
    visited.add(real);
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch (e) {
      problems.push({ file: toRel(root, dir) || '.', code: 'unreadable', message: `cannot list folder: ${(e as Error).message}` });
      return;
    }
    for (const [i, name] of names.entries()) {
      if (i % 256 === 255) await new Promise((resolve) => setImmediate(resolve));
      if (name.startsWith('.')) continue;
      const abs = path.join(dir, name);
      const rel = toRel(root, abs);
      let st;
      try {
        st = lstatSync(abs);
        if (st.isSymbolicLink()) st = statSync(abs);
      } catch (e) {
        problems.push(statProblem(rel, e as NodeJS.ErrnoException));
        continue;
      }
      if (st.isDirectory()) await walk(abs);
      else if (!st.isFile()) continue;
      else if (name.toLowerCase() === 'manifest.csv') continue;
      else if (!isSupported(name)) problems.push({ file: rel, code: 'unsupported', message: `unsupported file type ${path.extname(name) || '(none)'}; skipped` });
      else files.push({ abs, rel, size: st.size });
    }
  }

  await walk(root);
  return { files, problems };
}
