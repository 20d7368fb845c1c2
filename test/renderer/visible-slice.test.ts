import { describe, expect, it } from 'vitest';
import { buildItems } from '../../renderer/timeline/build-items';
import { buildLaneIndex, DEFAULT_SLICE, diffShown, shownSignature, slotMs, visibleSlice, type ShownCluster } from '../../renderer/timeline/visible-slice';
import { event, summary } from './fixtures';

const DAY = 86_400_000;
const ms = (y: number, m: number, d: number): number => new Date(y, m - 1, d).getTime();

/** n one-day events per day from `from` for `days` days, in lane d1. */
function dense(perDay: number, days: number, y = 2018): ReturnType<typeof event>[] {
  const out = [];
  for (let i = 0; i < days; i++) {
    const d = new Date(Date.UTC(y, 0, 1 + i)).toISOString().slice(0, 10);
    for (let k = 0; k < perDay; k++) out.push(event(`e${i}-${k}`, { value: d }));
  }
  return out;
}

const index = (events: ReturnType<typeof event>[]) => buildLaneIndex(buildItems(events, [summary('d1'), summary('d2')], new Map()), (i) => i.group);
const opts = (from: number, to: number, extra: Partial<typeof DEFAULT_SLICE> = {}) => ({ ...DEFAULT_SLICE, from, to, widthPx: 1000, pinned: null, ...extra });

describe('visibleSlice', () => {
  it('draws every event of a lane that shows no more than the budget', () => {
    const idx = index(dense(1, 30));
    const shown = visibleSlice(idx, opts(ms(2018, 1, 1), ms(2018, 2, 1)));
    expect(shown.every((s) => s.kind === 'event' && !s.compact)).toBe(true);
    expect(shown).toHaveLength(30);
  });

  it('replaces dense stretches of a crowded lane with clusters that count every event exactly once', () => {
    const events = dense(20, 365);
    const idx = index(events);
    const shown = visibleSlice(idx, opts(ms(2018, 1, 1), ms(2019, 1, 1)));
    const clusters = shown.filter((s): s is ShownCluster => s.kind === 'cluster');
    expect(clusters.length).toBeGreaterThan(0);
    const drawn = shown.filter((s) => s.kind === 'event').length;
    expect(drawn + clusters.reduce((n, c) => n + c.count, 0)).toBe(events.length);
    for (const c of clusters) expect(c.bins.reduce((a, b) => a + b, 0)).toBe(c.count);
    // Far fewer items than events.
    expect(shown.length).toBeLessThan(200);
  });

  it('never lets a cluster reach past the events it holds', () => {
    const idx = index(dense(20, 60));
    const shown = visibleSlice(idx, opts(ms(2016, 1, 1), ms(2022, 1, 1)));
    const c = shown.find((s): s is ShownCluster => s.kind === 'cluster')!;
    expect(c.start).toBeGreaterThanOrEqual(ms(2018, 1, 1) - 2 * DAY);
    expect(c.end).toBeLessThanOrEqual(ms(2018, 3, 2) + slotMs((6 * 365 * DAY) / 1000, DEFAULT_SLICE.slotPx));
  });

  it('keeps sparse events of a crowded lane as themselves, with compact labels', () => {
    const events = [...dense(20, 30), event('lonely', { value: '2018-09-15' })];
    const shown = visibleSlice(index(events), opts(ms(2018, 1, 1), ms(2019, 1, 1)));
    const lonely = shown.find((s) => s.id === 'lonely');
    expect(lonely).toMatchObject({ kind: 'event', compact: true });
  });

  it('always draws the pinned (selected) event itself, even inside a dense stretch', () => {
    const shown = visibleSlice(index(dense(20, 60)), { ...opts(ms(2018, 1, 1), ms(2019, 1, 1)), pinned: 'e10-5' });
    expect(shown.find((s) => s.id === 'e10-5')?.kind).toBe('event');
  });

  it('includes ranges that started before the window and still cover it', () => {
    const idx = index([event('year', { value: '2017' }), event('day', { value: '2018-06-01' })]);
    const shown = visibleSlice(idx, { ...opts(ms(2017, 11, 1), ms(2017, 12, 1)), margin: 0 });
    expect(shown.map((s) => s.id)).toEqual(['year']);
  });

  it('keeps cluster ids when the window pans by less than a slot (fixed grid)', () => {
    const idx = index(dense(20, 365));
    const a = visibleSlice(idx, opts(ms(2018, 3, 1), ms(2018, 9, 1)));
    const b = visibleSlice(idx, opts(ms(2018, 3, 1) + DAY, ms(2018, 9, 1) + DAY));
    const ids = (x: typeof a) => new Set(x.filter((s) => s.kind === 'cluster').map((s) => s.id));
    const common = [...ids(a)].filter((id) => ids(b).has(id));
    expect(common.length).toBeGreaterThan(0);
  });
});

describe('diffShown', () => {
  it('removes, adds and updates by id, leaving unchanged items alone', () => {
    const idx = index(dense(1, 3));
    const shown = visibleSlice(idx, opts(ms(2018, 1, 1), ms(2018, 1, 10)));
    const held = new Map(shown.map((s) => [s.id, shownSignature(s)]));
    held.set('gone', 'x');
    held.set(shown[0]!.id, 'old');
    const d = diffShown(held, shown);
    expect(d.remove).toEqual(['gone']);
    expect(d.add).toEqual([]);
    expect(d.update.map((s) => s.id)).toEqual([shown[0]!.id]);
  });
});

describe('slotMs', () => {
  it('is a power-of-two number of hours at least the asked pixels wide', () => {
    const s = slotMs(DAY / 10, 80); // 10 px per day, 80 px → 8 days
    expect(s / 3_600_000).toBe(256);
    expect(Math.log2(s / 3_600_000) % 1).toBe(0);
  });
});
