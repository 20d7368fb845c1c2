/**
 * The one data model (interfaces.md §4). Main process, CLI, renderer and exports all use these types.
 * Offsets are UTF-16 code unit indices into Document.text, end exclusive.
 */

export type Lang = 'ar' | 'de' | 'fr' | 'en' | 'und';
export const LANGS: readonly Lang[] = ['ar', 'de', 'fr', 'en'];

export type Certainty = 'stated' | 'inferred' | 'uncertain';
export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';
export type TimexMod = 'START' | 'MID' | 'END' | 'APPROX' | 'BEFORE' | 'AFTER';
/** `html`: the date a web page declares in its markup (article:published_time, JSON-LD datePublished, ...). */
export type PublishedSource = 'manifest' | 'frontmatter' | 'html' | 'filename' | 'text' | 'user' | 'none';
export type EntityType = 'ORG' | 'PERSON' | 'PLACE' | 'OTHER';

export interface Span {
  start: number;
  end: number;
  text: string;
}

/** A time expression as the tagger returns it (interfaces.md §2). */
export interface Timex extends Span {
  type: TimexType;
  value: string;
  mod?: TimexMod;
}

export interface Published {
  /** ISO date, month or year; null when nothing says when the article appeared. */
  value: string | null;
  source: PublishedSource;
  certainty: Certainty;
  /** Why we believe it, quoting the text or naming the metadata. */
  evidence: string;
}

export interface DocumentProblem {
  code: string;
  message: string;
}

export interface Document {
  id: string;
  /** Path relative to the corpus folder, with forward slashes. */
  file: string;
  lang: Lang;
  title: string;
  text: string;
  published: Published;
  /** sha256 of the file's bytes: the cache key for re-annotation. */
  hash: string;
  /** How the file's bytes were decoded ("utf-8", "windows-1256", ...) or its container ("pdf", "docx"). */
  encoding?: string;
  sentences: Array<{ start: number; end: number }>;
  problems?: DocumentProblem[];
}

export interface DocTimex extends Timex {
  doc: string;
}

export interface Amount extends Span {
  doc: string;
  /** The amount, or the low end of a range ("between 1 and 2 billion": 1e9). */
  value: number;
  currency: string;
  /** The high end of a range ("between 1 and 2 billion": 2e9); absent for a single amount. */
  max?: number;
}

export interface Mention extends Span {
  doc: string;
}

export interface Entity {
  id: string;
  name: string;
  type: EntityType;
  mentions: Mention[];
}

export interface EventDate {
  value: string;
  mod?: TimexMod;
  certainty: Certainty;
  /** First and last day covered (YYYY-MM-DD); absent for values with unknown parts. */
  start?: string;
  end?: string;
  /** For a range ("from May to July"): the TIMEX value of its end; `value` is its start. */
  to?: string;
  /** Why the date is what it is when it was not read from this sentence alone (a year borrowed from a twin). */
  evidence?: string;
}

/** A suggested "same event" link to an event of another document, with why and how strongly. */
export interface EventLink {
  event: string;
  /** 0..1 */
  score: number;
  reasons: string[];
}

export interface ChronoEvent extends Span {
  id: string;
  doc: string;
  label: string;
  date: EventDate;
  /** Index into the timexes list of the export that dates this event. */
  timex?: number;
  /**
   * A further dated statement of the same sentence (a coordinated clause with its own date: "launched in summer
   * 2016, and went on to hire experts the following year"): where its date starts, from the sentence start. The
   * sentence's first statement has none. With doc and start it tells the statements of one sentence apart.
   */
  part?: number;
  entities: string[];
  amounts: number[];
  sameAs?: string[];
  /** Same-event suggestions behind `sameAs`, with reasons and scores. */
  links?: EventLink[];
  /** `context`: the date only frames a figure ("in the year ending 31 March 2018"); drawn like any other for now. */
  role?: 'headline' | 'context';
  edited: boolean;
}

/** A file the scan saw but could not (fully) use. */
export interface FileProblem {
  file: string;
  code: 'unreadable' | 'binary' | 'too-large' | 'undecodable' | 'empty' | 'unsupported' | 'vanished' | 'loop' | 'timeout' | 'internal';
  message: string;
}

export interface EventsExport {
  format: 'chronolens.events/1';
  documents: Array<Pick<Document, 'id' | 'file' | 'lang' | 'title' | 'text' | 'published'>>;
  timexes: DocTimex[];
  amounts: Amount[];
  entities: Entity[];
  events: ChronoEvent[];
}
