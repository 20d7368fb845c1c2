import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { axisTicks, dayNumber, layoutPrint, numberEvents, stackRows, type PlacedItem } from '../../../renderer/print/print-layout';
import { event, summary } from '../fixtures';
import type { ChronoEvent } from '../../../shared/model';

// 6 px per character: deterministic stand-in for the canvas measurement.
const measure = (s: string): number => s.length * 6;
const W = 1000;

function overlaps(a: PlacedItem, b: PlacedItem): boolean {
  const box = (i: PlacedItem): [number, number] => [Math.min(i.x1 - (i.kind === 'point' ? 4 : 0), i.labelX), Math.max(i.x2 + (i.kind === 'point' ? 4 : 0), i.labelX + i.labelWidth)];
  const [a0, a1] = box(a);
  const [b0, b1] = box(b);
  return a0 < b1 && b0 < a1;
}

describe('print layout', () => {
  it('gives each document its own lane, in the given order, and skips documents without events', () => {
    const docs = [summary('d1'), summary('d2'), summary('d3')];
    const events = [event('a', { value: '2018-06-08' }, { doc: 'd3' }), event('b', { value: '2018-06-09' }, { doc: 'd1' })];
    const layout = layoutPrint({ events, documents: docs, split: 'fit', width: W, measure });
    expect(layout.sections).toHaveLength(1);
    expect(layout.sections[0]!.lanes.map((l) => l.doc.id)).toEqual(['d1', 'd3']);
  });

  it('draws a day as a point at the middle of its day and a month as a bar over exactly its days', () => {
    const events = [event('day', { value: '2018-06-08' }), event('month', { value: '2018-02' })];
    const layout = layoutPrint({ events, documents: [summary('d1')], split: 'fit', from: '2018-01-01', to: '2018-12-31', width: 365, measure });
    const items = new Map(layout.sections[0]!.lanes[0]!.items.map((i) => [i.id, i]));
    const px = (day: string): number => dayNumber(day) - dayNumber('2018-01-01');
    expect(items.get('day')).toMatchObject({ kind: 'point', x1: px('2018-06-08') + 0.5 });
    expect(items.get('month')).toMatchObject({ kind: 'bar', x1: px('2018-02-01'), x2: px('2018-03-01') });
  });

  it('narrows "early summer 2016" to the first third of the season (applyMod)', () => {
    const layout = layoutPrint({ events: [event('s', { value: '2016-SU', mod: 'START' })], documents: [summary('d1')], split: 'fit', from: '2016-01-01', to: '2016-12-31', width: 366, measure });
    const bar = layout.sections[0]!.lanes[0]!.items[0]!;
    const d0 = dayNumber('2016-01-01');
    expect(bar.x1).toBe(dayNumber('2016-06-01') - d0);
    expect(bar.x2).toBe(dayNumber('2016-06-01') - d0 + 30);
  });

  it('stacks labels in rows so that nothing in a lane overlaps, and keeps labels on the page', () => {
    let seed = 7;
    const rand = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const values = ['2018-03', '2018-W12', '2018-SU', '2018', '2019-Q2'];
    const events: ChronoEvent[] = Array.from({ length: 400 }, (_, i) => {
      const day = `2018-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
      const value = rand() < 0.7 ? day : values[i % values.length]!;
      return event(`e${i}`, { value, certainty: i % 3 === 0 ? 'uncertain' : 'stated' }, { doc: `d${i % 3}`, label: 'x'.repeat(5 + Math.floor(rand() * 40)) });
    });
    const layout = layoutPrint({ events, documents: [summary('d0'), summary('d1'), summary('d2')], split: 'fit', width: W, measure });
    let placed = 0;
    for (const lane of layout.sections[0]!.lanes) {
      for (const it of lane.items) {
        placed++;
        expect(it.labelX).toBeGreaterThanOrEqual(0);
        expect(it.labelX + it.labelWidth).toBeLessThanOrEqual(W + 0.001);
      }
      for (let r = 0; r < lane.rows; r++) {
        const row = lane.items.filter((i) => i.row === r).sort((a, b) => a.labelX - b.labelX);
        for (let i = 0; i < row.length; i++) for (let j = i + 1; j < row.length; j++) expect(overlaps(row[i]!, row[j]!), `${row[i]!.id} / ${row[j]!.id}`).toBe(false);
      }
    }
    expect(placed).toBe(400);
  });

  it('uses the fewest rows: disjoint items share one row, mutually overlapping ones need one each', () => {
    expect(stackRows([{ left: 0, right: 10 }, { left: 20, right: 30 }, { left: 40, right: 50 }]).count).toBe(1);
    expect(stackRows([{ left: 0, right: 10 }, { left: 5, right: 15 }, { left: 8, right: 30 }]).count).toBe(3);
  });

  it('numbers notes in time order and lists undated events last without drawing them', () => {
    const events = [event('late', { value: '2020-05-01' }), event('undated', { value: 'XXXX-11', certainty: 'uncertain' }), event('early', { value: '2016-SU' })];
    const notes = numberEvents(events, [summary('d1')]);
    expect(notes.map((n) => [n.n, n.event.id])).toEqual([
      [1, 'early'],
      [2, 'late'],
      [3, 'undated'],
    ]);
    const layout = layoutPrint({ events, documents: [summary('d1')], split: 'fit', width: W, measure });
    expect(layout.undated.map((n) => n.event.id)).toEqual(['undated']);
    expect(layout.sections[0]!.lanes[0]!.items.map((i) => i.id).sort()).toEqual(['early', 'late']);
  });

  it('widens the range to whole years and labels every year of 2016–2021 on a one-page axis', () => {
    const events = [event('a', { value: '2016-06-08' }), event('b', { value: '2021-04-12' })];
    const layout = layoutPrint({ events, documents: [summary('d1')], split: 'fit', width: W, measure });
    expect(layout.range).toEqual({ start: '2016-01-01', end: '2021-12-31' });
    const labels = layout.sections[0]!.ticks.filter((t) => t.label).map((t) => t.label);
    for (const y of ['2016', '2017', '2018', '2019', '2020', '2021']) expect(labels).toContain(y);
    // Year ticks sit where their year starts.
    const y2019 = layout.sections[0]!.ticks.find((t) => t.label === '2019')!;
    expect(y2019.x).toBeCloseTo(((dayNumber('2019-01-01') - dayNumber('2016-01-01')) / (dayNumber('2022-01-01') - dayNumber('2016-01-01'))) * W, 6);
  });

  it('labels months on a one-year axis and names the year on a range starting mid-year', () => {
    expect(axisTicks('2018-01-01', '2018-12-31', W).map((t) => t.label)).toEqual(['2018', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']);
    expect(axisTicks('2018-03-15', '2018-12-31', W).find((t) => t.label)?.label).toBe('Apr 2018');
  });

  it('splits per year: one section per calendar year, a span over New Year drawn in both, clipped', () => {
    const events = [event('w', { value: '2017-WI' }), event('d', { value: '2019-06-01' })];
    const layout = layoutPrint({ events, documents: [summary('d1')], split: 'year', width: W, measure });
    expect(layout.sections.map((s) => s.key)).toEqual(['2017', '2018', '2019']);
    const in2017 = layout.sections[0]!.lanes[0]!.items[0]!;
    const in2018 = layout.sections[1]!.lanes[0]!.items[0]!;
    expect([in2017.id, in2018.id]).toEqual(['w', 'w']);
    expect(in2017.note).toBe(in2018.note);
    expect(in2017).toMatchObject({ clippedStart: false, clippedEnd: true });
    expect(in2018).toMatchObject({ clippedStart: true, clippedEnd: false, x1: 0 });
  });

  it('prints with the same document colours as the app', () => {
    const palette = (file: string): string[] => [...readFileSync(file, 'utf8').matchAll(/\.doc-c(\d) \{ --doc: (#[0-9a-f]{6}); \}/g)].map((m) => `${m[1]}${m[2]}`);
    const app = palette('renderer/styles/app.css');
    expect(app).toHaveLength(10);
    expect(palette('renderer/print/print.css')).toEqual(app);
  });
});
