/**
 * The user sets (or clears) an article's publication date. The date is kept apart from machine annotations, keyed by
 * the file's relative path, so it survives re-annotation and the file's removal; the article is annotated again
 * at once from its stored text, so its relative dates resolve against the new date.
 */
import path from 'node:path';
import type { DocumentSummary } from '../../shared/ipc/contract';
import { annotateDocument } from '../annotate/annotate-document';
import type { EntityMatcher } from '../annotate/entities/index';
import type { Repository } from '../store/repository';
import type { StoredDocument } from '../store/schema';
import { isIsoPartialDate } from './manifest';

export class SetDateError extends Error {
  constructor(
    readonly code: 'bad-request' | 'not-found',
    message: string,
  ) {
    super(message);
  }
}

/** YYYY, YYYY-MM or YYYY-MM-DD naming a day that exists. */
export function validUserDate(value: string): boolean {
  if (!isIsoPartialDate(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  if (d === undefined) return true;
  const dt = new Date(Date.UTC(y!, m! - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m! - 1 && dt.getUTCDate() === d;
}

/**
 * Annotates a stored document again from its stored text, with the user's date (or without one), matching entities
 * with `catalog` (the researcher's; default: the bundled one).
 */
export function reannotateStored(doc: StoredDocument, user: string | null, catalog?: { key: string; matcher: EntityMatcher }): StoredDocument {
  const inputs = doc.inputs ?? {};
  const a = annotateDocument({
    id: doc.document.id,
    file: doc.document.file,
    text: doc.document.text,
    hash: doc.document.hash,
    // Stores written before `inputs` existed: keep at least the language and title the document had.
    manifest: inputs.manifest ?? (doc.inputs ? undefined : { language: doc.document.lang, title: doc.document.title }),
    ...(inputs.frontMatter ? { frontMatter: inputs.frontMatter } : {}),
    ...(inputs.pageDate ? { pageDate: inputs.pageDate } : {}),
    ...(user ? { user } : {}),
  }, catalog?.matcher);
  return {
    ...a,
    document: { ...a.document, ...(doc.document.encoding ? { encoding: doc.document.encoding } : {}) },
    ...(doc.cacheKey ? { cacheKey: doc.cacheKey } : {}),
    ...(doc.inputs ? { inputs: doc.inputs } : {}),
    ...(catalog ? { catalog: catalog.key } : {}),
  };
}

/** The stored document a user means: its id, its path relative to the corpus, or a path to the file itself. */
export function resolveDocumentRef(repo: Repository, ref: string): { file: string; doc: StoredDocument | null } {
  const byRef = repo.findDocument(ref);
  if (byRef) return { file: byRef.document.file, doc: byRef };
  const dir = repo.corpusDir;
  if (dir) {
    const rel = path.relative(dir, path.resolve(ref)).split(path.sep).join('/');
    if (!rel.startsWith('..')) return { file: rel, doc: repo.findDocument(rel) };
  }
  return { file: ref.split(path.sep).join('/'), doc: null };
}

/**
 * Sets (`value`) or clears (null) the user's publication date. Returns the document's new summary, or null when the
 * file is not (or no longer) annotated: the date is then kept and applied when it is.
 */
export async function setPublicationDate(repo: Repository, ref: string, value: string | null): Promise<DocumentSummary | null> {
  if (value !== null && !validUserDate(value)) throw new SetDateError('bad-request', `"${value}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
  const { file, doc } = resolveDocumentRef(repo, ref);
  if (!doc && value === null && !repo.userDates()[file]) throw new SetDateError('not-found', `no document or user date for "${ref}"`);
  if (!doc && !/\.[a-z0-9]+$/i.test(file)) throw new SetDateError('not-found', `no document "${ref}" in the store`);
  repo.setUserDate(file, value);
  if (!doc) {
    await repo.writeUserDates();
    return null;
  }
  await repo.replaceDocument(reannotateStored(doc, value, { key: repo.catalogKey(), matcher: repo.entityMatcher() }));
  return repo.documentSummary(doc.document.id);
}
