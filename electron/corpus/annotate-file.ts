/**
 * One file's bytes → a stored document, or a per-file problem. Runs in an annotation worker (annotate-worker.ts), so
 * extraction and annotation share the worker's time bound; also callable in-process.
 */
import type { Catalog } from '../../shared/catalog';
import type { FileProblem } from '../../shared/model';
import { annotateDocument } from '../annotate/annotate-document';
import { defaultEntityMatcher, matcherFor } from '../annotate/entities/index';
import type { PreparedDocument } from '../store/prepare-document';
import type { StoredDocument } from '../store/schema';
import type { FileMeta } from './manifest';
import { extractDocument } from './read-document';

export interface FileTask {
  id: string;
  /** Relative path in the corpus, forward slashes. */
  rel: string;
  bytes: Uint8Array;
  hash: string;
  cacheKey: string;
  manifest?: FileMeta;
  /** A publication date the user set for this file. */
  user?: string;
  /** The entity catalog with the researcher's edits, and its key; absent: the bundled catalog. */
  catalog?: { key: string; catalog: Catalog };
  /** The store's document folder: a worker writes the document file there itself (annotate-worker.ts). */
  docsDir?: string;
}

/** `prepared`: the document serialised for the store where it was annotated (annotate-worker.ts). */
export type FileOutcome = { doc: StoredDocument } | { prepared: PreparedDocument } | { problem: FileProblem };

export async function annotateFile(task: FileTask): Promise<FileOutcome> {
  const read = await extractDocument(task.rel, task.bytes, task.hash, task.manifest?.language ? { lang: task.manifest.language } : {});
  if ('code' in read) return { problem: read };
  const annotated = annotateDocument({
    id: task.id,
    file: task.rel,
    text: read.text,
    hash: task.hash,
    ...(task.manifest ? { manifest: task.manifest } : {}),
    ...(read.frontMatter ? { frontMatter: read.frontMatter } : {}),
    ...(read.pageDate ? { pageDate: read.pageDate } : {}),
    ...(task.user ? { user: task.user } : {}),
  }, task.catalog ? matcherFor(task.catalog.catalog, task.catalog.key) : defaultEntityMatcher());
  return {
    doc: {
      ...annotated,
      document: { ...annotated.document, encoding: read.encoding, ...(read.notes ? { problems: [...(annotated.document.problems ?? []), ...read.notes] } : {}) },
      cacheKey: task.cacheKey,
      ...(task.catalog ? { catalog: task.catalog.key } : {}),
      inputs: { ...(task.manifest ? { manifest: task.manifest } : {}), ...(read.frontMatter ? { frontMatter: read.frontMatter } : {}), ...(read.pageDate ? { pageDate: read.pageDate } : {}) },
    },
  };
}
