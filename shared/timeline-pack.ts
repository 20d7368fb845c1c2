/**
 * The timeline's own view of the events (`timeline:overview`): what the explorer draws, filters and lists, and
 * nothing it can fetch when one event is opened (the sentence, evidence, same-event links, notes: `event:get`; the
 * links alone were a third of a 10,000-article corpus' overview). It crosses the IPC boundary as columns (one array
 * per field, documents, entities and repeated strings as indexes into tables): the 147,076 events of 10,000
 * generated articles went from 119 MB to about 4 MB.
 */
import type { EditedEvent } from './edits';
import type { EventDate } from './model';

/** One event as the timeline needs it. */
export interface TimelineEvent {
  id: string;
  doc: string;
  /** The sentence's span in its document (UTF-16 offsets, end exclusive). */
  start: number;
  end: number;
  /** The event's label, or the start of its sentence when it has none. */
  label: string;
  date: Omit<EventDate, 'evidence'>;
  entities: string[];
  edited: boolean;
  hidden?: boolean;
  /** The date only frames a figure ("in the year ending 31 March 2018"): drawn muted, not as the statement's time. */
  context?: true;
}

/** A label stands in for its sentence on the timeline and in lists: this many characters of it are enough. */
export const LABEL_FROM_TEXT = 120;

/** An event's date as the timeline keeps it: the fields it draws with, set ones only, always in this key order. */
function slimDate(d: TimelineEvent['date']): TimelineEvent['date'] {
  const { value, mod, certainty, start, end, to } = d;
  return { value, ...(mod ? { mod } : {}), certainty, ...(start ? { start } : {}), ...(end ? { end } : {}), ...(to ? { to } : {}) };
}

export function timelineEvent(e: EditedEvent): TimelineEvent {
  const flat = e.label || e.text.replace(/\s+/g, ' ').trim();
  return {
    id: e.id,
    doc: e.doc,
    start: e.start,
    end: e.end,
    label: flat.length > LABEL_FROM_TEXT ? `${flat.slice(0, LABEL_FROM_TEXT - 1).trimEnd()}…` : flat,
    date: slimDate(e.date),
    entities: e.entities,
    edited: e.edited,
    ...(e.hidden ? { hidden: true } : {}),
    ...(e.role === 'context' ? { context: true as const } : {}),
  };
}

/**
 * Events as columns: entry i of every array belongs to event i. What repeats goes once into a table the columns
 * index: labels ("Alipay · launch"), dates (value, modifier, certainty and days: a few thousand distinct among
 * 147,076 events), entity sets. Ids of the usual form `<doc>-e<sentence start>` are left out. The events of 10,000
 * generated articles went from 17 MB of JSON to about 4 MB, and unpacking shares one date object and one entity
 * array among all the events that have them (nobody mutates them), instead of making 147,076 of each.
 */
export interface PackedEvents {
  count: number;
  /** Tables the columns index into. */
  docIds: string[];
  labels: string[];
  dates: Array<TimelineEvent['date']>;
  entitySets: string[][];
  /** The event's id, or '' when it is `${docIds[doc]}-e${start}`. */
  id: string[];
  doc: number[];
  /** start, end of each sentence, flattened. */
  span: number[];
  /** Index into `labels`. */
  label: number[];
  /** Index into `dates`. */
  date: number[];
  /** Index into `entitySets`. */
  entities: number[];
  /** Bits: 1 edited, 2 hidden, 4 context. */
  flags: number[];
}

const EDITED = 1;
const HIDDEN = 2;
const CONTEXT = 4;

/** An id the packed form leaves out: derived from the document and the sentence start. */
const usualId = (doc: string, start: number): string => `${doc}-e${start}`;

/** Index of `key` in a table being built, adding it (with `value`) when new. */
function intern<T>(index: Map<string, number>, table: T[], key: string, value: T): number {
  let i = index.get(key);
  if (i === undefined) {
    index.set(key, (i = table.length));
    table.push(value);
  }
  return i;
}

export function packEvents(events: readonly TimelineEvent[]): PackedEvents {
  const p: PackedEvents = { count: events.length, docIds: [], labels: [], dates: [], entitySets: [], id: [], doc: [], span: [], label: [], date: [], entities: [], flags: [] };
  const docs = new Map<string, number>();
  const labels = new Map<string, number>();
  const dates = new Map<string, number>();
  const sets = new Map<string, number>();
  for (const e of events) {
    // Equal dates give equal keys: the same fields in the same order.
    const date = slimDate(e.date);
    p.id.push(e.id === usualId(e.doc, e.start) ? '' : e.id);
    p.doc.push(intern(docs, p.docIds, e.doc, e.doc));
    p.span.push(e.start, e.end);
    p.label.push(intern(labels, p.labels, e.label, e.label));
    p.date.push(intern(dates, p.dates, JSON.stringify(date), date));
    // Ids are catalog slugs: no commas.
    p.entities.push(intern(sets, p.entitySets, e.entities.join(','), [...e.entities]));
    p.flags.push((e.edited ? EDITED : 0) | (e.hidden ? HIDDEN : 0) | (e.context ? CONTEXT : 0));
  }
  return p;
}

export function unpackEvents(p: PackedEvents): TimelineEvent[] {
  const out = new Array<TimelineEvent>(p.count);
  for (let i = 0; i < p.count; i++) {
    const flags = p.flags[i]!;
    const doc = p.docIds[p.doc[i]!]!;
    const start = p.span[2 * i]!;
    out[i] = {
      id: p.id[i] || usualId(doc, start),
      doc,
      start,
      end: p.span[2 * i + 1]!,
      label: p.labels[p.label[i]!]!,
      date: p.dates[p.date[i]!]!,
      entities: p.entitySets[p.entities[i]!]!,
      edited: (flags & EDITED) !== 0,
      ...(flags & HIDDEN ? { hidden: true } : {}),
      ...(flags & CONTEXT ? { context: true as const } : {}),
    };
  }
  return out;
}
