/** The store file's shape. Machine annotations per document; user state will live beside them, apart. */
import type { FileProblem } from '../../shared/model';
import type { AnnotatedDocument } from '../annotate/annotate-document';

export const STORE_FORMAT = 'chronolens.store';
export const STORE_VERSION = 1;

export interface StoreData {
  format: typeof STORE_FORMAT;
  version: number;
  corpusDir: string | null;
  updatedAt: string | null;
  documents: AnnotatedDocument[];
  problems: FileProblem[];
}

export function emptyStore(): StoreData {
  return { format: STORE_FORMAT, version: STORE_VERSION, corpusDir: null, updatedAt: null, documents: [], problems: [] };
}

/** Why `data` can't be opened as a store, or null when it can. */
export function validateStore(data: unknown): string | null {
  const d = data as Partial<StoreData>;
  if (d.format !== STORE_FORMAT) return 'not a Chronolens store (format field missing or different)';
  if (typeof d.version !== 'number') return 'the store has no version';
  if (d.version > STORE_VERSION) return `the store was written by a newer Chronolens (version ${d.version}, this one reads up to ${STORE_VERSION})`;
  if (!Array.isArray(d.documents) || !Array.isArray(d.problems)) return 'the store is missing its documents or problems list';
  return null;
}
