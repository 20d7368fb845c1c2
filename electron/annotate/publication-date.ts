/**
 * The publication date and why we believe it. Order of trust (interfaces.md §1): a date the user set, manifest.csv,
 * front matter, the date a web page declares in its markup (html-date.ts), an ISO date at the start of the file name. When no metadata says it, the text may: an explicit
 * dateline ("PARIS, 8 juin 2018 (AFP) -"), a "published on" line, or a stated "today, 8 June" completed by a year the
 * article names as the current one ("this year (2018)", "العام الجاري (٢٠١٨)"). Every inference quotes its evidence;
 * without evidence the value is null and relative dates keep their unknown parts as X — never today's date, never a
 * year borrowed from some other date in the text.
 *
 * The text rules work on the tagger's output with `ref: null` (values with X for the parts the text leaves open) and
 * only add the cues around them: today-words, current-year phrases, dateline shape, publication verbs.
 */
import type { Lang, Published, Timex } from '../../shared/model';
import type { PageDate } from '../corpus/html-date';
import type { FileMeta } from '../corpus/manifest';
import { dateFromFileName, isIsoPartialDate } from '../corpus/manifest';

export interface DateSources {
  manifest?: FileMeta;
  frontMatter?: FileMeta;
  /** What a web page's markup declares (corpus/html-date.ts). */
  pageDate?: PageDate;
  file: string;
  /** A date the user set (YYYY, YYYY-MM or YYYY-MM-DD): above everything else. */
  user?: string;
}

const NONE: Published = { value: null, source: 'none', certainty: 'uncertain', evidence: 'no manifest entry, front matter or dated file name, and the text states no publication date' };

/** The publication date metadata gives, or null when none does. */
export function metadataDate(src: DateSources): Published | null {
  if (src.user) return { value: src.user, source: 'user', certainty: 'stated', evidence: `set by the user: ${src.user}` };
  if (src.manifest?.published) {
    return { value: src.manifest.published, source: 'manifest', certainty: 'stated', evidence: `manifest.csv: published = ${src.manifest.published}` };
  }
  if (src.frontMatter?.published) {
    return { value: src.frontMatter.published, source: 'frontmatter', certainty: 'stated', evidence: `front matter: published: ${src.frontMatter.published}` };
  }
  // Below what the researcher wrote (manifest, front matter), above a date-like file name prefix, which may only
  // record the day the page was saved.
  if (src.pageDate) return { value: src.pageDate.value, source: 'html', certainty: src.pageDate.certainty, evidence: src.pageDate.evidence };
  const fromName = dateFromFileName(src.file);
  if (fromName) return { value: fromName, source: 'filename', certainty: 'stated', evidence: `file name starts with ${fromName}` };
  return null;
}

/** Metadata only (no text): kept for callers that have no text. */
export function publicationDate(src: DateSources): Published {
  return metadataDate(src) ?? NONE;
}

// ---- cues --------------------------------------------------------------------------------------------------------

const AR = '\\u0600-\\u06FF';
const AR_LETTER = '\\u0621-\\u064A';
/** "today" as a word, per language; Arabic may carry a conjunction (وَ, فَ). */
const TODAY: Record<Lang, RegExp> = {
  en: /\btoday\b/i,
  de: /\bheute\b/i,
  fr: /\baujourd['’]hui\b/i,
  ar: new RegExp(`(?:^|[^${AR_LETTER}])[وف]?اليوم(?![${AR_LETTER}])`),
  und: /\btoday\b/i,
};
/** Words that may stand between "today" and its date: "today, Friday 8 June", "heute, am 8. Juni", "اليوم الجمعة ٨ يونيو". */
const BRIDGE = new RegExp(
  `^[\\s,،:;(\\-–—]*(?:(?:on|the|am|den|le|ce|في|الموافق|monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|يوم|الاثنين|الإثنين|الثلاثاء|الأربعاء|الخميس|الجمعة|السبت|الأحد)[\\s,،]+){0,3}$`,
  'i',
);
/** The current year, named with its number: "this year (2018)", "dieses Jahres (2018)", "cette année (2018)", "العام الجاري (٢٠١٨)". */
const THIS_YEAR = new RegExp(
  [
    '\\bthis year\\b',
    '\\bthe current year\\b',
    '\\b(?:dieses|diesen) Jahres\\b',
    '\\bin diesem Jahr\\b',
    '\\bdieses Jahr\\b',
    '\\bdes laufenden Jahres\\b',
    '\\bcette année\\b',
    "\\bl['’]année en cours\\b",
    '(?:العام|السنة|عام|سنة)\\s+(?:الجاري|الجارية|الحالي|الحالية)',
    'هذا العام',
    'هذه السنة',
  ].join('|'),
  'giu',
);
const YEAR_AFTER = /^\s*[([,،]\s*([0-9٠-٩]{4})\s*\)?/;
/** A publication line: the cue ends right before the date. At most a few words may precede it on its line. */
const PUBLISHED_CUE =
  /(?:^|\n)[^\S\n]*(?:\S+[^\S\n]+){0,3}?(?:(?:first[^\S\n]+)?published(?:[^\S\n]+on)?|posted(?:[^\S\n]+on)?|veröffentlicht(?:[^\S\n]+am)?|erschienen(?:[^\S\n]+am)?|publié(?:e)?(?:[^\S\n]+le)?|mis[^\S\n]+en[^\S\n]+ligne[^\S\n]+le|نُ?شر(?:[^\S\n]+(?:في|بتاريخ))?|تاريخ[^\S\n]+النشر)[^\S\n]*:?[^\S\n]*$/i;
/** A dateline before the date: a place at the start of a line, then a comma. */
const DATELINE_BEFORE = new RegExp(`(?:^|\\n)[^\\S\\n]*[\\p{Lu}${AR}][\\p{L}\\p{M}.'’, -]{0,40}[,،][^\\S\\n]*$`, 'u');
/** ...and after it an agency in brackets or a dash: "(AFP) -", " – ". */
const DATELINE_AFTER = /^[^\S\n]*(?:\([^)\n]{1,30}\)|[-–—])/;

const FULL = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MONTH = /^XXXX-(\d{2})-(\d{2})$/;

const digits = (s: string): string => s.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x660));
const quote = (s: string): string => `"${s.replace(/\s+/g, ' ').trim()}"`;

function realDate(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

interface YearEvidence {
  year: string;
  quote: string;
}

/** The year the article names as the current one; null when it names none, or names different ones. */
export function currentYear(text: string): YearEvidence | null | 'conflict' {
  const found: YearEvidence[] = [];
  for (const m of text.matchAll(THIS_YEAR)) {
    const after = YEAR_AFTER.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 12));
    if (!after) continue;
    const year = digits(after[1]!);
    if (+year < 1800 || +year > 2200) continue;
    found.push({ year, quote: text.slice(m.index, m.index + m[0].length + after[0].length).trim() });
  }
  if (found.length === 0) return null;
  return found.every((f) => f.year === found[0]!.year) ? found[0]! : 'conflict';
}

const lineBefore = (text: string, at: number): string => text.slice(Math.max(0, text.lastIndexOf('\n', at - 1) + 1, at - 120), at);

/** A date a rule found, with the words that state it. */
interface Found {
  rule: 'dateline' | 'published' | 'today';
  timex: Timex;
  quote: string;
}

function findToday(text: string, lang: Lang, timexes: Timex[]): Found | null {
  const today = TODAY[lang] ?? TODAY.en;
  for (const t of timexes) {
    if (!FULL.test(t.value) && !DAY_MONTH.test(t.value)) continue;
    if (today.test(t.text)) return { rule: 'today', timex: t, quote: t.text };
    // "today" just before the date, perhaps with a weekday or "on" between.
    const before = text.slice(Math.max(0, t.start - 40), t.start);
    const m = new RegExp(`(?:${today.source})([^]*)$`, today.flags).exec(before);
    if (m && BRIDGE.test(m[1]!)) {
      const from = t.start - before.length + m.index + (m[0].length - m[0].trimStart().length);
      return { rule: 'today', timex: t, quote: text.slice(from, t.end) };
    }
  }
  return null;
}

function findDateline(text: string, timexes: Timex[]): Found | null {
  for (const t of timexes) {
    if (t.start > 2000) break;
    if (!FULL.test(t.value) && !DAY_MONTH.test(t.value)) continue;
    const before = lineBefore(text, t.start);
    const place = DATELINE_BEFORE.exec(before);
    const after = DATELINE_AFTER.exec(text.slice(t.end, t.end + 40));
    if (place && after) return { rule: 'dateline', timex: t, quote: (before.slice(place.index) + text.slice(t.start, t.end + after[0].length)).trim() };
  }
  return null;
}

function findPublishedLine(text: string, timexes: Timex[]): Found | null {
  for (const t of timexes) {
    if (!FULL.test(t.value) && !DAY_MONTH.test(t.value)) continue;
    const before = lineBefore(text, t.start);
    const cue = PUBLISHED_CUE.exec(before);
    if (cue) return { rule: 'published', timex: t, quote: (before.slice(cue.index) + t.text).trim() };
  }
  return null;
}

const RULE_NAME: Record<Found['rule'], string> = { dateline: 'dateline', published: 'publication line', today: 'the article says "today"' };

/**
 * The publication date the text states, from the tagger's output with `ref: null`.
 * 'stated' when one expression gives the full date; 'inferred' when a day and month are completed by a year named
 * elsewhere as the current one; value null when nothing says it (a partial finding is described in the evidence).
 */
export function inferPublicationDate(text: string, lang: Lang, timexes: Timex[]): Published {
  const year = currentYear(text);
  const yearQuote = year && year !== 'conflict' ? year : null;
  const found = findDateline(text, timexes) ?? findPublishedLine(text, timexes) ?? findToday(text, lang, timexes);
  if (found) {
    const { timex, rule } = found;
    if (FULL.test(timex.value)) {
      // The tagger may itself have joined the year of "this year (2018)" to "today, 8 June": that is an inference.
      THIS_YEAR.lastIndex = 0;
      const joined = THIS_YEAR.test(timex.text);
      THIS_YEAR.lastIndex = 0;
      return { value: timex.value, source: 'text', certainty: joined ? 'inferred' : 'stated', evidence: `${RULE_NAME[rule]}: ${quote(found.quote)}` };
    }
    const [, mm, dd] = DAY_MONTH.exec(timex.value)!;
    if (yearQuote && realDate(+yearQuote.year, +mm!, +dd!)) {
      return {
        value: `${yearQuote.year}-${mm}-${dd}`,
        source: 'text',
        certainty: 'inferred',
        evidence: `${RULE_NAME[rule]}: ${quote(found.quote)} (day and month) + ${quote(yearQuote.quote)} (the year)`,
      };
    }
    const why = year === 'conflict' ? 'the article names different years as the current one' : 'no year is given for it';
    return { ...NONE, evidence: `${RULE_NAME[rule]}: ${quote(found.quote)} gives ${timex.value}, but ${why}; unknown parts stay X` };
  }
  if (yearQuote) return { value: yearQuote.year, source: 'text', certainty: 'inferred', evidence: `the article names the current year: ${quote(yearQuote.quote)}` };
  return NONE;
}

export type Tagger = (text: string, opts: { lang: Lang; ref: string | null }) => Timex[];

/**
 * Metadata first, then the text. When the text is consulted and says nothing, the unresolved tagging is returned too
 * (its values keep X for unknown parts) so the caller need not tag the text a second time.
 */
export function datePublication(src: DateSources & { text: string; lang: Lang }, tag: Tagger): { published: Published; unresolved: Timex[] | null } {
  const meta = metadataDate(src);
  if (meta && isIsoPartialDate(meta.value ?? '')) return { published: meta, unresolved: null };
  const unresolved = tag(src.text, { lang: src.lang, ref: null });
  const published = inferPublicationDate(src.text, src.lang, unresolved);
  return { published, unresolved: published.value === null ? unresolved : null };
}
