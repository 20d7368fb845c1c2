import type { DocumentSummary } from '../../shared/ipc/contract';
import type { Certainty, ChronoEvent } from '../../shared/model';
import { applyMod, formatTimex, timexInterval, type Precision } from '../../shared/timex';

export interface TimelineItemSpec {
  id: string;
  group: string;
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
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(y, m - 1, d + plusDays);
  // Years 0–99 would be read as 1900–1999 by the constructor.
  if (y < 100) date.setFullYear(y);
  return date;
}

export function shortLabel(label: string, max = MAX_LABEL): string {
  const flat = label.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

export function dateLabel(event: Pick<ChronoEvent, 'date'>): string {
  return formatTimex(event.date.value, event.date.mod);
}

/**
 * The days an event covers, narrowed by its modifier; null for dates with unknown parts (not drawable). A range
 * date ("from May to July", optional `to`) runs to the last day of its end value.
 */
export function eventInterval(event: Pick<ChronoEvent, 'date'>): { start: string; end: string; precision: Precision } | null {
  const iv = timexInterval(event.date.value);
  if (!iv) return null;
  const from = applyMod(iv, event.date.mod);
  const to = (event.date as { to?: string }).to;
  const until = to ? timexInterval(to) : null;
  if (!until || until.end < from.start) return from;
  return { start: from.start, end: until.end, precision: from.precision };
}

export function buildItem(event: ChronoEvent, docTitle: string, colorClass: string): TimelineItemSpec | null {
  const iv = eventInterval(event);
  if (!iv) return null;
  const certainty = event.date.certainty;
  const isPoint = iv.start === iv.end;
  const title = `${dateLabel(event)} · ${certainty}${event.edited ? ' · edited' : ''}\n${event.text.replace(/\s+/g, ' ').trim()}\n— ${docTitle}`;
  return {
    id: event.id,
    group: event.doc,
    type: isPoint ? 'point' : 'range',
    start: localDay(iv.start),
    ...(isPoint ? {} : { end: localDay(iv.end, 1) }),
    precision: iv.precision,
    certainty,
    label: shortLabel(event.label || event.text),
    title,
    className: ['ev', `cert-${certainty}`, `prec-${iv.precision}`, colorClass].join(' '),
  };
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
