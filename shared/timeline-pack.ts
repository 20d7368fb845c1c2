/**
 * The timeline's own view of the events (`timeline:overview`): what the explorer draws, filters and lists, and
 * nothing it can fetch when one event is opened (the sentence, evidence, same-event links, notes: `event:get`; the
 * links alone were a third of a 10,000-article corpus' overview). It crosses the IPC boundary as columns (one array
 * per field, documents and entities as indexes into tables): 50,000 events went from 16.7 MB to about 5 MB, and the
 * 147,076 events of 10,000 generated articles from 119 MB to 20 MB.
 */
import type { EditedEvent } from './edits';
import type { Certainty, EventDate, TimexMod } from './model';

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
}

/** A label stands in for its sentence on the timeline and in lists: this many characters of it are enough. */
export const LABEL_FROM_TEXT = 120;

export function timelineEvent(e: EditedEvent): TimelineEvent {
  const { value, mod, certainty, start, end, to } = e.date;
  const flat = e.label || e.text.replace(/\s+/g, ' ').trim();
  return {
    id: e.id,
    doc: e.doc,
    start: e.start,
    end: e.end,
    label: flat.length > LABEL_FROM_TEXT ? `${flat.slice(0, LABEL_FROM_TEXT - 1).trimEnd()}…` : flat,
    date: { value, ...(mod ? { mod } : {}), certainty, ...(start ? { start } : {}), ...(end ? { end } : {}), ...(to ? { to } : {}) },
    entities: e.entities,
    edited: e.edited,
    ...(e.hidden ? { hidden: true } : {}),
  };
}

const MODS: ReadonlyArray<TimexMod | ''> = ['', 'START', 'MID', 'END', 'APPROX', 'BEFORE', 'AFTER'];
const CERTAINTIES: readonly Certainty[] = ['stated', 'inferred', 'uncertain'];
const EDITED = 1;
const HIDDEN = 2;

/** Events as columns: entry i of every array belongs to event i. */
export interface PackedEvents {
  count: number;
  /** Tables the columns index into. */
  docIds: string[];
  entityIds: string[];
  id: string[];
  doc: number[];
  /** start, end of each sentence, flattened. */
  span: number[];
  label: string[];
  value: string[];
  /** Index into MODS (0: none). */
  mod: number[];
  /** Index into CERTAINTIES. */
  certainty: number[];
  /** First day covered, '' for dates with unknown parts. */
  first: string[];
  /** Last day covered, '' when it is the first day (or unknown). */
  last: string[];
  /** Entity indexes per event. */
  entities: number[][];
  /** Bits: 1 edited, 2 hidden. */
  flags: number[];
  /** Rare fields, by event index. */
  to: Record<number, string>;
}

export function packEvents(events: readonly TimelineEvent[]): PackedEvents {
  const docIndex = new Map<string, number>();
  const entityIndex = new Map<string, number>();
  const indexOf = (m: Map<string, number>, key: string): number => {
    let i = m.get(key);
    if (i === undefined) m.set(key, (i = m.size));
    return i;
  };
  const p: PackedEvents = { count: events.length, docIds: [], entityIds: [], id: [], doc: [], span: [], label: [], value: [], mod: [], certainty: [], first: [], last: [], entities: [], flags: [], to: {} };
  events.forEach((e, i) => {
    p.id.push(e.id);
    p.doc.push(indexOf(docIndex, e.doc));
    p.span.push(e.start, e.end);
    p.label.push(e.label);
    p.value.push(e.date.value);
    p.mod.push(Math.max(0, MODS.indexOf(e.date.mod ?? '')));
    p.certainty.push(Math.max(0, CERTAINTIES.indexOf(e.date.certainty)));
    p.first.push(e.date.start ?? '');
    p.last.push(e.date.end && e.date.end !== e.date.start ? e.date.end : '');
    p.entities.push(e.entities.map((id) => indexOf(entityIndex, id)));
    p.flags.push((e.edited ? EDITED : 0) | (e.hidden ? HIDDEN : 0));
    if (e.date.to) p.to[i] = e.date.to;
  });
  p.docIds = [...docIndex.keys()];
  p.entityIds = [...entityIndex.keys()];
  return p;
}

export function unpackEvents(p: PackedEvents): TimelineEvent[] {
  const out = new Array<TimelineEvent>(p.count);
  for (let i = 0; i < p.count; i++) {
    const mod = MODS[p.mod[i]!];
    const first = p.first[i]!;
    const to = p.to[i];
    const date: TimelineEvent['date'] = { value: p.value[i]!, ...(mod ? { mod } : {}), certainty: CERTAINTIES[p.certainty[i]!]!, ...(first ? { start: first, end: p.last[i] || first } : {}), ...(to ? { to } : {}) };
    const flags = p.flags[i]!;
    out[i] = {
      id: p.id[i]!,
      doc: p.docIds[p.doc[i]!]!,
      start: p.span[2 * i]!,
      end: p.span[2 * i + 1]!,
      label: p.label[i]!,
      date,
      entities: p.entities[i]!.map((k) => p.entityIds[k]!),
      edited: (flags & EDITED) !== 0,
      ...(flags & HIDDEN ? { hidden: true } : {}),
    };
  }
  return out;
}
