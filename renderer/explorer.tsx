import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import type { TimelineData } from '../shared/ipc/contract';
import { EventDetails } from './event-pane/event-details';
import { EventList } from './event-pane/event-list';
import { sortEventsByTime } from './event-pane/event-order';
import { useArrowNavigation } from './event-pane/use-arrow-navigation';
import { ExportMenu } from './export/export-menu';
import { buildSearchIndex, matchingIds } from './search/filter-events';
import { SearchBox } from './search/search-box';
import { SourcePane } from './source/source-pane';
import { buildItems } from './timeline/build-items';
import { docColorClasses } from './timeline/doc-colors';
import { Legend } from './timeline/legend';
import { TimelineView } from './timeline/timeline-view';

/** Events the researcher hid (an edit) stay in the store but are not shown. */
const isShown = (e: object): boolean => !(e as { hidden?: boolean }).hidden;

export function Explorer({ data: loaded, notices: initialNotices }: { data: TimelineData; notices: readonly string[] }) {
  const data = useMemo(() => ({ ...loaded, events: loaded.events.filter(isShown) }), [loaded]);
  const [notices, setNotices] = useState(initialNotices);
  const [query, setQuery] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [revealToken, setRevealToken] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  const deferredQuery = useDeferredValue(query);

  // Groups in publication order, so the timeline reads top-down like the corpus' own chronology.
  const documents = useMemo(
    () => [...data.documents].sort((a, b) => (a.published.value ?? '9999').localeCompare(b.published.value ?? '9999') || a.title.localeCompare(b.title)),
    [data.documents],
  );
  const docsById = useMemo(() => new Map(documents.map((d) => [d.id, d])), [documents]);
  const colors = useMemo(() => docColorClasses(documents.map((d) => d.id)), [documents]);
  const ordered = useMemo(() => sortEventsByTime(data.events), [data.events]);
  const eventsById = useMemo(() => new Map(data.events.map((e) => [e.id, e])), [data.events]);
  const items = useMemo(() => buildItems(data.events, documents, colors), [data.events, documents, colors]);
  const searchIndex = useMemo(() => buildSearchIndex(data.events), [data.events]);
  const matches = useMemo(() => matchingIds(searchIndex, deferredQuery), [searchIndex, deferredQuery]);
  const visibleOrdered = useMemo(() => (matches ? ordered.filter((e) => matches.has(e.id)) : ordered), [ordered, matches]);
  const drawable = useMemo(() => new Set(items.map((i) => i.id)), [items]);

  const select = useCallback((id: string | null) => {
    setSelectedId(id);
    setRevealToken((t) => t + 1);
  }, []);
  useArrowNavigation(visibleOrdered, selectedId, select);

  const selected = selectedId ? (eventsById.get(selectedId) ?? null) : null;
  const undated = data.events.length - items.length;

  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <span className="logo" aria-hidden="true" />
          <span className="brand-name">Chronolens</span>
          <span className="brand-meta muted">
            {documents.length} documents · {data.events.length} events
          </span>
        </div>
        <SearchBox
          query={query}
          onQuery={setQuery}
          matchCount={matches ? matches.size : null}
          total={data.events.length}
          onSubmit={() => {
            const first = visibleOrdered.find((e) => drawable.has(e.id)) ?? visibleOrdered[0];
            if (first) select(first.id);
          }}
        />
        <ExportMenu onError={setNotice} />
      </header>
      {notices.map((n, i) => (
        <div className="notice info" role="status" key={n}>
          <span>{n}</span>
          <button type="button" className="link" onClick={() => setNotices((all) => all.filter((_, j) => j !== i))}>
            Dismiss
          </button>
        </div>
      ))}
      {notice && (
        <div className="notice" role="alert">
          <span>{notice}</span>
          <button type="button" className="link" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </div>
      )}
      <main className="app-main">
        <section className="timeline-pane" aria-label="Timeline">
          {items.length === 0 ? (
            <div className="empty-state" data-testid="timeline">
              <h2>No dated events yet</h2>
              <p className="muted">
                {data.documents.length === 0
                  ? 'The corpus has no documents. Annotate a folder with `chronolens annotate <folder>`.'
                  : 'None of the documents contains a statement with a date that can be placed on the timeline.'}
              </p>
            </div>
          ) : (
            <TimelineView
              items={items}
              documents={documents}
              colors={colors}
              visibleIds={matches}
              selectedId={selectedId}
              revealToken={revealToken}
              onSelect={select}
            />
          )}
          <Legend documents={documents} colors={colors} undated={undated} problems={data.problems.length} />
        </section>
        <div className="split">
          <aside className="events-pane" aria-label="Events">
            {selected ? (
              <EventDetails event={selected} doc={docsById.get(selected.doc)} colorClass={colors.get(selected.doc) ?? ''} onSelectEvent={select} />
            ) : (
              <p className="placeholder small">Click an event, or use ← → to step through them in time order.</p>
            )}
            <h2 className="pane-title">
              Events <span className="muted">{matches ? `${visibleOrdered.length} matching` : `${ordered.length}, in time order`}</span>
            </h2>
            <EventList events={visibleOrdered} selectedId={selectedId} colors={colors} onSelect={select} />
          </aside>
          <SourcePane
            event={selected}
            summary={selected ? (docsById.get(selected.doc) ?? null) : null}
            colorClass={selected ? (colors.get(selected.doc) ?? '') : ''}
            onSelectEvent={select}
          />
        </div>
      </main>
    </div>
  );
}
