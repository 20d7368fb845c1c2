import type { CSSProperties } from 'react';
import type { DocumentSummary } from '../../shared/ipc/contract';
import { hasFilters } from '../../shared/print-options';
import { publishedLabel } from '../timeline/timeline-dom';
import { formatDay, type Lane, type Note, type PlacedItem, type Section, type Tick } from './print-layout';
import type { Prepared } from './print-page';

/** Height of one stacked row of items, in CSS pixels (print.css sizes items to fit it). */
export const ROW_HEIGHT = 18;

const px = (n: number): string => `${Math.round(n * 100) / 100}px`;

function Gridlines({ ticks }: { ticks: readonly Tick[] }) {
  return (
    <>
      {ticks.map((t) => (
        <div key={t.day} className={t.major ? 'grid major' : 'grid'} style={{ left: px(t.x) }} aria-hidden="true" />
      ))}
    </>
  );
}

function Axis({ ticks, width }: { ticks: readonly Tick[]; width: number }) {
  return (
    <div className="axis" style={{ width: px(width) }}>
      {ticks.map((t) => (
        <div key={t.day} className={t.major ? 'tick major' : 'tick'} style={{ left: px(t.x) }}>
          {t.label && <span className="tick-label">{t.label}</span>}
        </div>
      ))}
    </div>
  );
}

function Item({ item, color }: { item: PlacedItem; color: string }) {
  const cls = `cert-${item.certainty} ${color}`;
  const mark: CSSProperties =
    item.kind === 'point' ? { left: px(item.x1) } : { left: px(item.x1), width: px(item.x2 - item.x1) };
  return (
    <>
      <div
        className={`mark ${item.kind} ${cls}${item.clippedStart ? ' clip-start' : ''}${item.clippedEnd ? ' clip-end' : ''}`}
        style={mark}
        data-event-id={item.id}
        aria-hidden="true"
      />
      <div className={`label ${cls}`} style={{ left: px(item.labelX), width: px(item.labelWidth) }} data-note={item.note}>
        <span className="num">{item.note}</span>
        <span className="text" dir="auto">
          {item.label}
        </span>
        {item.certainty === 'uncertain' && (
          <span className="q" title="date partly guessed">
            ?
          </span>
        )}
      </div>
    </>
  );
}

function LaneView({ lane, color }: { lane: Lane; color: string }) {
  const rows: PlacedItem[][] = Array.from({ length: lane.rows }, () => []);
  for (const it of lane.items) rows[it.row]!.push(it);
  return (
    <div className={`lane ${color}`} data-doc-id={lane.doc.id}>
      <div className="lane-head">
        <span className="swatch" aria-hidden="true" />
        <span className="lane-title" dir="auto">
          {lane.doc.title || lane.doc.file}
        </span>
        <span className="lang-badge">{lane.doc.lang.toUpperCase()}</span>
        <span className="muted">published {publishedLabel(lane.doc)}</span>
        <span className="muted">
          · {lane.items.length} event{lane.items.length === 1 ? '' : 's'}
        </span>
      </div>
      <div className="lane-rows">
        {rows.map((items, r) => (
          <div key={r} className="row" style={{ height: px(ROW_HEIGHT) }}>
            {items.map((it) => (
              <Item key={it.id} item={it} color={color} />
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}

function SectionView({ section, width, colors, first }: { section: Section; width: number; colors: ReadonlyMap<string, string>; first: boolean }) {
  return (
    <section className={`tl-section${first ? '' : ' new-page'}`} data-section={section.key}>
      <div className="section-head">
        <h2>{section.title}</h2>
        <span className="muted">
          {section.count} event{section.count === 1 ? '' : 's'}
        </span>
      </div>
      <Axis ticks={section.ticks} width={width} />
      {section.lanes.length === 0 ? (
        <p className="muted empty">No events in {section.title}.</p>
      ) : (
        // One set of gridlines for the whole section (not one per lane): at 340 lanes, per-lane lines doubled the
        // time Chromium took to write the PDF (measured 40.8 s → 21 s without them).
        <div className="section-body">
          <Gridlines ticks={section.ticks} />
          {section.lanes.map((lane) => (
            <LaneView key={lane.doc.id} lane={lane} color={colors.get(lane.doc.id) ?? 'doc-c0'} />
          ))}
        </div>
      )}
    </section>
  );
}

/** Past this many documents the legend names none: every lane is titled anyway, and 300 names would fill a page. */
export const LEGEND_MAX_DOCS = 24;

function Legend({ docs, colors }: { docs: readonly DocumentSummary[]; colors: ReadonlyMap<string, string> }) {
  return (
    <div className="legend">
      <ul className="legend-docs" aria-label="Documents">
        {docs.length > LEGEND_MAX_DOCS ? (
          <li className="muted">{docs.length} documents: each lane is titled with its document, in its colour</li>
        ) : (
          docs.map((d) => (
            <li key={d.id} className={colors.get(d.id)}>
              <span className="swatch" aria-hidden="true" />
              <span dir="auto">{d.title || d.file}</span>
            </li>
          ))
        )}
      </ul>
      <ul className="legend-keys" aria-label="Styles">
        <li>
          <span className="key point doc-c9" aria-hidden="true" /> day
        </li>
        <li>
          <span className="key bar doc-c9" aria-hidden="true" /> week, month, season, year
        </li>
        <li>
          <span className="key bar cert-stated doc-c9" aria-hidden="true" /> date stated
        </li>
        <li>
          <span className="key bar cert-inferred doc-c9" aria-hidden="true" /> inferred (lighter)
        </li>
        <li>
          <span className="key bar cert-uncertain doc-c9" aria-hidden="true" />
          <span className="q">?</span> uncertain: partly guessed (dashed)
        </li>
      </ul>
    </div>
  );
}

function NoteItem({ note, color }: { note: Note; color: string }) {
  const d = note.event.date;
  return (
    <li className={`note ${color}`} value={note.n} id={`note-${note.n}`}>
      <span className="note-n">{note.n}</span>
      <div className="note-body">
        <div className="note-date">
          <strong>{note.dateLabel}</strong> <span className="mono">{d.value}</span>{' '}
          <span className={`cert-badge cert-${d.certainty}`}>{d.certainty === 'uncertain' ? 'uncertain ?' : d.certainty}</span>
          {!note.days && <span className="muted"> · not on the timeline (date partly unknown)</span>}
          {note.event.edited && <span className="muted"> · edited</span>}
        </div>
        <blockquote dir="auto" lang={note.doc?.lang && note.doc.lang !== 'und' ? note.doc.lang : undefined}>
          {note.event.text.replace(/\s+/g, ' ').trim()}
        </blockquote>
        <div className="note-src">
          <span className="note-title" dir="auto">
            {note.doc?.title || note.doc?.file || note.event.doc}
          </span>
          <span className="muted"> · published {note.doc ? publishedLabel(note.doc) : 'date unknown'}</span>
        </div>
      </div>
    </li>
  );
}

function describeFilters(p: Prepared): string | null {
  const o = p.options;
  if (!hasFilters(o)) return null;
  const parts: string[] = [];
  if (o.q?.trim()) parts.push(`text “${o.q.trim()}”`);
  if (o.docs?.length) parts.push(`${o.docs.length} selected document${o.docs.length === 1 ? '' : 's'}`);
  if (o.langs?.length) parts.push(`languages ${o.langs.join(', ')}`);
  if (o.from || o.to) parts.push(`dates ${o.from ? formatDay(o.from) : '…'} – ${o.to ? formatDay(o.to) : '…'}`);
  return `Filtered: ${parts.join('; ')} (${p.layout.notes.length} of ${p.totalEvents} events).`;
}

export function PrintReport({ prepared }: { prepared: Prepared }) {
  const { layout, options, colors, width } = prepared;
  const inReport = new Set(layout.notes.map((n) => n.event.doc));
  const docs = prepared.documents.filter((d) => inReport.has(d.id));
  const filters = describeFilters(prepared);
  return (
    <main className={`report ${options.orientation}`} style={{ width: px(width) }} data-paper={options.paper} data-split={options.split}>
      <header className="report-head">
        <h1>{options.title ?? 'Chronolens timeline'}</h1>
        <p className="range">{layout.range ? `${formatDay(layout.range.start)} – ${formatDay(layout.range.end)}` : 'No dated events'}</p>
        <p className="muted">
          {layout.notes.length} event{layout.notes.length === 1 ? '' : 's'} from {docs.length} document{docs.length === 1 ? '' : 's'}
          {layout.undated.length > 0 && ` · ${layout.undated.length} with a partly unknown date (listed in the notes, not drawn)`}
          {' · '}numbers refer to the source notes
        </p>
        {filters && <p className="muted">{filters}</p>}
      </header>
      <Legend docs={docs} colors={colors} />
      {layout.notes.length === 0 && <p className="empty">No events match these options.</p>}
      {layout.sections.map((s, i) => (
        <SectionView key={s.key} section={s} width={width} colors={colors} first={i === 0} />
      ))}
      {layout.notes.length > 0 && (
        <section className="notes new-page">
          <h2>Sources</h2>
          <ol className="notes-list">
            {layout.notes.map((n) => (
              <NoteItem key={n.event.id} note={n} color={colors.get(n.event.doc) ?? 'doc-c0'} />
            ))}
          </ol>
        </section>
      )}
    </main>
  );
}
