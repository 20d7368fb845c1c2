/**
 * Paper layout of the timeline, without vis-timeline (which only ever draws its visible window): events → one lane
 * per document, x by date over the chosen range, points for days and bars for longer spans, labels stacked in rows
 * so that nothing overlaps, and one numbered source note per event. Pure: text widths come from `measure`, so the
 * same code runs under unit tests and in the print page (where `measure` is a canvas with the real fonts).
 */
import type { DocumentSummary, PrintEvent } from '../../shared/ipc/contract';
import type { Certainty } from '../../shared/model';
import { eventDays, type Split } from '../../shared/print-options';
import { formatTimex, isoDay, timexInterval, type Precision } from '../../shared/timex';

export interface LayoutInput {
  /** The events to print, already filtered. */
  events: readonly PrintEvent[];
  /** Lanes in this order (documents without events in a section get no lane there). */
  documents: readonly DocumentSummary[];
  /** Explicit range; whatever is absent is taken from the events, widened to whole years. */
  from?: string;
  to?: string;
  split: Split;
  /** Width of the plot in CSS pixels. */
  width: number;
  /** Rendered width of a text in the label font, in CSS pixels. */
  measure: (text: string) => number;
  /** Width of a note number in the badge font; defaults to `measure`. */
  measureNumber?: (text: string) => number;
  /** Labels longer than this are cut with an ellipsis (the note carries the full sentence). */
  maxLabelWidth?: number;
}

export interface Note {
  n: number;
  event: PrintEvent;
  /** null when the document is unknown to the timeline data. */
  doc: DocumentSummary | null;
  /** "early Summer 2016", "8 Jun 2018", "? Nov ?" … */
  dateLabel: string;
  /** Days covered (modifier applied); null for dates with unknown parts, which are listed but not drawn. */
  days: { start: string; end: string } | null;
  precision: Precision | null;
}

export interface PlacedItem {
  id: string;
  note: number;
  kind: 'point' | 'bar';
  certainty: Certainty;
  /** The date only frames a figure: printed muted, as on screen. */
  framing: boolean;
  label: string;
  /** The label as printed: cut with an ellipsis to fit `labelWidth` (the note carries the full sentence). */
  text: string;
  /** Width of the note-number badge that starts the label. */
  badgeWidth: number;
  /** Point: the day's centre. Bar: its left edge. */
  x1: number;
  /** Bar: its right edge (exclusive day boundary). Point: equal to x1. */
  x2: number;
  /** The bar continues before / after the section's range. */
  clippedStart: boolean;
  clippedEnd: boolean;
  row: number;
  labelX: number;
  labelWidth: number;
}

export interface Lane {
  doc: DocumentSummary;
  rows: number;
  items: PlacedItem[];
}

export interface Tick {
  x: number;
  day: string;
  /** null: a gridline without a label. */
  label: string | null;
  major: boolean;
}

export interface Section {
  key: string;
  title: string;
  start: string;
  end: string;
  ticks: Tick[];
  lanes: Lane[];
  /** Items drawn in this section. */
  count: number;
}

export interface PrintLayout {
  range: { start: string; end: string } | null;
  sections: Section[];
  /** Every event, numbered in time order; undated ones last. */
  notes: Note[];
  undated: Note[];
}

export const POINT_RADIUS = 4;
/** Space between a marker and its label, and between neighbours in a row. */
export const LABEL_GAP = 4;
export const ROW_GAP = 8;
/** Horizontal padding of the note-number badge. */
export const BADGE_PAD = 6;
export const DEFAULT_MAX_LABEL = 210;
/** Width of the "?" badge an uncertain date carries after its label. */
export const UNCERTAIN_BADGE = 12;

const DAY_MS = 86_400_000;
export function dayNumber(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function formatDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** Numbers every event in time order (start, end, lane order, position in the article); undated ones last. */
export function numberEvents(events: readonly PrintEvent[], documents: readonly DocumentSummary[]): Note[] {
  const docs = new Map(documents.map((d, i) => [d.id, { d, i }]));
  const rows = events.map((event) => {
    const days = eventDays(event);
    return { event, days, precision: timexInterval(event.date.value)?.precision ?? null, lane: docs.get(event.doc)?.i ?? Number.MAX_SAFE_INTEGER };
  });
  rows.sort((a, b) => {
    if (a.days && !b.days) return -1;
    if (!a.days && b.days) return 1;
    if (a.days && b.days) {
      if (a.days.start !== b.days.start) return a.days.start < b.days.start ? -1 : 1;
      if (a.days.end !== b.days.end) return a.days.end < b.days.end ? -1 : 1;
    }
    return a.lane - b.lane || a.event.start - b.event.start || (a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0);
  });
  return rows.map((r, i) => ({
    n: i + 1,
    event: r.event,
    doc: docs.get(r.event.doc)?.d ?? null,
    dateLabel: formatTimex(r.event.date.value, r.event.date.mod),
    days: r.days,
    precision: r.precision,
  }));
}

/** The printed range: the options' bounds, else the events' years (whole years). */
export function printRange(notes: readonly Note[], from?: string, to?: string): { start: string; end: string } | null {
  const dated = notes.filter((n) => n.days);
  let start = from;
  let end = to;
  if (!start) {
    const first = dated.reduce<string | null>((m, n) => (m === null || n.days!.start < m ? n.days!.start : m), null);
    start = first ? `${first.slice(0, 4)}-01-01` : end ? `${end.slice(0, 4)}-01-01` : undefined;
  }
  if (!end) {
    const last = dated.reduce<string | null>((m, n) => (m === null || n.days!.end > m ? n.days!.end : m), null);
    end = last ? `${last.slice(0, 4)}-12-31` : start ? `${start.slice(0, 4)}-12-31` : undefined;
  }
  if (!start || !end) return null;
  return start <= end ? { start, end } : { start: end, end: start };
}

/** Gridlines and labels for an axis over [start, end] drawn `width` pixels wide. Labels are ≥ ~34 px apart. */
export function axisTicks(start: string, end: string, width: number): Tick[] {
  const d0 = dayNumber(start);
  const days = dayNumber(end) + 1 - d0;
  const xOf = (day: string): number => ((dayNumber(day) - d0) / days) * width;
  const pxMonth = (width / days) * 30.44;
  const pxYear = pxMonth * 12;
  const MIN_LABEL = 34;
  const MIN_LINE = 4;
  const ticks: Tick[] = [];
  const y0 = +start.slice(0, 4);
  const y1 = +end.slice(0, 4);
  const yearsStep = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000].find((k) => k * pxYear >= MIN_LABEL) ?? 1000;
  const seenYear = new Set<number>();
  for (let y = y0; y <= y1; y++) {
    for (let m = 1; m <= 12; m++) {
      const day = isoDay(y, m, 1);
      if (day < start || day > end) continue;
      const isYear = m === 1;
      const isQuarter = (m - 1) % 3 === 0;
      let label: string | null = null;
      let major = false;
      if (pxMonth >= MIN_LABEL) {
        label = isYear ? String(y) : MONTHS[m - 1]!;
        major = isYear;
      } else if (pxMonth * 3 >= MIN_LABEL) {
        if (isYear) [label, major] = [String(y), true];
        else if (isQuarter) label = MONTHS[m - 1]!;
        else if (pxMonth < MIN_LINE) continue;
      } else if (isYear) {
        major = true;
        if (y % yearsStep === 0 || yearsStep === 1) label = String(y);
        else if (pxYear < MIN_LINE) continue;
      } else if (!(isQuarter && pxMonth * 3 >= MIN_LINE) && !(pxMonth >= MIN_LINE * 2)) continue;
      // The first labelled tick of a year that is not January names the year too, so no stretch is ever yearless.
      if (label && !isYear && !seenYear.has(y) && pxMonth * 3 >= MIN_LABEL) label = `${label} ${y}`;
      if (label) seenYear.add(y);
      ticks.push({ x: xOf(day), day, label, major });
    }
  }
  // A range starting mid-year whose first labelled tick is far from the left edge: name the start's year at x=0.
  const firstLabel = ticks.find((t) => t.label);
  if (!firstLabel || firstLabel.x > 3 * MIN_LABEL) ticks.unshift({ x: 0, day: start, label: start.slice(0, 4), major: false });
  // Labels too close to the right edge would run off the page: keep the gridline, drop the label.
  for (const t of ticks) if (t.label && t.x > width - MIN_LABEL * 0.8 && t.x > 0) t.label = null;
  return ticks;
}

/** Sections: one per calendar year (split=year) or the whole range (split=fit). */
export function sectionRanges(range: { start: string; end: string }, split: Split): Array<{ key: string; title: string; start: string; end: string }> {
  if (split === 'fit') return [{ key: 'all', title: 'Timeline', start: range.start, end: range.end }];
  const out: Array<{ key: string; title: string; start: string; end: string }> = [];
  for (let y = +range.start.slice(0, 4); y <= +range.end.slice(0, 4); y++) {
    const start = `${String(y).padStart(4, '0')}-01-01` < range.start ? range.start : `${String(y).padStart(4, '0')}-01-01`;
    const end = `${String(y).padStart(4, '0')}-12-31` > range.end ? range.end : `${String(y).padStart(4, '0')}-12-31`;
    const whole = start.endsWith('-01-01') && end.endsWith('-12-31');
    out.push({ key: String(y), title: whole ? String(y) : `${formatDay(start)} – ${formatDay(end)}`, start, end });
  }
  return out;
}

/**
 * The longest start of `text` that fits `maxWidth` with an ellipsis after it (the whole text when it fits; '' when
 * not even the ellipsis does). Never splits a surrogate pair. Widths come from `measure`, so they are the real font's.
 */
export function fitText(text: string, maxWidth: number, measure: (s: string) => number): string {
  if (measure(text) <= maxWidth) return text;
  const cut = (k: number): string => `${text.slice(0, k).trimEnd()}…`;
  if (measure('…') > maxWidth) return '';
  // Binary search for the longest prefix that fits: a few measurements per label, not one per character.
  let lo = 0;
  let hi = text.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (measure(cut(mid)) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  const c = text.charCodeAt(lo - 1);
  return cut(lo > 0 && c >= 0xd800 && c <= 0xdbff ? lo - 1 : lo);
}

/** Assigns each interval to the first row where it fits (sorted by start, this uses the fewest rows). */
export function stackRows(intervals: ReadonlyArray<{ left: number; right: number }>, gap = ROW_GAP): { rows: number[]; count: number } {
  const order = intervals.map((_, i) => i).sort((a, b) => intervals[a]!.left - intervals[b]!.left || a - b);
  const rowEnds: number[] = [];
  const rows = new Array<number>(intervals.length).fill(0);
  for (const i of order) {
    const iv = intervals[i]!;
    let r = rowEnds.findIndex((end) => end + gap <= iv.left);
    if (r === -1) {
      r = rowEnds.length;
      rowEnds.push(iv.right);
    } else rowEnds[r] = iv.right;
    rows[i] = r;
  }
  return { rows, count: rowEnds.length };
}

function placeSection(notes: readonly Note[], documents: readonly DocumentSummary[], sec: { start: string; end: string }, input: LayoutInput): { lanes: Lane[]; count: number } {
  const { width, measure } = input;
  const measureNumber = input.measureNumber ?? measure;
  const maxLabel = input.maxLabelWidth ?? DEFAULT_MAX_LABEL;
  const d0 = dayNumber(sec.start);
  const days = dayNumber(sec.end) + 1 - d0;
  const px = (dayNum: number): number => ((dayNum - d0) / days) * width;
  const byDoc = new Map<string, Array<Omit<PlacedItem, 'row'> & { left: number; right: number }>>();
  let count = 0;
  for (const note of notes) {
    if (!note.days || note.days.end < sec.start || note.days.start > sec.end) continue;
    const e = note.event;
    const isPoint = note.precision === 'day';
    const label = (e.label || e.text).replace(/\s+/g, ' ').trim();
    const uncertain = e.date.certainty === 'uncertain' ? UNCERTAIN_BADGE + LABEL_GAP : 0;
    const badgeWidth = Math.ceil(measureNumber(String(note.n))) + BADGE_PAD;
    const textWidth = Math.ceil(badgeWidth + LABEL_GAP + measure(label) + uncertain) + 2;
    const labelWidth = Math.min(maxLabel, textWidth, width);
    const text = fitText(label, labelWidth - badgeWidth - LABEL_GAP - uncertain - 2, measure);
    let x1: number;
    let x2: number;
    let left: number;
    let labelX: number;
    const clippedStart = note.days.start < sec.start;
    const clippedEnd = note.days.end > sec.end;
    if (isPoint) {
      x1 = x2 = px(dayNumber(note.days.start) + 0.5);
      left = x1 - POINT_RADIUS;
      labelX = x1 + POINT_RADIUS + LABEL_GAP;
      // Near the right edge the label goes to the left of the dot.
      if (labelX + labelWidth > width) labelX = Math.max(0, x1 - POINT_RADIUS - LABEL_GAP - labelWidth);
    } else {
      x1 = Math.max(0, px(dayNumber(clippedStart ? sec.start : note.days.start)));
      x2 = Math.min(width, px(dayNumber(clippedEnd ? sec.end : note.days.end) + 1));
      if (x2 - x1 < 3) x2 = Math.min(width, x1 + 3);
      left = x1;
      labelX = Math.min(x1 + 3, Math.max(0, width - labelWidth));
    }
    const right = Math.max(x2 + (isPoint ? POINT_RADIUS : 0), labelX + labelWidth);
    left = Math.min(left, labelX);
    const list = byDoc.get(e.doc) ?? [];
    list.push({ id: e.id, note: note.n, kind: isPoint ? 'point' : 'bar', certainty: e.date.certainty, framing: e.role === 'context', label, text, badgeWidth, x1, x2, clippedStart, clippedEnd, labelX, labelWidth, left, right });
    byDoc.set(e.doc, list);
    count++;
  }
  const lanes: Lane[] = [];
  const known = new Set(documents.map((d) => d.id));
  const laneDocs = [...documents, ...[...byDoc.keys()].filter((id) => !known.has(id)).map((id): DocumentSummary => ({ id, file: id, lang: 'und', title: id, published: { value: null, source: 'none', certainty: 'uncertain', evidence: '' }, eventCount: 0, problems: [] }))];
  for (const doc of laneDocs) {
    const list = byDoc.get(doc.id);
    if (!list?.length) continue;
    const { rows, count: rowCount } = stackRows(list);
    lanes.push({ doc, rows: rowCount, items: list.map(({ left: _l, right: _r, ...item }, i) => ({ ...item, row: rows[i]! })) });
  }
  return { lanes, count };
}

export function layoutPrint(input: LayoutInput): PrintLayout {
  const notes = numberEvents(input.events, input.documents);
  const undated = notes.filter((n) => !n.days);
  const range = printRange(notes, input.from, input.to);
  if (!range) return { range: null, sections: [], notes, undated };
  const sections = sectionRanges(range, input.split).map((s): Section => {
    const placed = placeSection(notes, input.documents, s, input);
    return { ...s, ticks: axisTicks(s.start, s.end, input.width), ...placed };
  });
  return { range, sections, notes, undated };
}
