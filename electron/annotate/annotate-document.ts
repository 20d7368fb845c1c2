/**
 * One document through the whole pipeline: language → sentences → time expressions (resolved against the
 * publication date) → events. Pure: text and metadata in, annotations out; the CLI, the app and workers share it.
 */
import type { Amount, ChronoEvent, Document, Lang, Timex } from '../../shared/model';
import type { FileMeta } from '../corpus/manifest';
import { detectLanguage } from './language';
import { buildEvents } from './events';
import { datePublication } from './publication-date';
import { splitSentences } from './sentences';
import { tagTimexes } from './time/index';

export interface AnnotateInput {
  id: string;
  file: string;
  text: string;
  hash: string;
  manifest?: FileMeta;
  frontMatter?: FileMeta;
  /** A publication date the user set (kept apart in the store); above all metadata. */
  user?: string;
}

export interface AnnotatedDocument {
  document: Document;
  timexes: Timex[];
  amounts: Omit<Amount, 'doc'>[];
  events: ChronoEvent[];
  /** Content hash + metadata + pipeline version: equal keys mean the stored annotations are still valid. */
  cacheKey?: string;
}

function titleOf(text: string, meta: FileMeta | undefined): string {
  if (meta?.title) return meta.title;
  const first = text.split('\n').find((l) => l.trim().length > 0)?.trim() ?? '';
  return first.length > 90 ? `${first.slice(0, 89)}…` : first;
}

export function annotateDocument(input: AnnotateInput): AnnotatedDocument {
  const meta = { ...input.frontMatter, ...input.manifest };
  const lang: Lang = meta.language ?? detectLanguage(input.text);
  const tagLang: Lang = lang === 'und' ? 'en' : lang;
  // Metadata, else the text's own evidence (tagged with ref null); that tagging is reused when it finds nothing.
  const { published, unresolved } = datePublication({ file: input.file, text: input.text, lang: tagLang, manifest: input.manifest, frontMatter: input.frontMatter, user: input.user }, tagTimexes);
  const sentences = splitSentences(input.text, lang);
  const timexes = unresolved ?? tagTimexes(input.text, { lang: tagLang, ref: published.value });
  const events = buildEvents(input.id, input.text, sentences, timexes, published);
  return {
    document: { id: input.id, file: input.file, lang, title: titleOf(input.text, meta), text: input.text, published, hash: input.hash, sentences },
    timexes,
    amounts: [],
    events,
  };
}
