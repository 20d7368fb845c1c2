/** Data exports: JSON (interfaces.md §4), CSV (one row per event) and TimelineJS JSON. */
import type { EventsExport } from '../../shared/model';
import type { ExportDataFormat, ExportedData } from '../../shared/ipc/contract';
import { filterEvents, hasFilters, type EventFilters } from '../../shared/print-options';
import { timexInterval } from '../../shared/timex';
// The search box's folding, so an export with a query holds exactly the events the screen shows for it.
import { normalizeText } from '../../renderer/search/normalize-text';

const CSV_COLUMNS = ['event_id', 'date', 'mod', 'certainty', 'start', 'end', 'label', 'sentence', 'document', 'file', 'lang', 'published', 'entities', 'amounts', 'same_as'] as const;

function csvCell(v: string): string {
  // Quote everything that could break a row; neutralise spreadsheet formulas in untrusted article text.
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(data: EventsExport): string {
  const docs = new Map(data.documents.map((d) => [d.id, d]));
  const names = new Map(data.entities.map((x) => [x.id, x.name]));
  const rows = [CSV_COLUMNS.join(',')];
  for (const e of data.events) {
    const d = docs.get(e.doc);
    rows.push(
      [e.id, e.date.value, e.date.mod ?? '', e.date.certainty, e.date.start ?? '', e.date.end ?? '', e.label, e.text, d?.title ?? '', d?.file ?? '', d?.lang ?? '', d?.published.value ?? '', e.entities.map((id) => names.get(id) ?? id).join('; '), e.amounts.map((i) => (data.amounts[i] ? `${data.amounts[i]!.value}${data.amounts[i]!.max !== undefined ? `-${data.amounts[i]!.max}` : ''} ${data.amounts[i]!.currency}` : '')).join('; '), (e.sameAs ?? []).join('; ')]
        .map(csvCell)
        .join(','),
    );
  }
  // BOM so spreadsheet programs open Arabic as UTF-8.
  return `\uFEFF${rows.join('\r\n')}\r\n`;
}

interface TjsDate {
  year: number;
  month?: number;
  day?: number;
  display_date?: string;
}

function tjsDate(day: string, precision: string): TjsDate {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  if (precision === 'year' || precision === 'decade') return { year: y };
  if (precision === 'day') return { year: y, month: m, day: d };
  return { year: y, month: m };
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Knight Lab TimelineJS 3 JSON; its text fields are HTML, so article text is escaped. */
export function toTimelineJs(data: EventsExport): string {
  const docs = new Map(data.documents.map((d) => [d.id, d]));
  const events = data.events.flatMap((e) => {
    const iv = timexInterval(e.date.value);
    if (!iv || !e.date.start || !e.date.end) return [];
    const doc = docs.get(e.doc);
    return [
      {
        unique_id: e.id,
        start_date: tjsDate(e.date.start, iv.precision),
        ...(e.date.start !== e.date.end ? { end_date: tjsDate(e.date.end, iv.precision) } : {}),
        text: { headline: escapeHtml(e.label), text: `<p dir="auto">${escapeHtml(e.text)}</p><p><em>${escapeHtml(doc?.title ?? '')}</em> (${escapeHtml(doc?.published.value ?? 'undated')}) · date ${e.date.certainty}</p>` },
        // TimelineJS shows group names as HTML too.
        group: escapeHtml(doc?.title ?? e.doc),
      },
    ];
  });
  return `${JSON.stringify({ title: { text: { headline: 'Chronolens timeline', text: `${events.length} events from ${data.documents.length} documents` } }, events }, null, 2)}\n`;
}

export function exportData(data: EventsExport, format: ExportDataFormat): ExportedData {
  switch (format) {
    case 'json':
      return { fileName: 'chronolens-events.json', mime: 'application/json', text: `${JSON.stringify(data, null, 2)}\n` };
    case 'csv':
      return { fileName: 'chronolens-events.csv', mime: 'text/csv;charset=utf-8', text: toCsv(data) };
    case 'timelinejs':
      return { fileName: 'chronolens-timelinejs.json', mime: 'application/json', text: toTimelineJs(data) };
  }
}

/**
 * The export restricted to the current filters (search text, documents, languages, date range). Documents, time
 * expressions, amounts and entity mentions follow the kept events' documents; indexes are rebased.
 */
export function filterExport(data: EventsExport, filters: EventFilters): EventsExport {
  if (!hasFilters(filters)) return data;
  const docLangs = new Map(data.documents.map((d) => [d.id, d.lang]));
  const events = filterEvents(data.events, docLangs, filters, normalizeText);
  const narrowsEvents = Boolean(filters.q?.trim() || filters.from || filters.to);
  const withEvents = new Set(events.map((e) => e.doc));
  const docs = filters.docs?.length ? new Set(filters.docs) : null;
  const langs = filters.langs?.length ? new Set<string>(filters.langs) : null;
  const documents = data.documents.filter((d) => (!docs || docs.has(d.id)) && (!langs || langs.has(d.lang)) && (!narrowsEvents || withEvents.has(d.id)));
  const kept = new Set(documents.map((d) => d.id));
  const timexIndex = new Map<number, number>();
  const timexes = data.timexes.filter((t, i) => kept.has(t.doc) && (timexIndex.set(i, timexIndex.size), true));
  const amountIndex = new Map<number, number>();
  const amounts = data.amounts.filter((a, i) => kept.has(a.doc) && (amountIndex.set(i, amountIndex.size), true));
  const entities = data.entities
    .map((en) => ({ ...en, mentions: en.mentions.filter((m) => kept.has(m.doc)) }))
    .filter((en) => en.mentions.length > 0);
  return {
    ...data,
    documents,
    timexes,
    amounts,
    entities,
    events: events.map((e) => {
      const { timex, ...rest } = e;
      const t = timex === undefined ? undefined : timexIndex.get(timex);
      return { ...rest, ...(t !== undefined ? { timex: t } : {}), amounts: e.amounts.flatMap((i) => (amountIndex.has(i) ? [amountIndex.get(i)!] : [])) };
    }),
  };
}
