/**
 * Watches the open corpus folder so the app can offer to re-scan. fs.watch reports each write several times and
 * saving one file may touch several; changes are collected and reported once things have been quiet for a moment.
 * Only what annotation reads counts: supported files, the manifest, and folders (a moved folder moves its files).
 */
import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { isSupported } from './scan';

export interface WatchOptions {
  /** Quiet time before reporting. */
  debounceMs?: number;
}

function relevant(name: string | null): boolean {
  if (name === null) return true; // the platform did not say which file: assume it matters
  const base = path.basename(name);
  if (base.startsWith('.')) return false; // editors' swap files, our own temp files
  return isSupported(base) || base.toLowerCase() === 'manifest.csv' || path.extname(base) === '';
}

/** Calls `onChange(number of changed paths)` after changes settle; returns the function that stops watching. */
export function watchCorpus(dir: string, onChange: (files: number) => void, opts: WatchOptions = {}): () => void {
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | null = null;
  let watcher: FSWatcher | null = null;
  const stop = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    watcher?.close();
    watcher = null;
  };
  try {
    watcher = watch(dir, { recursive: true, persistent: false }, (_event, name) => {
      const file = typeof name === 'string' ? name : null;
      if (!relevant(file)) return;
      changed.add(file ?? '?');
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        const files = changed.size;
        changed.clear();
        onChange(files);
      }, opts.debounceMs ?? 500);
      timer.unref();
    });
    // The folder was removed or became unreadable: stop quietly; the next annotation reports it.
    watcher.on('error', stop);
  } catch {
    stop();
  }
  return stop;
}
