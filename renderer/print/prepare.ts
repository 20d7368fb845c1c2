/** From `export:print-data` to a laid-out report: lane order and colours as on screen, then the paper layout. Pure. */
import type { DocumentSummary, PrintData } from '../../shared/ipc/contract';
import { pageSizePx, type EventFilters, type PrintOptions } from '../../shared/print-options';
import { docColorClasses } from '../timeline/doc-colors';
import { publishedLabel } from '../timeline/timeline-dom';
import { fitText, layoutPrint, type PrintLayout } from './print-layout';

/** print.css: a note's left indent (the hanging number) and the gap between the two note columns (landscape). */
export const NOTE_INDENT = 30;
export const NOTE_COLUMN_GAP = 24;

export interface Prepared {
  options: PrintOptions;
  layout: PrintLayout;
  /** Every document of the corpus in lane order (colours are assigned over all of them, as on screen). */
  documents: DocumentSummary[];
  colors: Map<string, string>;
  totalEvents: number;
  /** Width of the page's content box in CSS pixels. */
  width: number;
  /** Per document, its note source line: the title, cut so that "· published …" after it always shows. */
  sourceTitles: Map<string, string>;
}

/** Lane order as on screen: publication date, then title. */
export function laneOrder(documents: readonly DocumentSummary[]): DocumentSummary[] {
  return [...documents].sort((a, b) => (a.published.value ?? '9999').localeCompare(b.published.value ?? '9999') || a.title.localeCompare(b.title));
}

/** The filters part of the print options: what `export:print-data` is asked for. */
export function filtersOf(o: PrintOptions): EventFilters {
  const f: EventFilters = {};
  if (o.q !== undefined) f.q = o.q;
  if (o.docs) f.docs = o.docs;
  if (o.langs) f.langs = o.langs;
  if (o.entities) f.entities = o.entities;
  if (o.certainty) f.certainty = o.certainty;
  if (o.from) f.from = o.from;
  if (o.to) f.to = o.to;
  return f;
}

export interface Measures {
  /** Label font. */
  text: (s: string) => number;
  /** Note-number badge font. */
  number?: (s: string) => number;
  /** Source line of a note: the title (italic) and the rest. */
  sourceTitle?: (s: string) => number;
  source?: (s: string) => number;
}

/** The suffix after a document's title in its notes. */
export const publishedSuffix = (d: DocumentSummary): string => ` · published ${publishedLabel(d)}`;

/** `data.events` are already filtered (by the main process, with the same filters). */
export function prepare(data: PrintData, options: PrintOptions, measure: Measures): Prepared {
  const documents = laneOrder(data.documents);
  const colors = docColorClasses(documents.map((d) => d.id));
  const { contentWidth } = pageSizePx(options.paper, options.orientation);
  const layout = layoutPrint({
    events: data.events,
    documents,
    split: options.split,
    width: contentWidth,
    measure: measure.text,
    ...(measure.number ? { measureNumber: measure.number } : {}),
    ...(options.from ? { from: options.from } : {}),
    ...(options.to ? { to: options.to } : {}),
  });
  const noteWidth = (options.orientation === 'landscape' ? (contentWidth - NOTE_COLUMN_GAP) / 2 : contentWidth) - NOTE_INDENT;
  const sourceTitles = new Map<string, string>();
  for (const d of documents) {
    const title = d.title || d.file;
    const room = noteWidth - (measure.source ?? measure.text)(publishedSuffix(d)) - 4;
    sourceTitles.set(d.id, fitText(title, room, measure.sourceTitle ?? measure.text));
  }
  return { options, layout, documents, colors, totalEvents: data.totalEvents, width: contentWidth, sourceTitles };
}
