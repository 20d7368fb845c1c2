/**
 * A freshly annotated document made ready for the store where it was annotated (an annotation worker): its file's
 * JSON and content-derived name, its index line and what the store keeps in memory for linking. The main thread then
 * only writes the string; serialising, hashing and structured-cloning whole documents (text, sentences, time
 * expressions, candidates) there was most of its work in a corpus run.
 */
import type { LinkDoc } from '../annotate/link-events';
import { documentFileName } from './document-files';
import { DOCUMENT_FORMAT, entryOf, STORE_VERSION, type DocEntry, type DocumentFile, type StoredDocument } from './schema';

export interface PreparedDocument {
  /** The document file's name in the store folder and its content. */
  name: string;
  json: string;
  /**
   * Set when the worker wrote the file itself (`json` is then left empty): whether it created the file or replaced
   * one of the same content.
   */
  written?: 'created' | 'replaced';
  /** The document's line in the index. */
  entry: DocEntry;
  /** What linking needs, kept in memory for every document (no text). */
  link: LinkDoc;
}

/** What linking needs of a document. */
export const linkDocOf = (a: StoredDocument): LinkDoc => ({
  document: { id: a.document.id, file: a.document.file, published: { value: a.document.published.value } },
  amounts: a.amounts.map((x) => ({ value: x.value, currency: x.currency })),
  events: a.events,
});

export function prepareDocument(a: StoredDocument): PreparedDocument {
  const file: DocumentFile = { format: DOCUMENT_FORMAT, version: STORE_VERSION, doc: a };
  const json = JSON.stringify(file);
  const name = documentFileName(a.document.id, json);
  return { name, json, entry: entryOf(a, name), link: linkDocOf(a) };
}
