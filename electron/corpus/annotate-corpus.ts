/**
 * Corpus folder → annotated documents in the store. Unchanged files (same bytes, same metadata, same pipeline
 * version) reuse what the store holds; per-file problems are collected, never fatal.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AnnotateProgress, AnnotateSummary } from '../../shared/ipc/contract';
import { annotateDocument, type AnnotatedDocument } from '../annotate/annotate-document';
import type { Repository } from '../store/repository';
import { parseManifest, type Manifest } from './manifest';
import { readDocument, sha256 } from './read-document';
import { scanCorpus } from './scan';

/** Bump when annotation output changes, so cached documents are annotated again. */
export const PIPELINE_VERSION = 1;

export interface AnnotateCorpusOptions {
  manifestFile?: string;
  maxBytes?: number;
  onProgress?: (p: AnnotateProgress) => void;
  signal?: AbortSignal;
}

export class CorpusInputError extends Error {}

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

export async function annotateCorpus(corpusDir: string, repo: Repository, opts: AnnotateCorpusOptions = {}): Promise<AnnotateSummary> {
  const t0 = performance.now();
  const root = path.resolve(corpusDir);
  const progress = opts.onProgress ?? (() => {});
  progress({ phase: 'scan', done: 0, total: 0, file: null });
  const manifest = await loadManifest(root, opts.manifestFile);
  const { files, problems } = await scanCorpus(root);
  const cached = repo.corpusDir === root ? repo.annotatedByFile() : new Map<string, AnnotatedDocument>();
  const documents: AnnotatedDocument[] = [];
  let reused = 0;

  for (const [i, f] of files.entries()) {
    if (opts.signal?.aborted) throw new Error('annotation cancelled');
    progress({ phase: 'annotate', done: i, total: files.length, file: f.rel });
    const read = await readDocument(f, opts.maxBytes);
    if ('code' in read) {
      problems.push(read);
      continue;
    }
    const meta = manifest.get(f.rel);
    const cacheKey = sha256(`${PIPELINE_VERSION}\n${read.hash}\n${JSON.stringify(meta ?? null)}\n${JSON.stringify(read.frontMatter ?? null)}`);
    const hit = cached.get(f.rel);
    if (hit && hit.cacheKey === cacheKey) {
      documents.push(hit);
      reused++;
      continue;
    }
    try {
      const annotated = annotateDocument({ id: documentId(f.rel), file: f.rel, text: read.text, hash: read.hash, ...(meta ? { manifest: meta } : {}), ...(read.frontMatter ? { frontMatter: read.frontMatter } : {}) });
      documents.push({ ...annotated, cacheKey });
    } catch (e) {
      problems.push({ file: f.rel, code: 'internal', message: `annotation failed: ${(e as Error).message}` });
    }
  }
  for (const key of manifest.keys()) {
    if (!files.some((f) => f.rel === key)) problems.push({ file: key, code: 'vanished', message: 'listed in the manifest but not found in the corpus folder' });
  }

  progress({ phase: 'write', done: files.length, total: files.length, file: null });
  await repo.replaceCorpus(root, documents, problems);
  progress({ phase: 'done', done: files.length, total: files.length, file: null });
  return {
    documents: documents.length,
    annotated: documents.length - reused,
    reused,
    events: documents.reduce((n, d) => n + d.events.length, 0),
    timexes: documents.reduce((n, d) => n + d.timexes.length, 0),
    problems,
    ms: Math.round(performance.now() - t0),
  };
}
