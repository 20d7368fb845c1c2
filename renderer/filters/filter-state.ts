/**
 * What the researcher narrowed the corpus to, and the view settings remembered between sessions. Everything read
 * back from localStorage is checked field by field: a stale, hand-edited or foreign value falls back to the default
 * for that field only, never breaks the app.
 */
import type { Certainty, ChronoEvent, Lang } from '../../shared/model';
import { eventInterval } from '../timeline/build-items';
import { COLOR_MODES, LANE_MODES, type ColorMode, type LaneMode } from '../timeline/lanes';

export interface Filters {
  /** Empty: every value. An event passes an entity filter when it names any of the entities. */
  entities: string[];
  langs: Lang[];
  docs: string[];
  certainty: Certainty[];
  /** Inclusive day bounds (YYYY-MM-DD); an event passes when its days overlap them. Undated events always pass. */
  from: string | null;
  to: string | null;
}

export const NO_FILTERS: Filters = { entities: [], langs: [], docs: [], certainty: [], from: null, to: null };

export interface ViewState {
  filters: Filters;
  query: string;
  lanes: LaneMode;
  colorBy: ColorMode;
  /** The timeline window, ms since the epoch; null: the default window. */
  window: { start: number; end: number } | null;
}

export const DEFAULT_VIEW: ViewState = { filters: NO_FILTERS, query: '', lanes: 'document', colorBy: 'document', window: null };
export const STORAGE_KEY = 'chronolens.explorer.v1';

const LANGS: readonly string[] = ['ar', 'de', 'fr', 'en', 'und'];
const CERTAINTIES: readonly string[] = ['stated', 'inferred', 'uncertain'];
const MAX_LIST = 5000;

const strings = (v: unknown, allowed?: readonly string[]): string[] =>
  Array.isArray(v) ? [...new Set(v.filter((x): x is string => typeof x === 'string' && x.length > 0 && x.length < 500 && (!allowed || allowed.includes(x))))].slice(0, MAX_LIST) : [];
const day = (v: unknown): string | null => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) ? v : null);
// Years 1–9999: anything outside is a corrupted number, not a place a researcher left the timeline.
const MIN_MS = Date.UTC(1, 0, 1) - 1;
const MAX_MS = Date.UTC(9999, 11, 31);
const instant = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) && v > MIN_MS && v < MAX_MS ? v : null);

export function parseFilters(raw: unknown): Filters {
  const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  let from = day(r.from);
  let to = day(r.to);
  if (from && to && from > to) [from, to] = [to, from];
  return {
    entities: strings(r.entities),
    langs: strings(r.langs, LANGS) as Lang[],
    docs: strings(r.docs),
    certainty: strings(r.certainty, CERTAINTIES) as Certainty[],
    from,
    to,
  };
}

export function parseViewState(text: string | null): ViewState {
  if (!text) return DEFAULT_VIEW;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return DEFAULT_VIEW;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return DEFAULT_VIEW;
  const r = raw as Record<string, unknown>;
  const w = (typeof r.window === 'object' && r.window !== null ? r.window : {}) as Record<string, unknown>;
  const start = instant(w.start);
  const end = instant(w.end);
  return {
    filters: parseFilters(r.filters),
    query: typeof r.query === 'string' ? r.query.slice(0, 500) : '',
    lanes: LANE_MODES.includes(r.lanes as LaneMode) ? (r.lanes as LaneMode) : 'document',
    colorBy: COLOR_MODES.includes(r.colorBy as ColorMode) ? (r.colorBy as ColorMode) : 'document',
    window: start !== null && end !== null && end > start ? { start, end } : null,
  };
}

export function loadViewState(storage: Pick<Storage, 'getItem'> | null): ViewState {
  try {
    return parseViewState(storage?.getItem(STORAGE_KEY) ?? null);
  } catch {
    // Storage can throw (disabled, sandboxed): start from the defaults.
    return DEFAULT_VIEW;
  }
}

export function saveViewState(storage: Pick<Storage, 'setItem'> | null, state: ViewState): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(state));
  } catch {
    // Quota or disabled storage: remembering is a convenience, never a failure.
  }
}

export function isFiltered(f: Filters): boolean {
  return f.entities.length > 0 || f.langs.length > 0 || f.docs.length > 0 || f.certainty.length > 0 || f.from !== null || f.to !== null;
}

/** A predicate for the filters; `langOf` maps an event's document to its language. */
export function eventFilter(f: Filters, langOf: (docId: string) => Lang | undefined): (e: Pick<ChronoEvent, 'doc' | 'entities' | 'date'>) => boolean {
  const entities = f.entities.length ? new Set(f.entities) : null;
  const langs = f.langs.length ? new Set<string>(f.langs) : null;
  const docs = f.docs.length ? new Set(f.docs) : null;
  const certainty = f.certainty.length ? new Set<string>(f.certainty) : null;
  return (e) => {
    if (docs && !docs.has(e.doc)) return false;
    if (langs && !langs.has(langOf(e.doc) ?? 'und')) return false;
    if (certainty && !certainty.has(e.date.certainty)) return false;
    if (entities && !e.entities.some((id) => entities.has(id))) return false;
    if (f.from || f.to) {
      const iv = eventInterval(e);
      if (iv) {
        if (f.from && iv.end < f.from) return false;
        if (f.to && iv.start > f.to) return false;
      }
    }
    return true;
  };
}
