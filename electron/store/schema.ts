/**
 * The store file's shape. Machine annotations per document; the publication dates a user set live beside them,
 * apart, keyed by the file's relative path, so re-annotation (or a file's removal) never loses them.
 */
import type { FileProblem } from '../../shared/model';
import type { AnnotatedDocument } from '../annotate/annotate-document';
import type { FileMeta } from '../corpus/manifest';

export const STORE_FORMAT = 'chronolens.store';
/** 2: `userDates` added (version 1 stores are migrated on open by adding an empty map). */
export const STORE_VERSION = 2;

/** A publication date the user set for one file. */
export interface UserDate {
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  value: string;
  setAt: string;
}

export interface StoredDocument extends AnnotatedDocument {
  /** What annotation read besides the text, so one document can be annotated again from the store alone. */
  inputs?: { manifest?: FileMeta; frontMatter?: FileMeta };
}

export interface StoreData {
  format: typeof STORE_FORMAT;
  version: number;
  corpusDir: string | null;
  updatedAt: string | null;
  documents: StoredDocument[];
  problems: FileProblem[];
  /** Relative file path → the date the user set. Kept when the file is re-annotated, changed or removed. */
  userDates: Record<string, UserDate>;
}

export function emptyStore(): StoreData {
  return { format: STORE_FORMAT, version: STORE_VERSION, corpusDir: null, updatedAt: null, documents: [], problems: [], userDates: {} };
}

/** Why `data` can't be opened as a store, or null when it can. */
export function validateStore(data: unknown): string | null {
  const d = data as Partial<StoreData>;
  if (d.format !== STORE_FORMAT) return 'not a Chronolens store (format field missing or different)';
  if (typeof d.version !== 'number') return 'the store has no version';
  if (d.version > STORE_VERSION) return `the store was written by a newer Chronolens (version ${d.version}, this one reads up to ${STORE_VERSION})`;
  if (!Array.isArray(d.documents) || !Array.isArray(d.problems)) return 'the store is missing its documents or problems list';
  if (d.version >= 2 && (typeof d.userDates !== 'object' || d.userDates === null || Array.isArray(d.userDates))) return 'the store is missing its user dates';
  return null;
}

/** Brings an older store up to STORE_VERSION in place; returns whether anything changed. */
export function migrateStore(data: StoreData): boolean {
  if (data.version >= STORE_VERSION) return false;
  // 1 → 2: user-set publication dates, apart from machine annotations.
  if (typeof data.userDates !== 'object' || data.userDates === null) data.userDates = {};
  data.version = STORE_VERSION;
  return true;
}
