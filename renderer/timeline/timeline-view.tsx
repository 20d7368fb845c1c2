import { useEffect, useMemo, useRef } from 'react';
import { DataSet } from 'vis-data/esnext';
import { Timeline, type DataItem, type TimelineOptions } from 'vis-timeline/esnext';
import { isTyping } from '../search/search-box';
import type { TimelineItemSpec } from './build-items';
import type { Lane } from './lanes';
import { clusterElement, groupElement, itemElement, laneElement } from './timeline-dom';
import { buildLaneIndex, DEFAULT_SLICE, diffShown, shownSignature, visibleSlice, type LaneIndex, type Shown } from './visible-slice';

type Item = DataItem & { id: string; kind: 'event' | 'cluster'; label?: string; certainty?: string; count?: number; bins?: number[] };
type Group = { id: string; content: string; order: number; lane: Lane };

/** Where the timeline opens when nothing was remembered and there is nothing to fit. */
export const INITIAL_WINDOW = { start: new Date(2016, 0, 1), end: new Date(2021, 11, 31, 23, 59, 59) };

/** Labelled events drawn at most over all lanes before lanes cluster (each lane still draws at least 6). */
const MAX_DRAWN = 360;

/** Windows this narrow draw every event (clusters must open somewhere); zoomMin is 2 days. */
const FULL_DETAIL_MS = 4 * 86_400_000;

export interface TimeWindow {
  start: number;
  end: number;
}

interface Props {
  /** Drawable events after filters and search. */
  items: readonly TimelineItemSpec[];
  lanes: readonly Lane[];
  laneOf: (item: TimelineItemSpec) => string;
  selectedId: string | null;
  /** Bumped to bring the selected item into view even when it was already selected. */
  revealToken: number;
  onSelect: (id: string | null) => void;
  /** Where to open (remembered from last time), or null to fit the events by whole years. */
  initialWindow: TimeWindow | null;
  onWindowChange?: (w: TimeWindow) => void;
  /**
   * The full tooltip of an event (with its sentence, which the timeline's overview does not carry), fetched when the
   * pointer first rests on it; until then the tooltip shows the label.
   */
  fullTitle?: (id: string) => Promise<string>;
  /** Called after every data update with what vis-timeline was given (for the bench and status line). */
  onSliceChange?: (shown: { events: number; clusters: number; clustered: number }) => void;
}

/** Whole years around the events: the sample corpus opens on 2016 … 2021. */
export function fitWindow(items: readonly TimelineItemSpec[]): TimeWindow {
  if (items.length === 0) return { start: INITIAL_WINDOW.start.getTime(), end: INITIAL_WINDOW.end.getTime() };
  let lo = Infinity;
  let hi = -Infinity;
  for (const i of items) {
    lo = Math.min(lo, i.startMs);
    hi = Math.max(hi, i.endMs ?? i.startMs);
  }
  const y0 = new Date(lo).getFullYear();
  const y1 = new Date(hi - 1).getFullYear();
  return { start: new Date(y0, 0, 1).getTime(), end: new Date(Math.max(y1, y0), 11, 31, 23, 59, 59).getTime() };
}

/**
 * vis-timeline puts a string tooltip into the page with innerHTML (after its own xss filter), so article text would be
 * parsed as markup; an Element is appended as is. The tooltip is therefore an element holding plain text.
 */
function textTooltip(text: string): string {
  const el = document.createElement('div');
  el.className = 'tooltip-text';
  el.dir = 'auto';
  el.textContent = text;
  // DataItem types `title` as a string; vis-timeline's Popup.setText also takes an Element.
  return el as unknown as string;
}

function toItem(s: Shown, tooltip: (id: string, text: string) => string = (_, text) => textTooltip(text)): Item {
  if (s.kind === 'cluster') {
    return {
      id: s.id,
      kind: 'cluster',
      group: s.lane,
      type: 'range',
      start: new Date(s.start),
      end: new Date(s.end),
      content: '',
      className: 'cluster',
      title: `${s.count.toLocaleString('en-US')} events (${new Date(s.start).toLocaleDateString('en-GB')} – ${new Date(s.end).toLocaleDateString('en-GB')}). Click to zoom in.`,
      count: s.count,
      bins: s.bins,
    };
  }
  const i = s.item.spec;
  return {
    id: i.id,
    kind: 'event',
    group: s.item.lane,
    type: i.type,
    start: i.start,
    ...(i.end ? { end: i.end } : {}),
    content: '',
    title: tooltip(i.id, i.title),
    className: s.compact ? `${i.className} compact` : i.className,
    label: i.label,
    certainty: i.certainty,
  };
}

export function TimelineView({ items, lanes, laneOf, selectedId, revealToken, onSelect, initialWindow, onWindowChange, onSliceChange, fullTitle }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const timeline = useRef<Timeline | null>(null);
  const data = useRef<DataSet<Item, 'id'> | null>(null);
  const groups = useRef<DataSet<Group, 'id'> | null>(null);
  /** What vis-timeline holds now: id → signature. */
  const held = useRef(new Map<string, string>());
  /** Tooltip elements of the events held, so a hover can put the sentence into the one vis-timeline shows. */
  const tips = useRef(new Map<string, HTMLElement>());
  const scheduled = useRef(0);
  const index = useMemo(() => buildLaneIndex(items, laneOf), [items, laneOf]);
  const indexRef = useRef<LaneIndex>(index);
  const selected = useRef(selectedId);
  const callbacks = useRef({ onSelect, onWindowChange, onSliceChange, fullTitle });
  // Computed once (a useRef argument would scan every item on every render).
  const opening = useRef<TimeWindow | null>(null);
  if (opening.current === null) opening.current = initialWindow ?? fitWindow(items);
  /** Width of the drawing area, px, kept by a ResizeObserver: reading it in an update would force a layout. */
  const widthPx = useRef(1000);
  /** The inputs of the last slice: an unchanged window needs no new slice (rangechange and rangechanged both fire). */
  const lastSlice = useRef<{ from: number; to: number; width: number; pinned: string | null; index: LaneIndex } | null>(null);

  useEffect(() => {
    callbacks.current = { onSelect, onWindowChange, onSliceChange, fullTitle };
  }, [onSelect, onWindowChange, onSliceChange, fullTitle]);

  /** Recomputes the slice for the current window and applies the difference. */
  const update = useRef((): void => {
    const tl = timeline.current;
    const ds = data.current;
    if (!tl || !ds) return;
    const w = tl.getWindow();
    const width = widthPx.current;
    const from = w.start.getTime();
    const to = w.end.getTime();
    const last = lastSlice.current;
    if (last && last.from === from && last.to === to && last.width === width && last.pinned === selected.current && last.index === indexRef.current) return;
    lastSlice.current = { from, to, width, pinned: selected.current, index: indexRef.current };
    const shown = visibleSlice(indexRef.current, {
      ...DEFAULT_SLICE,
      // About one fully labelled event per 28 px of timeline per lane before a lane clusters; at the deepest zoom
      // (a few days) nothing is clustered any more, so every event can be reached on the timeline itself.
      // Many lanes share MAX_DRAWN: vis-timeline lays out and measures every item it holds on each redraw, so 30
      // lanes of 40 labelled events (a 10,000-article corpus) cost seconds where 8 lanes of 40 do not.
      budget: to - from <= FULL_DETAIL_MS ? Number.POSITIVE_INFINITY : Math.max(6, Math.min(Math.round(width / 28), Math.floor(MAX_DRAWN / Math.max(1, indexRef.current.lanes.size)))),
      from,
      to,
      widthPx: width,
      pinned: selected.current,
    });
    const { remove, add, update: changed } = diffShown(held.current, shown);
    const tooltip = (id: string, text: string): string => {
      const el = textTooltip(text);
      tips.current.set(id, el as unknown as HTMLElement);
      return el;
    };
    if (remove.length) {
      ds.remove(remove);
      for (const id of remove) tips.current.delete(id);
    }
    if (add.length) {
      if (held.current.size === 0 && !performance.getEntriesByName('chronolens:first-items').length) performance.mark('chronolens:first-items');
      ds.add(add.map((s) => toItem(s, tooltip)));
    }
    if (changed.length) ds.update(changed.map((s) => toItem(s, tooltip)));
    for (const id of remove) held.current.delete(id);
    for (const s of add) held.current.set(s.id, shownSignature(s));
    for (const s of changed) held.current.set(s.id, shownSignature(s));
    if (remove.length || add.length) {
      const sel = selected.current;
      tl.setSelection(sel && held.current.has(sel) ? [sel] : []);
    }
    let clusters = 0;
    let clustered = 0;
    for (const s of shown) {
      if (s.kind !== 'cluster') continue;
      clusters += 1;
      clustered += s.count;
    }
    callbacks.current.onSliceChange?.({ events: shown.length - clusters, clusters, clustered });
  });
  const schedule = useRef((): void => {
    if (scheduled.current) return;
    scheduled.current = requestAnimationFrame(() => {
      scheduled.current = 0;
      update.current();
    });
  });

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const ds = new DataSet<Item, 'id'>();
    const gs = new DataSet<Group, 'id'>();
    const options: TimelineOptions = {
      // No start/end here: with them vis-timeline measures every item alone at construction (quadratic start-up).
      height: '100%',
      orientation: { axis: 'top', item: 'top' },
      stack: true,
      editable: false,
      selectable: true,
      multiselect: false,
      showCurrentTime: false,
      groupOrder: 'order',
      verticalScroll: true,
      zoomKey: 'ctrlKey',
      zoomMin: 2 * 86_400_000,
      zoomMax: 200 * 365 * 86_400_000,
      margin: { item: { horizontal: 4, vertical: 4 }, axis: 6 },
      tooltip: { followMouse: false, overflowMethod: 'flip', delay: 250 },
      template: (item?: Item) => (!item ? document.createElement('span') : item.kind === 'cluster' ? clusterElement({ count: item.count ?? 0, bins: item.bins ?? [] }) : itemElement({ id: item.id, label: item.label ?? '', certainty: item.certainty ?? '' })),
      groupTemplate: (group?: Group) => (!group ? document.createElement('span') : group.lane.doc ? groupElement(group.lane.doc, group.lane.colorClass) : laneElement(group.lane)),
      // The first real draw otherwise waits for vis-timeline's ~1 s resize poll.
      onInitialDrawComplete: () => timeline.current?.redraw(),
    } as TimelineOptions;
    performance.mark('chronolens:timeline-create');
    const tl = new Timeline(el, ds as never, gs as never, options);
    timeline.current = tl;
    // For the bench (bench/explorer-bench.ts), which times vis-timeline's own 'changed' events in the page.
    Object.defineProperty(el, 'visTimeline', { value: tl, configurable: true });
    data.current = ds;
    groups.current = gs;
    const open = opening.current!;
    tl.setWindow(open.start, open.end, { animation: false });
    // vis-timeline fits all items on its first 'changed' event when no start/end option was given, overriding the
    // window set above; our listener runs right after that fit, in the same event, so nothing flashes. (Skipping the
    // fit instead, by its internal flag, saves two slices but leaves lanes below the fold without items until they
    // are scrolled to: vis-timeline only draws the items of groups it has seen in view.)
    const keepWindow = (): void => {
      tl.off('changed', keepWindow);
      tl.setWindow(open.start, open.end, { animation: false });
    };
    tl.on('changed', keepWindow);
    // The slice is applied right in the range change, before vis-timeline's (animation-frame throttled) redraw: one
    // redraw per step draws the new window with its new items, instead of the old items first and the new next frame.
    tl.on('rangechange', () => update.current());
    tl.on('rangechanged', () => {
      update.current();
      const w = tl.getWindow();
      callbacks.current.onWindowChange?.({ start: w.start.getTime(), end: w.end.getTime() });
    });
    tl.on('select', (props?: { items?: Array<string | number> }) => {
      const id = props?.items?.[0];
      if (typeof id === 'string' && id.startsWith('cluster:')) {
        // Clusters are not selectable things: keep the selected event selected (the click handler zooms).
        const sel = selected.current;
        tl.setSelection(sel && held.current.has(sel) ? [sel] : []);
        return;
      }
      callbacks.current.onSelect(id === undefined ? null : String(id));
    });
    // The sentence goes into an event's tooltip when the pointer first rests on it (the tooltip shows after 250 ms).
    tl.on('itemover', (props?: { item?: string | number }) => {
      const id = props?.item;
      const el = typeof id === 'string' ? tips.current.get(id) : undefined;
      const load = callbacks.current.fullTitle;
      if (!el || !load || el.dataset.full) return;
      el.dataset.full = 'loading';
      load(id as string).then(
        (text) => {
          el.textContent = text;
          el.dataset.full = 'yes';
        },
        () => delete el.dataset.full,
      );
    });
    // A cluster opens where it was clicked: a quarter of the window around that instant, or the cluster's own span
    // when that is narrower.
    tl.on('click', (props?: { item?: string | number | null; time?: Date }) => {
      const id = props?.item;
      if (typeof id !== 'string' || !id.startsWith('cluster:') || !props?.time) return;
      const item = ds.get(id);
      if (!item?.end) return;
      const a = new Date(item.start as Date).getTime();
      const b = new Date(item.end as Date).getTime();
      const w = tl.getWindow();
      const width = Math.min((w.end.getTime() - w.start.getTime()) / 4, (b - a) * 1.1);
      const at = props.time.getTime();
      tl.setWindow(at - width / 2, at + width / 2, { animation: false });
    });

    // vis-timeline scrolls groups by offsetting its content, but the browser can scroll the clipped centre panel
    // natively (scrollIntoView, focus, find-in-page), which leaves the group labels misaligned with their rows.
    // Hand such a scroll to the label panel, whose scroll events vis-timeline does follow.
    const center = el.querySelector<HTMLElement>('.vis-panel.vis-center');
    const left = el.querySelector<HTMLElement>('.vis-panel.vis-left');
    const onNativeScroll = (): void => {
      if (!center) return;
      const dy = center.scrollTop;
      center.scrollLeft = 0;
      if (dy === 0) return;
      center.scrollTop = 0;
      if (left) left.scrollTop += dy;
    };
    center?.addEventListener('scroll', onNativeScroll);
    const resized = new ResizeObserver(() => {
      const width = center?.clientWidth;
      if (!width || width === widthPx.current) return;
      widthPx.current = width;
      schedule.current();
    });
    if (center) {
      widthPx.current = center.clientWidth || widthPx.current;
      resized.observe(center);
    }
    const heldNow = held.current;
    return () => {
      center?.removeEventListener('scroll', onNativeScroll);
      resized.disconnect();
      cancelAnimationFrame(scheduled.current);
      scheduled.current = 0;
      tl.destroy();
      heldNow.clear();
      timeline.current = null;
      data.current = null;
      groups.current = null;
    };
  }, []);

  // Lanes: few, so replaced wholesale (items keep their ids and move with their group id).
  useEffect(() => {
    const gs = groups.current;
    if (!gs) return;
    const next = lanes.map((lane, order) => ({ id: lane.id, content: lane.title, order, lane }));
    const keep = new Set(next.map((g) => g.id));
    gs.remove(gs.getIds().filter((id) => !keep.has(String(id))));
    gs.update(next);
  }, [lanes]);

  useEffect(() => {
    indexRef.current = index;
    // Items that changed lane keep their id but must move: drop them so the diff re-adds them in their new lane.
    const ds = data.current;
    if (ds) {
      const moved: string[] = [];
      for (const id of held.current.keys()) {
        const it = index.byId.get(id);
        if (it && ds.get(id)?.group !== it.lane) moved.push(id);
      }
      if (moved.length) {
        ds.remove(moved);
        for (const id of moved) held.current.delete(id);
      }
    }
    update.current();
  }, [index]);

  useEffect(() => {
    selected.current = selectedId;
    const tl = timeline.current;
    if (!tl) return;
    const item = selectedId ? index.byId.get(selectedId) : undefined;
    if (item) {
      // Move only when the event is off-screen, keeping the researcher's zoom level.
      const w = tl.getWindow();
      if (item.e < w.start.getTime() || item.s > w.end.getTime()) tl.moveTo(new Date((item.s + item.e) / 2), { animation: false });
    }
    update.current();
    tl.setSelection(selectedId && held.current.has(selectedId) ? [selectedId] : []);
  }, [selectedId, revealToken, index]);

  // + / - zoom (or = for + without Shift), unless the researcher is typing.
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      const tl = timeline.current;
      if (!tl) return;
      if (e.key === '+' || e.key === '=') tl.zoomIn(0.5, { animation: false });
      else if (e.key === '-' || e.key === '_') tl.zoomOut(0.5, { animation: false });
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return <div className="timeline" data-testid="timeline" ref={container} aria-label="Timeline of dated events: + and − zoom, ← → step through events" role="region" tabIndex={-1} />;
}
