/**
 * Options of the report-grade export (PDF / PNG through the print view) and the event filters every export honours.
 * One parser for the three doors: the CLI flags, the `export:print` / `export:data` IPC arguments and the print
 * view's URL query, so they can never disagree about what a date, a scale or a filter means.
 */
import { z } from 'zod';
import type { ChronoEvent, Lang } from './model';
import { applyMod, daysInMonth, timexInterval } from './timex';

export const PAPERS = ['A4', 'Letter'] as const;
export const ORIENTATIONS = ['portrait', 'landscape'] as const;
export const SPLITS = ['year', 'fit'] as const;
export type Paper = (typeof PAPERS)[number];
export type Orientation = (typeof ORIENTATIONS)[number];
export type Split = (typeof SPLITS)[number];
export const PRINT_FORMATS = ['pdf', 'png'] as const;
export type PrintFormat = (typeof PRINT_FORMATS)[number];

export const MIN_SCALE = 1;
export const MAX_SCALE = 4;
/** The longest report title, in characters. */
export const MAX_TITLE = 200;
const MAX_QUERY = 500;
const MAX_LIST = 2000;

/** A real calendar day, YYYY-MM-DD (2018-02-30 is refused). */
export function isIsoDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [+m[1]!, +m[2]!, +m[3]!];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

const isoDay = z.string().refine(isIsoDay, { message: 'must be a date YYYY-MM-DD' });
const langSchema = z.enum(['ar', 'de', 'fr', 'en', 'und']);

/** Filters shared by every export and the print view (all optional: absent means "everything"). */
export const eventFilterShape = {
  q: z.string().max(MAX_QUERY).optional(),
  docs: z.array(z.string().min(1).max(200)).max(MAX_LIST).optional(),
  langs: z.array(langSchema).max(5).optional(),
  /** Events naming any of these entity ids. */
  entities: z.array(z.string().min(1).max(200)).max(MAX_LIST).optional(),
  certainty: z.array(z.enum(['stated', 'inferred', 'uncertain'])).max(3).optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
};
/** For `.refine`: a range must not end before it starts. */
export const rangeInOrder: [(f: { from?: string | undefined; to?: string | undefined }) => boolean, { message: string; path: PropertyKey[] }] = [
  (f) => !f.from || !f.to || f.from <= f.to,
  { message: '"from" must not be after "to"', path: ['to'] },
];

export const eventFiltersSchema = z.object(eventFilterShape).strict().refine(...rangeInOrder);

export type EventFilters = z.infer<typeof eventFiltersSchema>;

export const printOptionsSchema = z
  .object({
    ...eventFilterShape,
    paper: z.enum(PAPERS).default('A4'),
    orientation: z.enum(ORIENTATIONS).default('landscape'),
    split: z.enum(SPLITS).default('fit'),
    /** Pixel density of the PNG export (deviceScaleFactor); ignored for PDF. */
    scale: z.number().min(MIN_SCALE).max(MAX_SCALE).default(1),
    /** Report title; defaults to "Chronolens timeline". */
    title: z.string().max(MAX_TITLE).optional(),
  })
  .strict()
  .refine(...rangeInOrder);

export type PrintOptions = z.output<typeof printOptionsSchema>;
export type PrintOptionsInput = z.input<typeof printOptionsSchema>;

export const DEFAULT_PRINT_OPTIONS: PrintOptions = printOptionsSchema.parse({});

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? `${i.path.join('.')}: ` : ''}${i.message}`).join('; ');
}

export function parsePrintOptions(input: unknown): Parsed<PrintOptions> {
  const r = printOptionsSchema.safeParse(input);
  return r.success ? { ok: true, value: r.data } : { ok: false, message: describeIssues(r.error) };
}

const list = (v: string | null): string[] | undefined => {
  if (v === null) return undefined;
  const items = v.split(',').map((s) => s.trim()).filter(Boolean);
  return items.length ? items : undefined;
};

/**
 * Reads the print view's URL query (`from`, `to`, `paper`, `orientation`, `split`, `scale`, `q`, `docs`, `langs`,
 * `title`). Other parameters (the bridge's `token`) are ignored. Empty values count as absent.
 */
export function parsePrintQuery(search: string | URLSearchParams): Parsed<PrintOptions> {
  const p = typeof search === 'string' ? new URLSearchParams(search) : search;
  const str = (k: string): string | undefined => {
    const v = p.get(k);
    return v === null || v.trim() === '' ? undefined : v.trim();
  };
  const scale = str('scale');
  const raw: Record<string, unknown> = {
    from: str('from'),
    to: str('to'),
    paper: str('paper'),
    orientation: str('orientation'),
    split: str('split'),
    scale: scale === undefined ? undefined : Number(scale),
    q: p.get('q') ?? undefined,
    docs: list(p.get('docs')),
    langs: list(p.get('langs')),
    entities: list(p.get('entities')),
    certainty: list(p.get('certainty')),
    title: str('title'),
  };
  for (const k of Object.keys(raw)) if (raw[k] === undefined) delete raw[k];
  if (scale !== undefined && !Number.isFinite(raw.scale)) return { ok: false, message: `scale: must be a number from ${MIN_SCALE} to ${MAX_SCALE}, got "${scale}"` };
  return parsePrintOptions(raw);
}

/** The URL query for the print view (without the token), omitting what is absent. */
export function printQuery(options: PrintOptions): string {
  const p = new URLSearchParams();
  if (options.from) p.set('from', options.from);
  if (options.to) p.set('to', options.to);
  p.set('paper', options.paper);
  p.set('orientation', options.orientation);
  p.set('split', options.split);
  p.set('scale', String(options.scale));
  if (options.q) p.set('q', options.q);
  if (options.docs?.length) p.set('docs', options.docs.join(','));
  if (options.langs?.length) p.set('langs', options.langs.join(','));
  if (options.entities?.length) p.set('entities', options.entities.join(','));
  if (options.certainty?.length) p.set('certainty', options.certainty.join(','));
  if (options.title) p.set('title', options.title);
  return p.toString();
}

/** The days an event covers (modifier applied), or null when its date has unknown parts. */
export function eventDays(event: Pick<ChronoEvent, 'date'>): { start: string; end: string } | null {
  const iv = timexInterval(event.date.value);
  return iv ? applyMod(iv, event.date.mod) : null;
}

/**
 * The events the filters keep. `fold` is the search's text folding (renderer/search/normalize-text.ts), passed in so
 * the exports match exactly what the search box matches. A date range keeps events that overlap it and drops
 * undated ones (they cannot be placed in any range).
 */
export function filterEvents<E extends Pick<ChronoEvent, 'doc' | 'date' | 'label' | 'text' | 'entities'>>(
  events: readonly E[],
  docLangs: ReadonlyMap<string, Lang>,
  filters: EventFilters,
  fold: (s: string) => string,
): E[] {
  const terms = filters.q ? fold(filters.q).split(' ').filter(Boolean) : [];
  const docs = filters.docs?.length ? new Set(filters.docs) : null;
  const langs = filters.langs?.length ? new Set<string>(filters.langs) : null;
  const entities = filters.entities?.length ? new Set(filters.entities) : null;
  const certainty = filters.certainty?.length ? new Set<string>(filters.certainty) : null;
  const ranged = Boolean(filters.from || filters.to);
  return events.filter((e) => {
    if (docs && !docs.has(e.doc)) return false;
    if (langs && !langs.has(docLangs.get(e.doc) ?? 'und')) return false;
    if (entities && !e.entities.some((id) => entities.has(id))) return false;
    if (certainty && !certainty.has(e.date.certainty)) return false;
    if (ranged) {
      const days = eventDays(e);
      if (!days) return false;
      if (filters.from && days.end < filters.from) return false;
      if (filters.to && days.start > filters.to) return false;
    }
    if (terms.length) {
      const hay = fold(`${e.label} ${e.text}`);
      if (!terms.every((t) => hay.includes(t))) return false;
    }
    return true;
  });
}

/** True when any filter is set. */
export function hasFilters(f: EventFilters): boolean {
  return Boolean(f.q?.trim() || f.docs?.length || f.langs?.length || f.entities?.length || f.certainty?.length || f.from || f.to);
}

/** Paper sizes in CSS pixels (96 per inch) and the margins the print view and the PDF writer both use. */
export const PAPER_MM: Record<Paper, { w: number; h: number }> = { A4: { w: 210, h: 297 }, Letter: { w: 215.9, h: 279.4 } };
export const PAGE_MARGIN_MM = { top: 12, right: 10, bottom: 14, left: 10 } as const;
const PX_PER_MM = 96 / 25.4;

export function pageSizePx(paper: Paper, orientation: Orientation): { width: number; height: number; contentWidth: number; contentHeight: number } {
  const { w, h } = PAPER_MM[paper];
  const [pw, ph] = orientation === 'landscape' ? [h, w] : [w, h];
  return {
    width: Math.round(pw * PX_PER_MM),
    height: Math.round(ph * PX_PER_MM),
    contentWidth: Math.floor((pw - PAGE_MARGIN_MM.left - PAGE_MARGIN_MM.right) * PX_PER_MM),
    contentHeight: Math.floor((ph - PAGE_MARGIN_MM.top - PAGE_MARGIN_MM.bottom) * PX_PER_MM),
  };
}

/**
 * Added to the print view's query by image captures (PNG): lay out every lane and note at once. By default the
 * view defers off-screen content (content-visibility), which printing renders anyway but a capture that scrolls
 * through the page could catch before it is drawn.
 */
export const RENDER_ALL_QUERY = 'render=all';
