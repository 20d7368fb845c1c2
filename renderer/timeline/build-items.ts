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
  return `${dateLabel(e)} · ${e.date.certainty}${e.edited ? ' · edited' : ''}\n${(e.text ?? e.label).replace(/\s+/g, ' ').trim()}\n— ${docTitle}`;
}

/** What an item is made of: the timeline's slim event (its label stands in for the sentence) or a full one. */
export type ItemEvent = Pick<ChronoEvent, 'id' | 'doc' | 'label' | 'date' | 'edited'> & { text?: string };

/**
 * One per drawable event. Tooltip and label are made on first read: of 50,000 events only the few hundred
 * vis-timeline is given ever need them.
 */
class ItemSpec implements TimelineItemSpec {
  readonly id: string;
  readonly group: string;
  readonly type: 'point' | 'range';
  readonly start: Date;
  readonly end?: Date;
  readonly precision: Precision;
  readonly certainty: Certainty;
  readonly className: string;
  private cachedTitle: string | null = null;
  private cachedLabel: string | null = null;

  constructor(
    private readonly event: ItemEvent,
    private readonly docTitle: string,
    iv: { start: string; end: string; precision: Precision },
    colorClass: string,
  ) {
    const isPoint = iv.start === iv.end;
    this.id = event.id;
    this.group = event.doc;
    this.type = isPoint ? 'point' : 'range';
    this.start = localDay(iv.start);
    if (!isPoint) this.end = localDay(iv.end, 1);
    this.precision = iv.precision;
    this.certainty = event.date.certainty;
    this.className = `ev cert-${this.certainty} prec-${iv.precision} ${colorClass}`;
  }

  get label(): string {
    return (this.cachedLabel ??= shortLabel(this.event.label || this.event.text || ''));
  }

  get title(): string {
    return (this.cachedTitle ??= itemTitle(this.event, this.docTitle));
  }
}

export function buildItem(event: ItemEvent, docTitle: string, colorClass: string): TimelineItemSpec | null {
  const iv = eventInterval(event);
  if (!iv) return null;
  return new ItemSpec(event, docTitle, iv, colorClass);
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
