/**
 * The explorer's calls over the effective events (machine events with edits applied): the packed overview the
 * timeline draws, one event in full, and full-text search. Each is derived once per state of the store (the
 * repository memoises the effective events until either side changes) and reused until it changes again.
 */
import type { TimelineData, TimelineOverviewWire } from '../../shared/ipc/contract';
import type { EditedEvent } from '../../shared/edits';
import { packEvents, timelineEvent } from '../../shared/timeline-pack';
import { matchesTerms, normalizeText, queryTerms } from '../../renderer/search/normalize-text';
import { sortEventsByTime } from '../../renderer/event-pane/event-order';

interface Derived {
  overview?: TimelineOverviewWire['events'];
  byId?: Map<string, EditedEvent>;
  /** Folded "label sentence" per event, in event order. */
  haystacks?: string[];
}

export class TimelineViews {
  /** Keyed by the effective events array: a new array means the store changed. */
  private readonly derived = new WeakMap<readonly EditedEvent[], Derived>();

  constructor(private readonly timeline: () => TimelineData) {}

  private of(events: readonly EditedEvent[]): Derived {
    let d = this.derived.get(events);
    if (!d) this.derived.set(events, (d = {}));
    return d;
  }

  overview(): TimelineOverviewWire {
    const data = this.timeline();
    const d = this.of(data.events);
    // In time order (the explorer's order): its sort then finds sorted input, and the lane index needs no sort.
    d.overview ??= packEvents(sortEventsByTime(data.events).map(timelineEvent));
    return { ...data, events: d.overview };
  }

  event(id: string): EditedEvent | null {
    const events = this.timeline().events;
    const d = this.of(events);
    d.byId ??= new Map(events.map((e) => [e.id, e]));
    return d.byId.get(id) ?? null;
  }

  /** Ids of the events whose label and sentence contain every term of the query (folded); all ids for no terms. */
  search(query: string): string[] {
    const events = this.timeline().events;
    const terms = queryTerms(query);
    if (terms.length === 0) return events.map((e) => e.id);
    const d = this.of(events);
    d.haystacks ??= events.map((e) => normalizeText(`${e.label} ${e.text}`));
    const hay = d.haystacks;
    const ids: string[] = [];
    for (let i = 0; i < events.length; i++) if (matchesTerms(hay[i]!, terms)) ids.push(events[i]!.id);
    return ids;
  }
}
