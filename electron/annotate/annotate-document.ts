/**
 * One document through the whole pipeline: language → sentences → time expressions (resolved against the
 * publication date) → money amounts → catalog entities (and candidate names) → events. Pure: text and metadata in,
 * annotations out; the CLI, the app and workers share it.
 */
import type { Amount, ChronoEvent, Document, Lang, Timex } from '../../shared/model';
import type { PageDate } from '../corpus/html-date';
import type { FileMeta } from '../corpus/manifest';
import { findAmounts } from './amounts';
import { defaultEntityMatcher, discoverCandidates, type EntityCandidate, type EntityMatcher, type EntityMention } from './entities/index';
import { detectLanguage } from './language';
import { buildEvents } from './events';
import { datePublication } from './publication-date';
import { splitSentences } from './sentences';
import { tokenize } from './text-tokens';
import { tagTimexes } from './time/index';

export interface AnnotateInput {
  id: string;
  file: string;
  text: string;
  hash: string;
  manifest?: FileMeta;
  frontMatter?: FileMeta;
  /** The publication date a web page declares in its markup: below the manifest and front matter. */
  pageDate?: PageDate;
  /** A publication date the user set (kept apart in the store); above all metadata. */
  user?: string;
}

export interface AnnotatedDocument {
  document: Document;
  timexes: Timex[];
  amounts: Omit<Amount, 'doc'>[];
  /** Catalog entity mentions (entity = catalog id), in text order. Optional: stores written before entities. */
  mentions?: EntityMention[];
  /** Names the catalog does not know, with counts: offered to the user, never shown as entities. */
  candidates?: EntityCandidate[];
  events: ChronoEvent[];
  /** Content hash + metadata + pipeline version: equal keys mean the stored annotations are still valid. */
  cacheKey?: string;
}

/** The first line with text, trimmed (found without splitting the whole text). */
function firstLine(text: string): string {
  for (let i = 0; i <= text.length; ) {
    let end = text.indexOf('\n', i);
    if (end === -1) end = text.length;
    const line = text.slice(i, end).trim();
    if (line.length > 0) return line;
    i = end + 1;
  }
  return '';
}

function titleOf(text: string, meta: FileMeta | undefined): string {
  if (meta?.title) return meta.title;
  const first = firstLine(text);
  return first.length > 90 ? `${first.slice(0, 89)}…` : first;
}

export function annotateDocument(input: AnnotateInput, entities: EntityMatcher = defaultEntityMatcher()): AnnotatedDocument {
  const meta = { ...input.frontMatter, ...input.manifest };
  const lang: Lang = meta.language ?? detectLanguage(input.text);
  const tagLang: Lang = lang === 'und' ? 'en' : lang;
  // Metadata, else the text's own evidence (tagged with ref null); that tagging is reused when it finds nothing.
  const { published, unresolved } = datePublication({ file: input.file, text: input.text, lang: tagLang, manifest: input.manifest, frontMatter: input.frontMatter, pageDate: input.pageDate, user: input.user }, tagTimexes);
  const sentences = splitSentences(input.text, lang);
  const timexes = unresolved ?? tagTimexes(input.text, { lang: tagLang, ref: published.value });
  const tokens = tokenize(input.text);
  const amounts = findAmounts(input.text, lang, tokens);
  const document: Document = { id: input.id, file: input.file, lang, title: titleOf(input.text, meta), text: input.text, published, hash: input.hash, sentences };
  return { document, timexes, amounts, ...entitiesAndEvents(document, timexes, amounts, entities, tokens) };
}

/**
 * The catalog-dependent tail of the pipeline: entity mentions, candidate names and the events (whose entities and
 * labels depend on the catalog). Also run alone when the researcher edits the catalog (rematchEntities).
 */
function entitiesAndEvents(document: Document, timexes: Timex[], amounts: AnnotatedDocument['amounts'], entities: EntityMatcher, tokens = tokenize(document.text)): Pick<AnnotatedDocument, 'mentions' | 'candidates' | 'events'> {
  const { text, lang } = document;
  const mentions = entities.match(text, lang, tokens);
  const candidates = discoverCandidates(text, lang, tokens, mentions);
  const events = buildEvents(document.id, text, document.sentences, timexes, document.published, { lang, tokens, amounts, mentions, entity: (id) => entities.entity(id) });
  return { mentions, candidates, events };
}

/** The same document matched again against another catalog: time expressions and amounts are kept as they are. */
export function rematchEntities<T extends AnnotatedDocument>(a: T, entities: EntityMatcher): T {
  return { ...a, ...entitiesAndEvents(a.document, a.timexes, a.amounts, entities) };
}
