/**
 * The publication date a web page declares about itself, read from its markup in one linear pass over the tags (no
 * DOM: it also works on pages too deep for Readability). In order of trust:
 *
 * 1. `<meta property="article:published_time">` (Open Graph, also `og:article:published_time`);
 * 2. JSON-LD `datePublished` of the page's article (`NewsArticle`, `Article`, `BlogPosting`, ...);
 * 3. microdata `itemprop="datePublished"` (on `<meta content>` or `<time datetime>`), or `<time pubdate>`;
 * 4. a date `<meta name>`: `pubdate`, `publish-date`, `DC.date.issued`, `parsely-pub-date`, `date`, ...;
 * 5. the first `<time datetime>` of the `<article>` before its first paragraph (the byline): inferred, not stated.
 *
 * Modification dates (`article:modified_time`, `dateModified`) are never read as publication dates. The value is
 * the date part as the page writes it (`2018-06-08T23:30:00Z` is 2018-06-08), a month or a year when that is all it
 * gives; the evidence quotes the markup.
 */
import { decodeHTML } from 'entities';
import type { Certainty } from '../../shared/model';
import { nextTag } from './html-text';

export interface PageDate {
  /** YYYY-MM-DD, YYYY-MM or YYYY. */
  value: string;
  certainty: Certainty;
  /** Where the date was read, quoting the markup. */
  evidence: string;
}

const OG_NAMES = new Set(['article:published_time', 'og:article:published_time', 'og:published_time']);
const META_DATE_NAMES = new Set([
  'pubdate', 'publishdate', 'publish-date', 'publish_date', 'publication_date', 'publication-date', 'date', 'dc.date.issued', 'dcterms.issued',
  'dc.date', 'dcterms.date', 'dc.date.created', 'dcterms.created', 'parsely-pub-date', 'sailthru.date', 'article.published', 'datepublished',
]);
const ARTICLE_TYPES = /(?:^|[^a-z])(?:newsarticle|article|reportagenewsarticle|analysisnewsarticle|opinionnewsarticle|blogposting|report|webpage)$/i;

/** Tags longer than this are not read for attributes (a hostile page cannot make the attribute scan long). */
const MAX_TAG = 4000;
/** JSON-LD blocks larger than this are skipped. */
const MAX_JSON_LD = 1_000_000;

/** YYYY-MM-DD, YYYY-MM or YYYY at the start of an ISO 8601 date or timestamp, when it names a real date. */
export function isoDatePart(raw: string): string | null {
  const m = /^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?=$|[T\s]|[+-]\d{2}:?\d{2}$|Z$)/.exec(raw);
  if (!m) return null;
  const [, y, mo, d] = m;
  const year = Number(y);
  if (year < 1800 || year > 2200) return null;
  if (mo === undefined) return y!;
  if (Number(mo) < 1 || Number(mo) > 12) return null;
  if (d === undefined) return `${y}-${mo}`;
  const dt = new Date(Date.UTC(year, Number(mo) - 1, Number(d)));
  return dt.getUTCMonth() === Number(mo) - 1 && dt.getUTCDate() === Number(d) ? `${y}-${mo}-${d}` : null;
}

/** A tag's attributes, names lower-cased, values entity-decoded. */
function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  // Skip the tag name.
  re.lastIndex = tag.search(/[\s/>]/) === -1 ? tag.length : tag.search(/[\s/>]/);
  let m: RegExpExecArray | null;
  while ((m = re.exec(tag))) {
    const name = m[1]!.toLowerCase();
    if (!out.has(name)) out.set(name, decodeHTML(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return out;
}

const quoteTag = (tag: string): string => {
  const t = tag.replace(/\s+/g, ' ').trim();
  return t.length > 200 ? `${t.slice(0, 199)}…>` : t;
};

interface Found {
  rank: number;
  date: PageDate;
}

/** The `datePublished` of the page's article in a JSON-LD value (or of anything, when no article has one). */
function jsonLdDate(value: unknown): { raw: string; type: string } | null {
  let anyDate: { raw: string; type: string } | null = null;
  const stack: Array<{ v: unknown; depth: number }> = [{ v: value, depth: 0 }];
  let visited = 0;
  while (stack.length && visited++ < 10_000) {
    const { v, depth } = stack.pop()!;
    if (Array.isArray(v)) {
      if (depth < 8) for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], depth: depth + 1 });
      continue;
    }
    if (!v || typeof v !== 'object') continue;
    const o = v as Record<string, unknown>;
    const type = ([] as unknown[]).concat(o['@type'] ?? []).filter((t): t is string => typeof t === 'string');
    if (typeof o.datePublished === 'string') {
      const found = { raw: o.datePublished, type: type.join(', ') || 'object' };
      if (type.some((t) => ARTICLE_TYPES.test(t))) return found;
      anyDate ??= found;
    }
    if (depth < 8) for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage', 'itemListElement']) if (o[key] !== undefined) stack.push({ v: o[key], depth: depth + 1 });
  }
  return anyDate;
}

/** The publication date the page declares, or null when its markup names none. */
export function htmlPublicationDate(html: string): PageDate | null {
  const found: { best: Found | null } = { best: null };
  const offer = (rank: number, raw: string, certainty: Certainty, evidence: string): void => {
    if (found.best && found.best.rank <= rank) return;
    const value = isoDatePart(raw);
    if (value) found.best = { rank, date: { value, certainty, evidence: `page metadata: ${evidence}` } };
  };
  const lower = html.toLowerCase();
  let articleDepth = 0;
  /** Inside an <article>, before its first paragraph: where a byline's <time> stands. */
  let inByline = false;
  for (let t = nextTag(html, 0); t && (found.best?.rank ?? Infinity) > 1; ) {
    const { at: i, tag } = t;
    const text = tag.end - i <= MAX_TAG ? html.slice(i, tag.end) : null;
    let next = tag.end;
    if (tag.name === 'article') {
      articleDepth = Math.max(0, articleDepth + (tag.closing ? -1 : 1));
      inByline = articleDepth > 0 && !tag.closing;
    } else if (tag.name === 'p' && !tag.closing) inByline = false;
    else if (!tag.closing && text) {
      if (tag.name === 'meta') {
        const a = attributes(text);
        const key = (a.get('property') ?? a.get('name') ?? '').toLowerCase();
        const content = a.get('content');
        if (content !== undefined) {
          if (OG_NAMES.has(key)) offer(1, content, 'stated', quoteTag(text));
          else if ((a.get('itemprop') ?? '').toLowerCase() === 'datepublished') offer(3, content, 'stated', quoteTag(text));
          else if (META_DATE_NAMES.has(key)) offer(4, content, 'stated', quoteTag(text));
        }
      } else if (tag.name === 'script') {
        const close = lower.indexOf('</script', tag.end);
        const body = html.slice(tag.end, close === -1 ? html.length : close);
        next = close === -1 ? html.length : close;
        if (/type\s*=\s*["']?application\/ld\+json/i.test(text) && body.length <= MAX_JSON_LD) {
          let data: unknown = null;
          try {
            data = JSON.parse(body);
          } catch {
            // Broken JSON-LD is common; the other sources still count.
          }
          const ld = data === null ? null : jsonLdDate(data);
          if (ld) offer(2, ld.raw, 'stated', `JSON-LD ${ld.type} "datePublished": "${ld.raw}"`);
        }
      } else if (tag.name === 'time' || tag.name === 'span' || tag.name === 'div' || tag.name === 'abbr') {
        const a = attributes(text);
        const raw = a.get('datetime') ?? a.get('content') ?? a.get('title');
        const declared = (a.get('itemprop') ?? '').toLowerCase() === 'datepublished' || (tag.name === 'time' && a.has('pubdate'));
        if (raw !== undefined && declared) offer(3, raw, 'stated', quoteTag(text));
        else if (tag.name === 'time' && inByline && a.get('datetime') !== undefined) {
          offer(5, a.get('datetime')!, 'inferred', `the first <time> of the article, before its text: ${quoteTag(text)}`);
          inByline = false;
        }
      }
    }
    t = nextTag(html, next);
  }
  return found.best?.date ?? null;
}
