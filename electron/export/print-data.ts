/**
 * `export:print-data`: what the print view lays out. Filtered here with the exports' own filter (shared/print-options)
 * so the page receives only the events it prints, each trimmed to the fields a report shows.
 */
import type { DocumentSummary, PrintData, PrintEvent } from '../../shared/ipc/contract';
import type { EditedEvent } from '../../shared/edits';
import { filterEvents, type EventFilters } from '../../shared/print-options';
// The search box's folding, so a report with a query holds exactly the events the screen shows for it.
import { normalizeText } from '../../renderer/search/normalize-text';

export interface PrintSource {
  documents: readonly DocumentSummary[];
  /** Machine events with the researcher's edits applied (hidden ones included; they are dropped here). */
  events: readonly EditedEvent[];
}

export function printData(source: PrintSource, filters: EventFilters): PrintData {
  const shown = source.events.filter((e) => !e.hidden);
  const docLangs = new Map(source.documents.map((d) => [d.id, d.lang]));
  const kept = filterEvents(shown, docLangs, filters, normalizeText);
  const events = kept.map((e): PrintEvent => ({ id: e.id, doc: e.doc, start: e.start, end: e.end, text: e.text, label: e.label, date: e.date, edited: e.edited, ...(e.role === 'context' ? { role: 'context' as const } : {}) }));
  return { documents: [...source.documents], events, totalEvents: shown.length };
}
