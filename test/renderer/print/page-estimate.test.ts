import { describe, expect, it } from 'vitest';
import { estimatePages, type MeasuredParts } from '../../../renderer/print/page-estimate';
import type { PrintLayout } from '../../../renderer/print/print-layout';

/** A layout with sections of lanes of so many rows, and n notes (only counts matter to the estimate). */
function layout(sections: number[][], notes: number): PrintLayout {
  return {
    range: { start: '2016-01-01', end: '2016-12-31' },
    sections: sections.map((lanes, i) => ({ key: String(i), title: String(i), start: '', end: '', ticks: [], count: 0, lanes: lanes.map((rows) => ({ doc: {} as never, rows, items: [] })) })),
    notes: Array.from({ length: notes }, () => ({}) as never),
    undated: [],
  };
}

const parts: MeasuredParts = { page: 300, head: 100, sectionHead: 40, laneHead: 20, notesTitle: 30, noteRow: 50 };

describe('page estimate', () => {
  it('packs blocks of six rows that never split, a lane title with its first block', () => {
    // Page 1: head 100 + section head 40 + (title 20 + 6 rows 108) = 268; the next block of 108 goes to page 2.
    expect(estimatePages(layout([[12]], 0), 'landscape', parts)).toBe(2);
    expect(estimatePages(layout([[6]], 0), 'landscape', parts)).toBe(1);
  });

  it('starts every section and the notes on a new page; two notes a row in landscape, one in portrait', () => {
    // Notes: 30 + 5 rows × 50 = 280 in landscape (one page); 30 + 10 × 50 in portrait (two).
    expect(estimatePages(layout([[6]], 10), 'landscape', parts)).toBe(2);
    expect(estimatePages(layout([[6]], 10), 'portrait', parts)).toBe(3);
    expect(estimatePages(layout([[6], [6], [6]], 10), 'landscape', parts)).toBe(4);
  });

  it('a block taller than a page takes pages of its own; no events, one page', () => {
    expect(estimatePages(layout([], 0), 'landscape', parts)).toBe(1);
    expect(estimatePages(layout([[6]], 0), 'landscape', { ...parts, page: 50 })).toBe(6);
  });
});
