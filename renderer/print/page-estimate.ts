/**
 * How many pages the PDF will have, for the export dialog's preview (which lays out only the first pages). The
 * timeline's heights are known from the layout (fixed row heights, blocks of rows that never split across pages);
 * the notes' from the average height of the notes the preview did lay out. Pure, so it runs in unit tests.
 */
import type { PrintLayout } from './print-layout';
import { ROW_HEIGHT, ROWS_PER_BLOCK } from './report-html';

/** Heights (CSS px) read from the preview's own DOM, so fonts and styles are the printed ones. */
export interface MeasuredParts {
  /** The usable height of one page (paper minus margins). */
  page: number;
  /** Report head and legend, above the first section. */
  head: number;
  /** A section's title line plus its axis. */
  sectionHead: number;
  /** A lane's title line, with its top margin. */
  laneHead: number;
  /** The "Sources" title. */
  notesTitle: number;
  /** One row of notes (two notes side by side in landscape). */
  noteRow: number;
}

/** Notes side by side: print.css sets two columns in landscape. */
export const noteColumns = (orientation: 'portrait' | 'landscape'): number => (orientation === 'landscape' ? 2 : 1);

/** Puts blocks that may not split onto pages; a block taller than a page takes pages of its own. */
class Pager {
  pages = 1;
  private used = 0;
  constructor(private readonly page: number) {}
  newPage(): void {
    if (this.used > 0) this.pages++;
    this.used = 0;
  }
  place(height: number): void {
    if (this.used > 0 && this.used + height > this.page) this.newPage();
    this.used += height;
    while (this.used > this.page) {
      this.pages++;
      this.used -= this.page;
    }
  }
}

export function estimatePages(layout: PrintLayout, orientation: 'portrait' | 'landscape', m: MeasuredParts): number {
  if (m.page <= 0) return 1;
  const pager = new Pager(m.page);
  pager.place(m.head);
  layout.sections.forEach((s, i) => {
    if (i > 0) pager.newPage();
    pager.place(m.sectionHead);
    for (const lane of s.lanes) {
      // A lane's title stays with its first block of rows (break-after: avoid).
      for (let r = 0; r < lane.rows; r += ROWS_PER_BLOCK) {
        const rows = Math.min(ROWS_PER_BLOCK, lane.rows - r) * ROW_HEIGHT;
        pager.place(r === 0 ? m.laneHead + rows : rows);
      }
    }
  });
  if (layout.notes.length > 0) {
    pager.newPage();
    pager.place(m.notesTitle);
    const rows = Math.ceil(layout.notes.length / noteColumns(orientation));
    for (let r = 0; r < rows; r++) pager.place(m.noteRow);
  }
  return pager.pages;
}
