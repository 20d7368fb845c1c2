/**
 * What vis-timeline is given: only what the window shows, with dense stretches replaced by clusters we compute.
 * vis-timeline cannot take 50,000 items (28.6 s first draw, 0.8 s per zoom step: pitfalls.md) and its own
 * `cluster` option is unusable at that size, so every lane keeps its events sorted by start and each window change
 * asks for a slice:
 *  - a lane showing no more than `budget` events draws them all;
 *  - a denser lane is cut into slots on a fixed grid (slot width a power-of-two number of hours, 1–2× `slotPx`
 *    pixels, aligned to the epoch, so panning keeps slot boundaries and ids); a slot holding at most `perSlot`
 *    events draws them (labels shortened to fit the slot), runs of fuller slots become one cluster item with a
 *    per-bin histogram and a count, which zooms in on click.
 * Ids are stable: events keep their id; a cluster's id names its lane, grid and slots.
 */
import type { TimelineItemSpec } from './build-items';

export interface IndexedItem {
  spec: TimelineItemSpec;
  lane: string;
  /** First instant, ms. */
  s: number;
  /** Last instant, ms (exclusive end of a range; equal to `s` for a point). */
  e: number;
}

/** Items of one lane whose spans are alike, sorted by start. */
interface SpanBucket {
  items: IndexedItem[];
  starts: Float64Array;
  /** Longest item, ms: how far before the window an item can start and still reach into it. */
  maxSpan: number;
}

interface LaneData {
  /**
   * By span class (days, weeks, months, quarters, halves, years, longer): a window only looks back as far as the
   * longest item of each class, so one year-long item does not make every narrow window scan a year of days.
   */
  buckets: SpanBucket[];
  size: number;
}

export interface LaneIndex {
  lanes: Map<string, LaneData>;
  /** Made on first use (a selection, a change of lanes): 147,076 ids are not hashed for the first frame. */
  readonly byId: ReadonlyMap<string, IndexedItem>;
  size: number;
}

const DAY = 86_400_000;
/** Upper bounds of the span classes (a day point has span 0; a month is at most 31 days, ...). */
const SPAN_CLASSES = [0, 8 * DAY, 32 * DAY, 93 * DAY, 185 * DAY, 367 * DAY, Number.POSITIVE_INFINITY];

const spanClass = (span: number): number => {
  let k = 0;
  while (span > SPAN_CLASSES[k]!) k++;
  return k;
};

export function buildLaneIndex(items: readonly TimelineItemSpec[], laneOf: (item: TimelineItemSpec) => string): LaneIndex {
  const grouped = new Map<string, IndexedItem[][]>();
  const all: IndexedItem[] = [];
  for (const spec of items) {
    const s = spec.startMs;
    const it: IndexedItem = { spec, lane: laneOf(spec), s, e: spec.endMs ?? s };
    all.push(it);
    let classes = grouped.get(it.lane);
    if (!classes) grouped.set(it.lane, (classes = SPAN_CLASSES.map(() => [])));
    classes[spanClass(it.e - it.s)]!.push(it);
  }
  const lanes = new Map<string, LaneData>();
  for (const [lane, classes] of grouped) {
    const buckets: SpanBucket[] = [];
    let size = 0;
    for (const list of classes) {
      if (list.length === 0) continue;
      // The explorer hands items over in time order: then the input order stands (it is deterministic, so the same
      // input yields the same clusters) and 50,000 items need no sort. Otherwise sort, ties by id.
      let sorted = true;
      for (let i = 1; i < list.length && sorted; i++) sorted = list[i - 1]!.s < list[i]!.s || (list[i - 1]!.s === list[i]!.s && list[i - 1]!.e <= list[i]!.e);
      if (!sorted) list.sort((a, b) => a.s - b.s || a.e - b.e || (a.spec.id < b.spec.id ? -1 : a.spec.id > b.spec.id ? 1 : 0));
      let maxSpan = 0;
      const starts = new Float64Array(list.length);
      for (let i = 0; i < list.length; i++) {
        const it = list[i]!;
        starts[i] = it.s;
        if (it.e - it.s > maxSpan) maxSpan = it.e - it.s;
      }
      buckets.push({ items: list, starts, maxSpan });
      size += list.length;
    }
    lanes.set(lane, { buckets, size });
  }
  let byId: Map<string, IndexedItem> | null = null;
  return {
    lanes,
    get byId() {
      return (byId ??= new Map(all.map((it) => [it.spec.id, it])));
    },
    size: items.length,
  };
}

/** First index whose value is >= x. */
export function lowerBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface SliceOptions {
  /** Window, ms. */
  from: number;
  to: number;
  /** Width of the drawing area, px. */
  widthPx: number;
  /** Most events a lane draws before it clusters. */
  budget: number;
  /** Narrowest slot, px (slots are 1–2× this). */
  slotPx: number;
  /** Events a slot draws before it joins a cluster. */
  perSlot: number;
  /** Histogram bins per slot. */
  binsPerSlot: number;
  /** Extra window on each side, as a fraction of the window: small pans need no new items. */
  margin: number;
  /** Always drawn as itself (the selected event). */
  pinned: string | null;
}

export const DEFAULT_SLICE: Omit<SliceOptions, 'from' | 'to' | 'widthPx' | 'pinned'> = {
  budget: 40,
  slotPx: 80,
  perSlot: 1,
  binsPerSlot: 6,
  margin: 0.5,
};

export interface ShownEvent {
  kind: 'event';
  id: string;
  item: IndexedItem;
  /** Label shortened to fit a slot (the lane is clustered). */
  compact: boolean;
}

export interface ShownCluster {
  kind: 'cluster';
  id: string;
  lane: string;
  start: number;
  end: number;
  count: number;
  /** Events per bin, `binsPerSlot` bins per slot. */
  bins: number[];
}

export type Shown = ShownEvent | ShownCluster;

const HOUR = 3_600_000;

/** Slot width: the smallest power-of-two number of hours at least `slotPx` pixels wide. */
export function slotMs(msPerPx: number, slotPx: number): number {
  const want = msPerPx * slotPx;
  let s = HOUR;
  while (s < want) s *= 2;
  return s;
}

export function visibleSlice(index: LaneIndex, o: SliceOptions): Shown[] {
  const span = Math.max(1, o.to - o.from);
  const from = o.from - span * o.margin;
  const to = o.to + span * o.margin;
  const visibleFrom = o.from;
  const visibleTo = o.to;
  const out: Shown[] = [];
  const slot = slotMs(span / Math.max(1, o.widthPx), o.slotPx);
  const firstSlot = Math.floor(from / slot);
  const slots = Math.floor(to / slot) - firstSlot + 1;

  for (const [lane, data] of index.lanes) {
    const inRange: IndexedItem[] = [];
    let onScreen = 0;
    for (const b of data.buckets) {
      const hi = lowerBound(b.starts, to + 1);
      for (let i = lowerBound(b.starts, from - b.maxSpan); i < hi; i++) {
        const it = b.items[i]!;
        if (it.e < from) continue;
        inRange.push(it);
        if (it.e >= visibleFrom && it.s <= visibleTo) onScreen++;
      }
    }
    if (onScreen <= o.budget) {
      for (const it of inRange) out.push({ kind: 'event', id: it.spec.id, item: it, compact: false });
      continue;
    }
    // Dense lane: count per slot (an item counts where it enters the extended window).
    const counts = new Uint32Array(slots);
    const slotOf = (it: IndexedItem): number => Math.min(slots - 1, Math.max(0, Math.floor(Math.max(it.s, from) / slot) - firstSlot));
    for (const it of inRange) if (it.spec.id !== o.pinned) counts[slotOf(it)]!++;
    const runs: ShownCluster[] = [];
    const runOfSlot = new Int32Array(slots).fill(-1);
    const runSlots: Array<[number, number]> = [];
    for (let k = 0; k < slots; k++) {
      if (counts[k]! <= o.perSlot) continue;
      const prev = runs[runs.length - 1];
      if (prev && runOfSlot[k - 1] === runs.length - 1) {
        prev.end = (firstSlot + k + 1) * slot;
        prev.count += counts[k]!;
        prev.bins.push(...new Array<number>(o.binsPerSlot).fill(0));
        runSlots[runs.length - 1]![1] = firstSlot + k;
      } else {
        runSlots.push([firstSlot + k, firstSlot + k]);
        runs.push({ kind: 'cluster', id: '', lane, start: (firstSlot + k) * slot, end: (firstSlot + k + 1) * slot, count: counts[k]!, bins: new Array<number>(o.binsPerSlot).fill(0) });
      }
      runOfSlot[k] = runs.length - 1;
    }
    const members: IndexedItem[][] = runs.map(() => []);
    for (const it of inRange) {
      const r = it.spec.id === o.pinned ? -1 : runOfSlot[slotOf(it)]!;
      if (r < 0) out.push({ kind: 'event', id: it.spec.id, item: it, compact: true });
      else members[r]!.push(it);
    }
    // A cluster spans what its events cover (within the extended window), not its whole slots: it never
    // reaches past the last event. Bins divide that span.
    runs.forEach((run, r) => {
      const list = members[r]!;
      let lo = Infinity;
      let hi = -Infinity;
      for (const it of list) {
        lo = Math.min(lo, Math.max(it.s, from));
        hi = Math.max(hi, Math.min(Math.max(it.e, it.s), to));
      }
      // Wide enough to see and click (24 px), centred on its events.
      const minSpan = (24 * span) / Math.max(1, o.widthPx);
      if (hi - lo < minSpan) {
        const mid = (lo + hi) / 2;
        lo = mid - minSpan / 2;
        hi = mid + minSpan / 2;
      }
      run.start = lo;
      run.end = hi;
      const binW = (hi - lo) / run.bins.length;
      for (const it of list) run.bins[Math.min(run.bins.length - 1, Math.max(0, Math.floor((Math.max(it.s, lo) - lo) / binW)))]!++;
    });
    runs.forEach((run, r) => {
      run.id = `cluster:${lane}:${slot}:${runSlots[r]![0]}:${runSlots[r]![1]}`;
      out.push(run);
    });
  }
  return out;
}

/** A short signature of what a shown item looks like: equal signatures need no DataSet update. */
export function shownSignature(s: Shown): string {
  // Label, dates and tooltip too: an edit changes them without changing the item's id (curation, issue #7).
  if (s.kind !== 'event') return `c${s.start}-${s.end}:${s.bins.join(',')}`;
  const i = s.item.spec;
  return `e${s.compact ? 1 : 0}${i.className}\u0000${i.label}\u0000${i.startMs}\u0000${i.endMs ?? ''}\u0000${i.title}`;
}

/**
 * The minimal change from the items vis-timeline holds to the ones it should: ids to remove, items to add, items
 * whose look changed. Never clear + add: vis-timeline then re-measures every item.
 */
export function diffShown(current: ReadonlyMap<string, string>, next: readonly Shown[]): { remove: string[]; add: Shown[]; update: Shown[] } {
  const seen = new Set<string>();
  const add: Shown[] = [];
  const update: Shown[] = [];
  for (const s of next) {
    seen.add(s.id);
    const sig = current.get(s.id);
    if (sig === undefined) add.push(s);
    else if (sig !== shownSignature(s)) update.push(s);
  }
  const remove: string[] = [];
  for (const id of current.keys()) if (!seen.has(id)) remove.push(id);
  return { remove, add, update };
}
