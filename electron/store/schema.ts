/**
 * The store's shape. Version 3 splits it: `NAME.json` is a small index (corpus folder, problems, the user's dates and
 * one summary line per document), and each document's text and annotations live in their own file in the sibling
 * folder `NAME.json.d/`, as does what cross-document linking added to its events. A run rewrites only the files of
 * what changed. The publication dates a user set live in the index, apart, keyed by the file's relative path, so
 * re-annotation (or a file's removal) never loses them.
 */
import { createHash } from 'node:crypto';
import type { Document, DocumentProblem, FileProblem, Lang, Published } from '../../shared/model';
import type { AnnotatedDocument } from '../annotate/annotate-document';
import type { PackedLinkOut } from '../annotate/link-events';
import type { PageDate } from '../corpus/html-date';
import type { FileMeta } from '../corpus/manifest';

export const STORE_FORMAT = 'chronolens.store';
/**
 * 2: `userDates` added (version 1 stores are migrated on open by adding an empty map).
 * 3: documents in their own files beside the index (versions 1 and 2 are split on open).
 */
export const STORE_VERSION = 3;

/** A publication date the user set for one file. */
export interface UserDate {
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  value: string;
  setAt: string;
}

export interface StoredDocument extends AnnotatedDocument {
  /** What annotation read besides the text, so one document can be annotated again from the store alone. */
  inputs?: { manifest?: FileMeta; frontMatter?: FileMeta; pageDate?: PageDate };
  /** Key of the entity catalog its mentions and events were matched with (catalog-sync.ts); absent: the bundled one. */
  catalog?: string;
}

/** One document in the index: what lists and summaries need, and where the rest is. */
export interface DocEntry {
  id: string;
  file: string;
  lang: Lang;
  title: string;
  published: Published;
  hash: string;
  encoding?: string;
  problems?: DocumentProblem[];
  cacheKey?: string;
  /** Key of the entity catalog the document was matched with; absent: the bundled catalog. */
  catalog?: string;
  events: number;
  timexes: number;
  /** The document's file in `NAME.json.d/` (named by its content). */
  data: string;
}

export interface StoreIndex {
  format: typeof STORE_FORMAT;
  version: number;
  corpusDir: string | null;
  updatedAt: string | null;
  /** Summaries in file order. Versions 1 and 2 held whole documents here (split on open). */
  documents: DocEntry[];
  /**
   * What linking added to events, in 256 shard files by document (`linkShard`): shard → its file in `NAME.json.d/`.
   * A run rewrites only the shards whose documents' links changed.
   */
  links?: Record<string, string>;
  problems: FileProblem[];
  /** Relative file path → the date the user set. Kept when the file is re-annotated, changed or removed. */
  userDates: Record<string, UserDate>;
}

/** The last single-file version: every document in the one file. Still read (and split on open). */
export const SINGLE_FILE_VERSION = 2;

/** A version 1 or 2 store. */
export interface StoreData extends Omit<StoreIndex, 'documents'> {
  documents: StoredDocument[];
}

export const DOCUMENT_FORMAT = 'chronolens.document';
export const LINKS_FORMAT = 'chronolens.links';

/** A document's own file. Its events are as annotated, before linking. */
export interface DocumentFile {
  format: typeof DOCUMENT_FORMAT;
  version: number;
  doc: StoredDocument;
}

/** What linking added to the events of a shard's documents: document id → event id → links. */
export interface LinksFile {
  format: typeof LINKS_FORMAT;
  version: number;
  shard: string;
  docs: Record<string, Record<string, PackedLinkOut>>;
}

/** The links shard of a document: two hex digits of its id's hash. */
export const linkShard = (docId: string): string => createHash('sha256').update(docId).digest('hex').slice(0, 2);

export function emptyStore(): StoreIndex {
  return { format: STORE_FORMAT, version: STORE_VERSION, corpusDir: null, updatedAt: null, documents: [], problems: [], userDates: {} };
}

/** Why `data` can't be opened as a store, or null when it can. */
export function validateStore(data: unknown): string | null {
  const d = data as Partial<StoreIndex>;
  if (d.format !== STORE_FORMAT) return 'not a Chronolens store (format field missing or different)';
  if (typeof d.version !== 'number') return 'the store has no version';
  if (d.version > STORE_VERSION) return `the store was written by a newer Chronolens (version ${d.version}, this one reads up to ${STORE_VERSION})`;
  if (!Array.isArray(d.documents) || !Array.isArray(d.problems)) return 'the store is missing its documents or problems list';
  if (d.version >= 2 && (typeof d.userDates !== 'object' || d.userDates === null || Array.isArray(d.userDates))) return 'the store is missing its user dates';
  if (d.version >= 3 && d.links !== undefined && (typeof d.links !== 'object' || d.links === null)) return 'the store index has a bad links list';
  if (d.version >= 3 && d.documents.some((e) => typeof e !== 'object' || e === null || typeof e.id !== 'string' || typeof e.file !== 'string' || typeof e.data !== 'string')) return 'the store index lists a document without its file';
  return null;
}

/** Why `data` is not a document file for `id`, or null. */
export function validateDocumentFile(data: unknown, id: string): string | null {
  const d = data as Partial<DocumentFile>;
  if (d.format !== DOCUMENT_FORMAT || typeof d.version !== 'number' || d.version > STORE_VERSION) return 'not a Chronolens document file';
  const doc = d.doc as Partial<StoredDocument> | undefined;
  if (!doc || typeof doc !== 'object' || !doc.document || doc.document.id !== id || typeof doc.document.text !== 'string' || !Array.isArray(doc.events) || !Array.isArray(doc.timexes) || !Array.isArray(doc.amounts)) return `not the annotations of document ${id}`;
  return null;
}

export function validateLinksFile(data: unknown, shard: string): string | null {
  const d = data as Partial<LinksFile>;
  if (d.format !== LINKS_FORMAT || d.shard !== shard || typeof d.docs !== 'object' || d.docs === null) return `not the links shard ${shard}`;
  return null;
}

/** The index line for a document whose file is `data`. */
export function entryOf(a: StoredDocument, data: string): DocEntry {
  const d: Document = a.document;
  return {
    id: d.id,
    file: d.file,
    lang: d.lang,
    title: d.title,
    published: d.published,
    hash: d.hash,
    ...(d.encoding ? { encoding: d.encoding } : {}),
    ...(d.problems?.length ? { problems: d.problems } : {}),
    ...(a.cacheKey ? { cacheKey: a.cacheKey } : {}),
    ...(a.catalog ? { catalog: a.catalog } : {}),
    events: a.events.length,
    timexes: a.timexes.length,
    data,
  };
}

/** Brings a version 1 store's user dates up to version 2 in place (the split to 3 happens when the store opens). */
export function migrateStore(data: StoreIndex | StoreData): boolean {
  if (data.version >= 2) return false;
  // 1 → 2: user-set publication dates, apart from machine annotations.
  if (typeof data.userDates !== 'object' || data.userDates === null) data.userDates = {};
  data.version = 2;
  return true;
}
