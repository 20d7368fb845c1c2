/**
 * Corpus folder → annotated documents in the store.
 *
 * The main thread scans, reads each file's bytes and hashes them; a file whose content hash, manifest entry, user
 * date and pipeline version are unchanged reuses what the store holds without leaving the main thread. Everything else
 * goes to a pool of worker threads (extraction + annotation under a time bound; a document that throws or runs too
 * long becomes a per-file problem). Results land in file order whatever order workers finish in, and an unchanged
 * corpus does not rewrite the store at all.
 */
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AnnotateProgress, AnnotateSummary } from '../../shared/ipc/contract';
import type { FileProblem } from '../../shared/model';
import { defaultCatalogKey } from '../annotate/entities/index';
import { keptPool, TaskTimeoutError, workerEntry, WorkerStartError, type WorkerEntry } from '../annotate/worker-pool';
import type { Repository } from '../store/repository';
import type { DocEntry } from '../store/schema';
import { forEachLimited } from '../store/document-files';
import { annotateFile, type FileOutcome, type FileTask } from './annotate-file';
import { parseManifest, type Manifest } from './manifest';
import { DEFAULT_MAX_BYTES, readFileBytes, sha256 } from './read-document';
import { scanCorpus } from './scan';

/** Bump when annotation output changes, so cached documents are annotated again. */
export const PIPELINE_VERSION = 6;

/**
 * Documents that justify one more annotation worker: starting one costs ~0.5 s of CPU (loading the annotator),
 * what ~200 news articles take to annotate, so re-annotating a few changed files keeps to a single worker.
 */
export const TASKS_PER_WORKER = 200;

/** Annotation workers idle this long are stopped; a run within it finds them started and warmed up. */
export const KEEP_WORKERS_MS = 60_000;

/** Per document (extraction + annotation). A 20 MB PDF takes a few seconds; a runaway regex never ends. */
export const DEFAULT_TIMEOUT_MS = 60_000;

export interface AnnotateCorpusOptions {
  manifestFile?: string;
  maxBytes?: number;
  /** Worker threads; default: the number of cores. 0 annotates in this thread (no time bound). */
  jobs?: number;
  timeoutMs?: number;
  /** The worker to run (default: annotate-worker); tests substitute one that fails on purpose. */
  workerEntry?: WorkerEntry;
  onProgress?: (p: AnnotateProgress) => void;
  signal?: AbortSignal;
}

export class CorpusInputError extends Error {}

/** The run was stopped through its AbortSignal; the store is left as it was before the run. */
export class AnnotationCancelledError extends Error {
  constructor() {
    super('annotation cancelled; the store is unchanged');
  }
}

async function loadManifest(corpusDir: string, explicit: string | undefined): Promise<Manifest> {
  const file = explicit ?? path.join(corpusDir, 'manifest.csv');
  let csv: string;
  try {
    csv = await readFile(file, 'utf8');
  } catch (e) {
    if (!explicit && (e as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw new CorpusInputError(`cannot read manifest ${file}: ${(e as Error).message}`);
  }
  return parseManifest(csv, path.basename(file));
}

export const documentId = (rel: string): string => `d${sha256(rel).slice(0, 12)}`;

/** What a stored document's validity depends on, apart from the user's date (checked separately). */
export const cacheKeyOf = (hash: string, meta: unknown): string => sha256(`${PIPELINE_VERSION}\n${hash}\n${JSON.stringify(meta ?? null)}`);

const userValueOf = (d: DocEntry): string | undefined => (d.published.source === 'user' ? (d.published.value ?? undefined) : undefined);

export const defaultJobs = (): number => Math.max(1, os.availableParallelism?.() ?? os.cpus().length);


/** Problems that may be passing: the file's earlier annotations stay (a removed or changed file's do not). */
const KEEP_ON = new Set<FileProblem['code']>(['unreadable', 'timeout', 'internal']);

const byFile = (a: FileProblem, b: FileProblem): number => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

export async function annotateCorpus(corpusDir: string, repo: Repository, opts: AnnotateCorpusOptions = {}): Promise<AnnotateSummary> {
  const t0 = performance.now();
  // Wall-clock start: files this run wrote are newer (see Repository.abandonRun).
  const runStart = Date.now();
  const root = path.resolve(corpusDir);
  const progress = opts.onProgress ?? (() => {});
  const jobs = opts.jobs ?? defaultJobs();
  progress({ phase: 'scan', done: 0, total: 0, file: null });
  const manifest = await loadManifest(root, opts.manifestFile);
  const { files, problems } = await scanCorpus(root);
  if (opts.signal?.aborted) throw new AnnotationCancelledError();
  const sameCorpus = repo.corpusDir === root;
  const cached = sameCorpus ? repo.entriesByFile() : new Map<string, DocEntry>();
  const userDates = repo.userDates();
  // Workers write the document files of a writable store themselves (and flush them).
  const docsDir = repo.documentsDir;
  // The researcher's entity catalog: documents matched with another one are annotated again.
  const catalogKey = repo.catalogKey();
  const catalog = catalogKey === defaultCatalogKey() ? undefined : { key: catalogKey, catalog: repo.catalog() };
  const results: Array<DocEntry | null> = new Array(files.length).fill(null);
  /** Documents annotated (and written) by this run, by id. */
  const changed = new Set<string>();
  const fileProblems: Array<FileProblem | null> = new Array(files.length).fill(null);
  let reused = 0;
  let done = 0;

  // The workers of an earlier run in this process (the app re-scanning, a watcher) are reused, warmed up.
  const pool = jobs > 0 ? keptPool<FileTask, FileOutcome>({ size: jobs, tasksPerWorker: TASKS_PER_WORKER, idleMs: KEEP_WORKERS_MS, timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, entry: opts.workerEntry ?? workerEntry(import.meta.url, '../annotate/annotate-worker') }) : null;
  let failed = true;
  // Files the store has never seen will be annotated: the pool starts the workers they justify at once. Changed
  // files show up as they are hashed, and the pool grows with them.
  pool?.expect(files.reduce((n, f) => n + (cached.has(f.rel) ? 0 : 1), 0));
  // Cancelling closes the pool at once: running tasks end with their worker instead of finishing their file.
  const onAbort = (): void => void pool?.close();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  const finish = (i: number): void => {
    done++;
    progress({ phase: 'annotate', done, total: files.length, file: files[i]!.rel });
  };

  try {
    await forEachLimited(files, Math.max(8, jobs * 4), async (f, i) => {
      if (opts.signal?.aborted) throw new AnnotationCancelledError();
      const read = await readFileBytes(f, opts.maxBytes ?? DEFAULT_MAX_BYTES);
      if ('code' in read) {
        const kept = cached.get(f.rel);
        if (kept && KEEP_ON.has(read.code)) {
          fileProblems[i] = { ...read, message: `${read.message}; its earlier annotations are kept` };
          results[i] = kept;
          reused++;
        } else fileProblems[i] = read;
        return finish(i);
      }
      const meta = manifest.get(f.rel);
      const cacheKey = cacheKeyOf(read.hash, meta);
      const user = userDates[f.rel]?.value;
      const hit = cached.get(f.rel);
      if (hit && hit.cacheKey === cacheKey && userValueOf(hit) === user && (hit.catalog ?? defaultCatalogKey()) === catalogKey) {
        results[i] = hit;
        reused++;
        return finish(i);
      }
      const task: FileTask = { id: documentId(f.rel), rel: f.rel, bytes: read.bytes, hash: read.hash, cacheKey, ...(meta ? { manifest: meta } : {}), ...(user ? { user } : {}), ...(catalog ? { catalog } : {}) };
      let outcome: FileOutcome;
      try {
        if (pool) {
          // Hand the worker its own copy of the bytes' memory (a Buffer may share a larger pool).
          const own = read.bytes.byteOffset === 0 && read.bytes.byteLength === read.bytes.buffer.byteLength ? read.bytes : read.bytes.slice();
          outcome = await pool.run({ ...task, bytes: own, ...(docsDir ? { docsDir } : {}) }, [own.buffer as ArrayBuffer]);
        } else outcome = await annotateFile(task);
      } catch (e) {
        if (opts.signal?.aborted) throw new AnnotationCancelledError();
        // No worker can start: the run fails as a whole rather than report every file and replace the store.
        if (e instanceof WorkerStartError) throw e;
        const message = e instanceof TaskTimeoutError ? `annotation ${e.message}; skipped` : `annotation failed: ${(e as Error).message}`;
        outcome = { problem: { file: f.rel, code: e instanceof TaskTimeoutError ? 'timeout' : 'internal', message } };
      }
      if (opts.signal?.aborted) {
        // A file the worker has already written joins the run, so abandoning the run deletes it.
        if ('prepared' in outcome && outcome.prepared.written) await repo.stageDocument(outcome.prepared);
        throw new AnnotationCancelledError();
      }
      if (!('problem' in outcome)) {
        const entry = await repo.stageDocument('prepared' in outcome ? outcome.prepared : outcome.doc);
        results[i] = entry;
        changed.add(entry.id);
      } else if (hit && KEEP_ON.has(outcome.problem.code)) {
        // A failure that may pass (permissions, a time limit, a bug): keep what the store held for this file.
        fileProblems[i] = { ...outcome.problem, message: `${outcome.problem.message}; its earlier annotations are kept` };
        results[i] = hit;
        reused++;
      } else fileProblems[i] = outcome.problem;
      finish(i);
    });
    failed = false;
  } catch (e) {
    await repo.abandonRun(runStart);
    throw e;
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
    // A failed run's tasks may still be running: they stop with their workers. Otherwise one worker is kept (the
    // others' memory is given back before linking, the run's peak).
    if (failed) await pool?.close();
    else pool?.shrink(1);
  }
  // A cancel that came while the last files finished still counts; past this check the run commits as a whole.
  if (opts.signal?.aborted) {
    await repo.abandonRun(runStart);
    throw new AnnotationCancelledError();
  }

  const documents = results.filter((d): d is DocEntry => d !== null);
  problems.push(...fileProblems.filter((p): p is FileProblem => p !== null));
  const scanned = new Set(files.map((f) => f.rel));
  for (const key of manifest.keys()) {
    if (!scanned.has(key)) problems.push({ file: key, code: 'vanished', message: 'listed in the manifest but not found in the corpus folder' });
  }
  problems.sort(byFile);

  // Nothing changed (every document reused, none removed, same problems): leave the store file alone.
  const unchanged = sameCorpus && reused === documents.length && documents.length === cached.size && !repo.hasStaleLinks && JSON.stringify(problems) === JSON.stringify(repo.problems);
  if (!unchanged) {
    progress({ phase: 'write', done: files.length, total: files.length, file: null });
    // Same-event links across documents (and years lent by dated twins), again where the changes can matter; then
    // the index.
    await repo.commitCorpus(root, documents, problems, changed);
  } else await repo.abandonRun();
  progress({ phase: 'done', done: files.length, total: files.length, file: null });
  return {
    documents: documents.length,
    annotated: documents.length - reused,
    reused,
    events: documents.reduce((n, d) => n + d.events, 0),
    timexes: documents.reduce((n, d) => n + d.timexes, 0),
    problems,
    ms: Math.round(performance.now() - t0),
  };
}
