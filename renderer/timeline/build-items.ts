import type { DocumentSummary } from '../../shared/ipc/contract';
import type { Certainty, ChronoEvent, TimexMod } from '../../shared/model';
import { applyMod, formatTimex, timexInterval, type Precision } from '../../shared/timex';

export interface TimelineItemSpec {
  readonly id: string;
  readonly group: string;
  /** Days are points; weeks, months, seasons, years are ranges over exactly their days. */
  type: 'point' | 'range';
  start: Date;
  /** Exclusive: the day after the last day covered (ranges only). */
  end?: Date;
  /** `start` and `end` in ms: the lane index and the slices read these (no Date per event). */
  readonly startMs: number;
  readonly endMs?: number;
  /** The event drawn (lanes are worked out from it). */
  readonly event: ItemEvent;
  precision: Precision;
  certainty: Certainty;
  label: string;
  /** Tooltip, plain text (vis-timeline shows string titles with innerText). */
  title: string;
  className: string;
}

const MAX_LABEL = 60;

/**
 * A local-midnight Date from an ISO day. vis-timeline draws in local time, so `new Date('2018-06-08')` (UTC
 * midnight) would land on the previous day west of Greenwich; building from the parts never shifts.
 */
export function localDay(iso: string, plusDays = 0): Date {
  const key = plusDays === 0 ? iso : `${iso}+${plusDays}`;
  const known = DAY_CACHE.get(key);
  if (known !== undefined) return new Date(known);
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(y, m - 1, d + plusDays);
  // Years 0–99 would be read as 1900–1999 by the constructor.
  if (y < 100) date.setFullYear(y);
  // Local-time construction is slow (time zone rules each time) and 50,000 events share a few thousand days.
  if (DAY_CACHE.size > 100_000) DAY_CACHE.clear();
  DAY_CACHE.set(key, date.getTime());
  return date;
}
const DAY_CACHE = new Map<string, number>();

export function shortLabel(label: string, max = MAX_LABEL): string {
  const flat = label.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** A valid day in any month (29–31 go the long way, which knows month lengths and leap years). */
const PLAIN_DAY = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])$/;

export function dateLabel(event: Pick<ChronoEvent, 'date'>): string {
  return formatTimex(event.date.value, event.date.mod);
}

/**
 * The days an event covers, narrowed by its modifier; null for dates with unknown parts (not drawable). A range
 * date ("from May to July", optional `to`) runs to the last day of its end value.
 */
export function eventInterval(event: Pick<ChronoEvent, 'date'>): { start: string; end: string; precision: Precision } | null {
  const d = event.date;
  const to = (d as { to?: string }).to;
  // Most events are plain days: no parsing needed (50,000 events are sorted and drawn at start-up).
  if (!d.mod && !to && PLAIN_DAY.test(d.value)) return { start: d.value, end: d.value, precision: 'day' };
  // The rest share a few thousand values among them: each is worked out once.
  const key = `${d.value}|${d.mod ?? ''}|${to ?? ''}`;
  let iv = INTERVALS.get(key);
  if (iv === undefined) {
    if (INTERVALS.size > 50_000) INTERVALS.clear();
    INTERVALS.set(key, (iv = computeInterval(d.value, d.mod, to)));
  }
  return iv;
}
const INTERVALS = new Map<string, { start: string; end: string; precision: Precision } | null>();

function computeInterval(value: string, mod: TimexMod | undefined, to: string | undefined): { start: string; end: string; precision: Precision } | null {
  const iv = timexInterval(value);
  if (!iv) return null;
  const from = applyMod(iv, mod);
  const until = to ? timexInterval(to) : null;
  if (!until || until.end < from.start) return from;
  return { start: from.start, end: until.end, precision: from.precision };
}

/** An item's tooltip: date, certainty, the sentence (the label until the sentence is loaded) and the article. */
export function itemTitle(e: ItemEvent, docTitle: string): string {
  return `${dateLabel(e)} · ${e.date.certainty}${framesFigure(e) ? ' · frames a figure' : ''}${e.edited ? ' · edited' : ''}\n${(e.text ?? e.label).replace(/\s+/g, ' ').trim()}\n— ${docTitle}`;
}

/** What an item is made of: the timeline's slim event (its label stands in for the sentence) or a full one. */
export type ItemEvent = Pick<ChronoEvent, 'id' | 'doc' | 'label' | 'date' | 'edited' | 'role'> & { text?: string; context?: true };

/** The date only frames a figure (the overview's `context`, a full event's `role`). */
const framesFigure = (e: ItemEvent): boolean => e.context === true || e.role === 'context';

/** What an item takes from its date, worked out once per date object (the overview shares them among events). */
interface Placed {
  startMs: number;
  endMs?: number;
  precision: Precision;
  /** `ev cert-… prec-…`, without the colour. */
  classPrefix: string;
}
const PLACED = new WeakMap<object, Placed | null>();

function placed(date: ItemEvent['date']): Placed | null {
  let p = PLACED.get(date);
  if (p === undefined) {
    const iv = eventInterval({ date });
    p = iv && {
      startMs: localDay(iv.start).getTime(),
      ...(iv.start === iv.end ? {} : { endMs: localDay(iv.end, 1).getTime() }),
      precision: iv.precision,
      classPrefix: `ev cert-${date.certainty} prec-${iv.precision}`,
    };
    PLACED.set(date, p);
  }
  return p;
}

/**
 * One per drawable event. Tooltip, label and the Date objects are made on first read: of 50,000 events only the few
 * hundred vis-timeline is given ever need them.
 */
class ItemSpec implements TimelineItemSpec {
  readonly id: string;
  readonly group: string;
  readonly type: 'point' | 'range';
  readonly startMs: number;
  readonly endMs?: number;
  readonly precision: Precision;
  readonly certainty: Certainty;
  readonly className: string;
  private cachedTitle: string | null = null;
  private cachedLabel: string | null = null;

  constructor(
    readonly event: ItemEvent,
    private readonly docTitle: string,
    p: Placed,
    colorClass: string,
  ) {
    this.id = event.id;
    this.group = event.doc;
    this.type = p.endMs === undefined ? 'point' : 'range';
    this.startMs = p.startMs;
    if (p.endMs !== undefined) this.endMs = p.endMs;
    this.precision = p.precision;
    this.certainty = event.date.certainty;
    this.className = `${p.classPrefix}${framesFigure(event) ? ' role-context' : ''} ${colorClass}`;
  }

  get start(): Date {
    return new Date(this.startMs);
  }

  get end(): Date | undefined {
    return this.endMs === undefined ? undefined : new Date(this.endMs);
  }

  get label(): string {
    return (this.cachedLabel ??= shortLabel(this.event.label || this.event.text || ''));
  }

  get title(): string {
    return (this.cachedTitle ??= itemTitle(this.event, this.docTitle));
  }
}

export function buildItem(event: ItemEvent, docTitle: string, colorClass: string): TimelineItemSpec | null {
  const p = placed(event.date);
  return p && new ItemSpec(event, docTitle, p, colorClass);
}

export function buildItems(
  events: readonly ChronoEvent[],
  documents: readonly DocumentSummary[],
  colors: ReadonlyMap<string, string>,
): TimelineItemSpec[] {
  const titles = new Map(documents.map((d) => [d.id, d.title || d.file]));
  const items: TimelineItemSpec[] = [];
  for (const e of events) {
    const item = buildItem(e, titles.get(e.doc) ?? e.doc, colors.get(e.doc) ?? 'doc-c0');
    if (item) items.push(item);
  }
  return items;
}
