import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { TimelineOverview } from '../shared/ipc/contract';
import type { TimelineEvent } from '../shared/timeline-pack';
import { DocumentsPanel } from './documents/documents-panel';
import { useCurationSelection } from './editor/curation-context';
import { CurationHistory, CurationSidebar, useCurationRevision } from './editor/curation-slots';
import { EventDetails } from './event-pane/event-details';
import { EventList } from './event-pane/event-list';
import { useFullEvent } from './event-pane/use-full-event';
import { useArrowNavigation } from './event-pane/use-arrow-navigation';
import { RescanOffer } from './corpus/rescan-offer';
import { EntityPanel } from './entities/entity-panel';
import { ExportMenu } from './export/export-menu';
import { FilterPanel } from './filters/filter-panel';
import { eventFilter, isFiltered, loadViewState, saveViewState, type Filters, type ViewState } from './filters/filter-state';
import { describeError } from './ipc/call-error';
import { request } from './ipc/api';
import { useSearchMatches } from './search/use-search';
import { isTyping, SearchBox } from './search/search-box';
import { SourcePane } from './source/source-pane';
import { buildItem, itemTitle, type TimelineItemSpec } from './timeline/build-items';
import { COLOR_MODES, LANE_MODES, layoutLanes, type ColorMode, type LaneMode } from './timeline/lanes';
import { Legend } from './timeline/legend';
import { SliceStatusLine, SliceStatusStore } from './timeline/slice-status';
import { TimelineView, type TimeWindow } from './timeline/timeline-view';
import { UndatedTray } from './timeline/undated-tray';
import { isUndated } from './timeline/undated';

/** Events the researcher hid (an edit) stay in the store but are not shown. */
const isShown = (e: object): boolean => !(e as { hidden?: boolean }).hidden;

const EMPTY: readonly TimelineEvent[] = [];

/** A map by id made on the first lookup. */
function lazyIndex(events: readonly TimelineEvent[]): { get(id: string): TimelineEvent | undefined } {
  let byId: Map<string, TimelineEvent> | null = null;
  return { get: (id) => (byId ??= new Map(events.map((e) => [e.id, e]))).get(id) };
}

type Tab = 'events' | 'filters' | 'entities' | 'documents' | 'undated';
const TABS: Array<{ id: Tab; label: string }> = [
  { id: 'events', label: 'Events' },
  { id: 'filters', label: 'Filters' },
  { id: 'entities', label: 'Entities' },
  { id: 'documents', label: 'Documents' },
  { id: 'undated', label: 'Undated' },
];
const LANE_LABELS: Record<LaneMode, string> = { document: 'Document', entity: 'Entity', language: 'Language', none: 'None' };
const COLOR_LABELS: Record<ColorMode, string> = { document: 'Document', entity: 'Entity' };

const storage = (): Storage | null => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
};

const isoOf = (ms: number): string => {
  const d = new Date(ms);
  return `${String(d.getFullYear()).padStart(4, '0')}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

interface Props {
  data: TimelineOverview;
  notices: readonly string[];
  /** Loads the timeline again (after a publication date was set). */
  onReload?: () => Promise<void>;
  /** Opens an event for editing (the event editor); without it, "Date it" selects the event. */
  onEditEvent?: (id: string) => void;
}

export function Explorer({ data: loaded, notices: initialNotices, onReload, onEditEvent }: Props) {
  const initial = useMemo<ViewState>(() => {
    performance.mark('chronolens:explorer');
    return loadViewState(storage());
  }, []);
  const [notices, setNotices] = useState(initialNotices);
  const [query, setQuery] = useState(initial.query);
  const [filters, setFilters] = useState<Filters>(initial.filters);
  const [lanes, setLanes] = useState<LaneMode>(initial.lanes);
  const [colorBy, setColorBy] = useState<ColorMode>(initial.colorBy);
  const [tab, setTab] = useState<Tab>('events');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [revealToken, setRevealToken] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  /** Entity names met in documents shown so far (servers that send no names with the timeline). */
  const [seenNames, setEntityNames] = useState<ReadonlyMap<string, string>>(new Map());
  const [sliceStatus] = useState(() => new SliceStatusStore());
  const windowRef = useRef<TimeWindow | null>(initial.window);
  /** The side pane's scrolling panel: the virtualised event list scrolls with it. */
  const panelRef = useRef<HTMLDivElement>(null);
  const deferredQuery = useDeferredValue(query);
  const deferredFilters = useDeferredValue(filters);

  // Remember lanes, colours, filters, search and window (the window is saved when it settles, see onWindowChange).
  const persist = useCallback(() => {
    saveViewState(storage(), { filters, query, lanes, colorBy, window: windowRef.current });
  }, [filters, query, lanes, colorBy]);
  useEffect(persist, [persist]);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const persistRef = useRef(persist);
  useEffect(() => {
    persistRef.current = persist;
  }, [persist]);
  const onWindowChange = useCallback((w: TimeWindow) => {
    windowRef.current = w;
    clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => persistRef.current(), 300);
  }, []);

  const events = useMemo(() => loaded.events.filter(isShown), [loaded.events]);
  // The catalog's current names (after the researcher's renames and merges) win over names seen earlier.
  const entityNames = useMemo<ReadonlyMap<string, string>>(() => (loaded.entities?.length ? new Map([...seenNames, ...loaded.entities.map((e): [string, string] => [e.id, e.name])]) : seenNames), [loaded.entities, seenNames]);
  const documents = loaded.documents;
  const docsById = useMemo(() => new Map(documents.map((d) => [d.id, d])), [documents]);
  const langOf = useCallback((doc: string) => docsById.get(doc)?.lang, [docsById]);
  // Built on first use (a selection): a map of 147,076 ids is ~0.1 s the first frame does not need.
  const eventsById = useMemo(() => lazyIndex(events), [events]);

  // Colours come from the whole corpus, so they don't change while filtering.
  const colorLayout = useMemo(() => layoutLanes('none', colorBy, events, documents, entityNames), [colorBy, events, documents, entityNames]);
  const docColors = useMemo(() => layoutLanes('none', 'document', [], documents), [documents]);
  const docColorMap = useMemo(() => new Map(documents.map((d) => [d.id, docColors.colorOf({ doc: d.id, entities: [] })])), [documents, docColors]);

  // Items of all drawable events in event order; by event (for filtered subsets and look-ups) only when asked.
  const specs = useMemo(() => {
    const titles = new Map(documents.map((d) => [d.id, d.title || d.file]));
    const list: TimelineItemSpec[] = [];
    for (const e of events) {
      const item = buildItem(e, titles.get(e.doc) ?? e.doc, colorLayout.colorOf(e));
      if (item) list.push(item);
    }
    let byEvent: Map<TimelineEvent, TimelineItemSpec> | null = null;
    const ofEvent = (e: TimelineEvent): TimelineItemSpec | undefined => (byEvent ??= new Map(list.map((s) => [s.event as TimelineEvent, s]))).get(e);
    return { list, ofEvent };
  }, [events, documents, colorLayout]);
  // The overview comes in this order (the main process sorts with sortEventsByTime); the first frame does not sort
  // 147,076 events again.
  const ordered = events;
  // Searched by the main process, which holds the sentences (the overview has labels only).
  const revision = useCurationRevision();
  const search = useSearchMatches(deferredQuery, revision);
  const matches = search.matches;
  const passes = useMemo(() => eventFilter(deferredFilters, langOf), [deferredFilters, langOf]);
  // Nothing filtered or searched (the usual start): the lists as they are, without three passes over 50,000 events.
  const narrowed = matches !== null || isFiltered(deferredFilters);
  const filtered = useMemo(() => (narrowed ? events.filter((e) => passes(e) && (!matches || matches.has(e.id))) : events), [narrowed, events, passes, matches]);
  // `filtered` keeps the events' (time) order.
  const visibleOrdered = filtered;
  const undated = useMemo(() => visibleOrdered.filter(isUndated), [visibleOrdered]);
  const framing = useMemo(() => events.some((e) => e.context), [events]);
  // The list renders after the timeline's first draw (a deferred value starts empty), not before it.
  const listed = useDeferredValue(visibleOrdered, EMPTY);
  // In time order, so each lane's index is built from already sorted runs.
  const items = useMemo(() => {
    if (visibleOrdered === events) return specs.list;
    const out: TimelineItemSpec[] = [];
    for (const e of visibleOrdered) {
      const s = specs.ofEvent(e);
      if (s) out.push(s);
    }
    return out;
  }, [visibleOrdered, events, specs]);

  const laneDocs = useMemo(
    () =>
      // Unfiltered: the documents array itself, whose sort lanes.ts has already done for the colours.
      deferredFilters.docs.length === 0 && deferredFilters.langs.length === 0
        ? documents
        : documents.filter((d) => (deferredFilters.docs.length === 0 || deferredFilters.docs.includes(d.id)) && (deferredFilters.langs.length === 0 || deferredFilters.langs.includes(d.lang))),
    [documents, deferredFilters],
  );
  const laneLayout = useMemo(() => layoutLanes(lanes, colorBy, filtered, laneDocs, entityNames), [lanes, colorBy, filtered, laneDocs, entityNames]);
  const laneOfItem = useMemo(() => {
    const laneOf = laneLayout.laneOf;
    // Items are built from the overview's events, which carry what lanes read (document, entities).
    return (item: TimelineItemSpec): string => laneOf(item.event as TimelineEvent);
  }, [laneLayout]);

  const fullTitle = useCallback(
    async (id: string): Promise<string> => {
      const e = await request('event:get', { id });
      const doc = docsById.get(e.doc);
      return itemTitle(e, doc?.title || doc?.file || e.doc);
    },
    [docsById],
  );

  const select = useCallback((id: string | null) => {
    setSelectedId(id);
    setRevealToken((t) => t + 1);
  }, []);
  useArrowNavigation(visibleOrdered, selectedId, select);

  // Esc (outside a text field): clear the selection.
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'Escape' || isTyping(e.target) || e.defaultPrevented) return;
      if (document.querySelector('.menu[role="menu"]')) return; // the export menu closes itself first
      select(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [select]);

  const dateIt = useCallback(
    (id: string) => {
      select(id);
      setTab('events');
      onEditEvent?.(id);
    },
    [select, onEditEvent],
  );

  const showDocument = useCallback(
    (docId: string) => {
      const first = ordered.find((e) => e.doc === docId && specs.ofEvent(e)) ?? ordered.find((e) => e.doc === docId);
      if (first) select(first.id);
    },
    [ordered, specs, select],
  );

  const onEntities = useCallback((list: ReadonlyArray<{ id: string; name: string }>) => {
    setEntityNames((prev) => {
      if (list.every((x) => prev.get(x.id) === x.name)) return prev;
      const next = new Map(prev);
      for (const x of list) next.set(x.id, x.name);
      return next;
    });
  }, []);

  const selected = selectedId ? (eventsById.get(selectedId) ?? null) : null;
  const shownEvent = useCurationSelection(selected, select);
  // The selected event's sentence, evidence and provenance.
  const full = useFullEvent(selectedId, revision);
  const filterCount = [filters.entities.length > 0, filters.langs.length > 0, filters.docs.length > 0, filters.certainty.length > 0, filters.from !== null || filters.to !== null].filter(Boolean).length;
  const getWindowDays = (): { from: string; to: string } | null => (windowRef.current ? { from: isoOf(windowRef.current.start), to: isoOf(windowRef.current.end) } : null);

  return (
    <div className="app">
      <header className="app-header">
        <div className="brand">
          <span className="logo" aria-hidden="true" />
          <span className="brand-name">Chronolens</span>
          <span className="brand-meta muted">
            {documents.length} documents · {events.length.toLocaleString('en-US')} events
          </span>
        </div>
        <SearchBox
          query={query}
          onQuery={setQuery}
          matchCount={matches || isFiltered(filters) ? filtered.length : null}
          total={events.length}
          onSubmit={() => {
            const first = visibleOrdered.find((e) => specs.ofEvent(e)) ?? visibleOrdered[0];
            if (first) select(first.id);
            setTab('events');
          }}
        />
        <div className="view-controls">
          <label>
            Lanes
            <select value={lanes} onChange={(e) => setLanes(e.target.value as LaneMode)} data-testid="lanes">
              {LANE_MODES.map((m) => (
                <option key={m} value={m}>
                  {LANE_LABELS[m]}
                </option>
              ))}
            </select>
          </label>
          <label>
            Colour
            <select value={colorBy} onChange={(e) => setColorBy(e.target.value as ColorMode)} data-testid="colors">
              {COLOR_MODES.map((m) => (
                <option key={m} value={m}>
                  {COLOR_LABELS[m]}
                </option>
              ))}
            </select>
          </label>
        </div>
        <CurationHistory />
        <ExportMenu
          onError={setNotice}
          filters={{ q: query, docs: filters.docs, langs: filters.langs, entities: filters.entities, certainty: filters.certainty, ...(filters.from ? { from: filters.from } : {}), ...(filters.to ? { to: filters.to } : {}) }}
        />
      </header>
      <RescanOffer onReload={onReload} />
      {notices.map((n, i) => (
        <div className="notice info" role="status" key={n}>
          <span>{n}</span>
          <button type="button" className="link" onClick={() => setNotices((all) => all.filter((_, j) => j !== i))}>
            Dismiss
          </button>
        </div>
      ))}
      {(search.error !== null || full.error !== null) && (
        <div className="notice" role="alert" data-testid="load-error">
          <span>{describeError(search.error ?? full.error)}</span>
        </div>
      )}
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
          {specs.list.length === 0 ? (
            <div className="empty-state" data-testid="timeline">
              <h2>No dated events yet</h2>
              <p className="muted">
                {documents.length === 0
                  ? 'The corpus has no documents. Annotate a folder with `chronolens annotate <folder>`.'
                  : undated.length > 0
                    ? 'Events were found but none can be placed yet: see the Undated tab.'
                    : 'None of the documents contains a statement with a date that can be placed on the timeline.'}
              </p>
            </div>
          ) : (
            <TimelineView
              items={items}
              lanes={laneLayout.lanes}
              laneOf={laneOfItem}
              selectedId={selectedId}
              revealToken={revealToken}
              onSelect={select}
              initialWindow={initial.window}
              onWindowChange={onWindowChange}
              onSliceChange={sliceStatus.set}
              fullTitle={fullTitle}
            />
          )}
          <Legend
            entries={colorLayout.legend}
            undated={undated.length}
            problems={loaded.problems.length}
            framing={framing}
            onShowUndated={() => setTab('undated')}
            onShowProblems={() => setTab('documents')}
            status={<SliceStatusLine store={sliceStatus} />}
          />
        </section>
        <div className="split">
          <aside className="side-pane" aria-label="Events, filters and documents">
            <div className="tabs" role="tablist" aria-label="Panels">
              {TABS.map((t) => (
                <button
                  key={t.id}
                  type="button"
                  role="tab"
                  id={`tab-${t.id}`}
                  aria-selected={tab === t.id}
                  aria-controls={`panel-${t.id}`}
                  className={`tab${tab === t.id ? ' active' : ''}`}
                  data-testid={`tab-${t.id}`}
                  onClick={() => setTab(t.id)}
                >
                  {t.label}
                  {t.id === 'filters' && filterCount > 0 && <span className="tab-badge">{filterCount}</span>}
                  {t.id === 'undated' && undated.length > 0 && <span className="tab-badge">{undated.length}</span>}
                  {t.id === 'documents' && loaded.problems.length + documents.filter((d) => d.problems.length > 0).length > 0 && <span className="tab-badge warn">!</span>}
                </button>
              ))}
            </div>
            <div className="tab-panel" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} ref={panelRef}>
              {tab === 'events' && (
                <>
                  {selected ? (
                    <EventDetails event={selected} full={full.event} doc={docsById.get(selected.doc)} colorClass={docColorMap.get(selected.doc) ?? ''} onSelectEvent={select} />
                  ) : (
                    <p className="placeholder small">Click an event, or use ← → to step through them in time order; + and − zoom.</p>
                  )}
                  <h2 className="pane-title">
                    Events{' '}
                    <span className="muted">
                      {matches || isFiltered(filters) ? `${visibleOrdered.length.toLocaleString('en-US')} matching` : `${ordered.length.toLocaleString('en-US')}, in time order`}
                    </span>
                  </h2>
                  <CurationSidebar />
                  <EventList events={listed} selectedId={selectedId} colors={docColorMap} onSelect={select} scrollRef={panelRef} />
                </>
              )}
              {tab === 'filters' && (
                <FilterPanel filters={filters} onChange={setFilters} events={events} documents={documents} entityNames={entityNames} getWindowDays={getWindowDays} />
              )}
              {tab === 'entities' && <EntityPanel />}
              {tab === 'documents' && (
                <DocumentsPanel documents={documents} problems={loaded.problems} colors={docColorMap} onChanged={onReload ?? (async () => undefined)} onShowDocument={showDocument} />
              )}
              {tab === 'undated' && <UndatedTray events={undated} docs={docsById} colors={docColorMap} selectedId={selectedId} onSelect={select} onDate={dateIt} />}
            </div>
          </aside>
          <SourcePane
            event={shownEvent}
            summary={selected ? (docsById.get(selected.doc) ?? null) : null}
            colorClass={selected ? (docColorMap.get(selected.doc) ?? '') : ''}
            onSelectEvent={select}
            onEntities={onEntities}
          />
        </div>
      </main>
    </div>
  );
}

