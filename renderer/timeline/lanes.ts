/**
 * Lanes (vis-timeline groups) and colours. An event sits in exactly one lane, so its item id stays the event id
 * (the `data-event-id` hook and selection never need to tell copies apart); by entity that lane is the event's
 * first entity, the one its label names.
 */
import type { DocumentSummary } from '../../shared/ipc/contract';
import type { ChronoEvent, Lang } from '../../shared/model';

/** What lanes and colours read of an event (the timeline's slim events and full ones both have it). */
export type LaneEvent = Pick<ChronoEvent, 'doc' | 'entities'>;
import { DOC_COLOR_COUNT } from './doc-colors';

export type LaneMode = 'document' | 'entity' | 'language' | 'none';
export type ColorMode = 'document' | 'entity';
export const LANE_MODES: readonly LaneMode[] = ['document', 'entity', 'language', 'none'];
export const COLOR_MODES: readonly ColorMode[] = ['document', 'entity'];

/** vis-timeline lays out every group on every redraw: beyond this many, the smallest lanes share one. */
export const MAX_LANES = 30;
/** Entities with their own colour; the rest share the last (grey) one. */
const ENTITY_COLORS = DOC_COLOR_COUNT - 1;

export interface Lane {
  id: string;
  title: string;
  /** Second line under the title (publication date, counts). */
  meta: string;
  colorClass: string;
  /** For document lanes: the document, so the label can show its language and publication date. */
  doc?: DocumentSummary;
  count: number;
}

export interface LaneLayout {
  lanes: Lane[];
  laneOf: (e: LaneEvent) => string;
  colorOf: (e: LaneEvent) => string;
  /** Legend entries for the colour mode: swatch class and name. */
  legend: Array<{ colorClass: string; label: string; title: string }>;
}

const LANG_NAMES: Record<Lang, string> = { ar: 'Arabic', de: 'German', fr: 'French', en: 'English', und: 'Undetermined' };
export const langName = (l: string): string => LANG_NAMES[l as Lang] ?? l;

/** "ant-financial" → "Ant Financial": catalog ids are slugs of the entity's name. */
export function entityLabel(id: string, names?: ReadonlyMap<string, string>): string {
  const known = names?.get(id);
  if (known) return known;
  return id
    .split(/[-_]/)
    .filter(Boolean)
    .map((w) => (['of', 'the', 'de', 'la'].includes(w) ? w : w[0]!.toUpperCase() + w.slice(1)))
    .join(' ');
}

/** Entity ids by how many events name them (most first), ties by id. */
export function entityCounts(events: readonly LaneEvent[]): Array<{ id: string; count: number }> {
  const counts = new Map<string, number>();
  for (const e of events) {
    const ids = e.entities;
    // An event names an entity once however often it is mentioned (no Set per event: 50,000 events at start-up).
    for (let i = 0; i < ids.length; i++) if (ids.indexOf(ids[i]!) === i) counts.set(ids[i]!, (counts.get(ids[i]!) ?? 0) + 1);
  }
  return [...counts].map(([id, count]) => ({ id, count })).sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1));
}

/** Documents in publication order (unknown dates last), so lanes read top-down like the corpus' own chronology. */
export function sortDocuments(documents: readonly DocumentSummary[]): DocumentSummary[] {
  let sorted = SORTED_DOCUMENTS.get(documents);
  if (!sorted) {
    // ISO dates order as plain strings; titles and ids (ties only) by one collator, which is what `localeCompare`
    // sets up on every call (10,000 documents: ~45 ms a sort that way).
    const { compare } = new Intl.Collator();
    const day = (d: DocumentSummary): string => d.published.value ?? '9999';
    sorted = [...documents].sort((a, b) => (day(a) < day(b) ? -1 : day(a) > day(b) ? 1 : compare(a.title, b.title) || compare(a.id, b.id)));
    SORTED_DOCUMENTS.set(documents, sorted);
  }
  return [...sorted];
}
/** Lanes and colours are laid out several times over the same documents at start-up: sorted once per array. */
const SORTED_DOCUMENTS = new WeakMap<readonly DocumentSummary[], DocumentSummary[]>();

export const OTHER_LANE = '~other';
export const NO_ENTITY_LANE = '~none';
export const ALL_LANE = '~all';

export function layoutLanes(
  mode: LaneMode,
  colorMode: ColorMode,
  events: readonly LaneEvent[],
  documents: readonly DocumentSummary[],
  entityNames?: ReadonlyMap<string, string>,
): LaneLayout {
  const docs = sortDocuments(documents);
  const docColor = new Map(docs.map((d, i) => [d.id, `doc-c${i % DOC_COLOR_COUNT}`]));
  // Only entity colours and entity lanes need the counts (a pass over every event).
  const ranked = colorMode === 'entity' || mode === 'entity' ? entityCounts(events) : [];
  const entityColor = new Map(ranked.map((x, i) => [x.id, `doc-c${i < ENTITY_COLORS ? i : ENTITY_COLORS}`]));
  const colorOf =
    colorMode === 'entity'
      ? (e: LaneEvent): string => (e.entities[0] !== undefined ? (entityColor.get(e.entities[0]) ?? `doc-c${ENTITY_COLORS}`) : 'no-color')
      : (e: LaneEvent): string => docColor.get(e.doc) ?? 'doc-c0';

  const legend =
    colorMode === 'entity'
      ? [
          ...ranked.slice(0, ENTITY_COLORS).map((x) => ({ colorClass: entityColor.get(x.id)!, label: entityLabel(x.id, entityNames), title: `${entityLabel(x.id, entityNames)}: ${x.count} events` })),
          ...(ranked.length > ENTITY_COLORS ? [{ colorClass: `doc-c${ENTITY_COLORS}`, label: `${ranked.length - ENTITY_COLORS} more entities`, title: 'Other entities' }] : []),
        ]
      : [
          // Document colours repeat after DOC_COLOR_COUNT: a corpus of 10,000 articles gets a legend line, not 10,000
          // entries (which cost seconds of layout on every redraw).
          ...docs.slice(0, DOC_COLOR_COUNT).map((d) => ({ colorClass: docColor.get(d.id)!, label: d.title || d.file, title: `${d.title} (${d.file})` })),
          ...(docs.length > DOC_COLOR_COUNT ? [{ colorClass: '', label: `${(docs.length - DOC_COLOR_COUNT).toLocaleString('en-US')} more documents`, title: 'Colours repeat; each lane label shows its document' }] : []),
        ];

  const count = (key: (e: LaneEvent) => string): Map<string, number> => {
    const m = new Map<string, number>();
    for (const e of events) m.set(key(e), (m.get(key(e)) ?? 0) + 1);
    return m;
  };

  if (mode === 'none') {
    return { lanes: [{ id: ALL_LANE, title: 'All events', meta: `${events.length} events`, colorClass: '', count: events.length }], laneOf: () => ALL_LANE, colorOf, legend };
  }
  if (mode === 'language') {
    const docLang = new Map(docs.map((d) => [d.id, d.lang]));
    const langs = (['ar', 'de', 'fr', 'en', 'und'] as Lang[]).filter((l) => docs.some((d) => d.lang === l));
    const recount = count((e) => docLang.get(e.doc) ?? 'und');
    return {
      lanes: langs.map((l) => ({ id: `lang:${l}`, title: langName(l), meta: `${l.toUpperCase()} · ${recount.get(l) ?? 0} events`, colorClass: '', count: recount.get(l) ?? 0 })),
      laneOf: (e) => `lang:${docLang.get(e.doc) ?? 'und'}`,
      colorOf,
      legend,
    };
  }
  if (mode === 'entity') {
    const primary = count((e) => e.entities[0] ?? NO_ENTITY_LANE);
    const own = ranked.filter((x) => primary.has(x.id)).sort((a, b) => primary.get(b.id)! - primary.get(a.id)! || (a.id < b.id ? -1 : 1));
    const kept = new Set(own.slice(0, MAX_LANES - 2).map((x) => x.id));
    const otherCount = own.filter((x) => !kept.has(x.id)).reduce((s, x) => s + primary.get(x.id)!, 0);
    const lanes: Lane[] = [...kept].map((id) => ({
      id: `ent:${id}`,
      title: entityLabel(id, entityNames),
      meta: `${primary.get(id)} events`,
      colorClass: entityColor.get(id) ?? '',
      count: primary.get(id)!,
    }));
    if (otherCount > 0) lanes.push({ id: OTHER_LANE, title: 'Other entities', meta: `${otherCount} events`, colorClass: '', count: otherCount });
    if (primary.has(NO_ENTITY_LANE)) lanes.push({ id: NO_ENTITY_LANE, title: 'No entity', meta: `${primary.get(NO_ENTITY_LANE)} events`, colorClass: '', count: primary.get(NO_ENTITY_LANE)! });
    return {
      lanes,
      laneOf: (e) => (e.entities[0] === undefined ? NO_ENTITY_LANE : kept.has(e.entities[0]) ? `ent:${e.entities[0]}` : OTHER_LANE),
      colorOf,
      legend,
    };
  }
  // By document. Documents without events keep their lane (their date may be what needs fixing).
  const perDoc = count((e) => e.doc);
  let shown = docs;
  let other = new Set<string>();
  if (docs.length > MAX_LANES) {
    const biggest = new Set([...docs].sort((a, b) => (perDoc.get(b.id) ?? 0) - (perDoc.get(a.id) ?? 0)).slice(0, MAX_LANES - 1).map((d) => d.id));
    shown = docs.filter((d) => biggest.has(d.id));
    other = new Set(docs.filter((d) => !biggest.has(d.id)).map((d) => d.id));
  }
  const lanes: Lane[] = shown.map((d) => ({ id: d.id, title: d.title || d.file, meta: '', colorClass: docColor.get(d.id)!, doc: d, count: perDoc.get(d.id) ?? 0 }));
  if (other.size > 0) {
    const n = [...other].reduce((s, id) => s + (perDoc.get(id) ?? 0), 0);
    lanes.push({ id: OTHER_LANE, title: `${other.size} more documents`, meta: `${n} events`, colorClass: '', count: n });
  }
  return { lanes, laneOf: (e) => (other.has(e.doc) ? OTHER_LANE : e.doc), colorOf, legend };
}
