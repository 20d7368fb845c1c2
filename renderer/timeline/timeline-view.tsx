import { useEffect, useRef } from 'react';
import { DataSet, DataView } from 'vis-data/peer';
import { Timeline, type DataItem, type TimelineOptions } from 'vis-timeline/peer';
import type { DocumentSummary } from '../../shared/ipc/contract';
import type { TimelineItemSpec } from './build-items';
import { groupElement, itemElement } from './timeline-dom';

type Item = DataItem & { id: string; label: string; certainty: string };
type Group = { id: string; content: string; order: number; doc: DocumentSummary; colorClass: string };

/** Where the timeline opens: the span the bundled corpus covers. */
export const INITIAL_WINDOW = { start: new Date(2016, 0, 1), end: new Date(2021, 11, 31, 23, 59, 59) };

interface Props {
  items: readonly TimelineItemSpec[];
  documents: readonly DocumentSummary[];
  colors: ReadonlyMap<string, string>;
  /** Ids to draw, or null for all (search filter). */
  visibleIds: ReadonlySet<string> | null;
  selectedId: string | null;
  /** Bumped to bring the selected item into view even when it was already selected. */
  revealToken: number;
  onSelect: (id: string | null) => void;
}

export function TimelineView({ items, documents, colors, visibleIds, selectedId, revealToken, onSelect }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const timeline = useRef<Timeline | null>(null);
  const view = useRef<DataView<Item, 'id'> | null>(null);
  const filter = useRef<ReadonlySet<string> | null>(visibleIds);
  const select = useRef(onSelect);
  const selected = useRef(selectedId);

  useEffect(() => {
    select.current = onSelect;
  }, [onSelect]);

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const data = new DataSet<Item, 'id'>(
      items.map((i) => ({
        id: i.id,
        group: i.group,
        type: i.type,
        start: i.start,
        ...(i.end ? { end: i.end } : {}),
        content: '',
        title: i.title,
        className: i.className,
        label: i.label,
        certainty: i.certainty,
      })),
    );
    // A filtered view, so typing in the search box redraws only what changed instead of rebuilding the timeline.
    const filtered = new DataView<Item, 'id'>(data, { filter: (item) => filter.current === null || filter.current.has(item.id) });
    const groups = new DataSet<Group, 'id'>(
      documents.map((doc, order) => ({ id: doc.id, content: doc.title, order, doc, colorClass: colors.get(doc.id) ?? 'doc-c0' })),
    );
    const options: TimelineOptions = {
      // No start/end here: with them vis-timeline measures every item alone at construction (quadratic start-up).
      height: '100%',
      orientation: { axis: 'top', item: 'top' },
      stack: true,
      editable: false,
      selectable: true,
      multiselect: false,
      showCurrentTime: false,
      groupOrder: 'order',
      verticalScroll: true,
      zoomKey: 'ctrlKey',
      zoomMin: 7 * 86_400_000,
      zoomMax: 80 * 365 * 86_400_000,
      margin: { item: { horizontal: 6, vertical: 4 }, axis: 6 },
      tooltip: { followMouse: false, overflowMethod: 'flip', delay: 250 },
      template: (item?: Item) => (item ? itemElement(item) : document.createElement('span')),
      groupTemplate: (group?: Group) => (group ? groupElement(group.doc, group.colorClass) : document.createElement('span')),
      // The first real draw otherwise waits for vis-timeline's ~1 s resize poll.
      onInitialDrawComplete: () => timeline.current?.redraw(),
    } as TimelineOptions;
    const tl = new Timeline(el, filtered as never, groups as never, options);
    tl.setWindow(INITIAL_WINDOW.start, INITIAL_WINDOW.end, { animation: false });
    // vis-timeline fits all items on its first 'changed' event when no start/end option was given, overriding the
    // window set above; our listener runs right after that fit, in the same event, so nothing flashes.
    const keepWindow = (): void => {
      tl.off('changed', keepWindow);
      tl.setWindow(INITIAL_WINDOW.start, INITIAL_WINDOW.end, { animation: false });
    };
    tl.on('changed', keepWindow);
    tl.on('select', (props?: { items?: Array<string | number> }) => {
      const id = props?.items?.[0];
      select.current(id === undefined ? null : String(id));
    });
    if (selected.current) tl.setSelection([selected.current]);
    timeline.current = tl;
    view.current = filtered;

    // vis-timeline scrolls groups by offsetting its content, but the browser can scroll the clipped centre panel
    // natively (scrollIntoView, focus, find-in-page), which leaves the group labels misaligned with their rows.
    // Hand such a scroll to the label panel, whose scroll events vis-timeline does follow.
    const center = el.querySelector<HTMLElement>('.vis-panel.vis-center');
    const left = el.querySelector<HTMLElement>('.vis-panel.vis-left');
    const onNativeScroll = (): void => {
      if (!center) return;
      const dy = center.scrollTop;
      center.scrollLeft = 0;
      if (dy === 0) return;
      center.scrollTop = 0;
      if (left) left.scrollTop += dy;
    };
    center?.addEventListener('scroll', onNativeScroll);
    return () => {
      center?.removeEventListener('scroll', onNativeScroll);
      tl.destroy();
      timeline.current = null;
      view.current = null;
    };
  }, [items, documents, colors]);

  useEffect(() => {
    filter.current = visibleIds;
    view.current?.refresh();
    const tl = timeline.current;
    if (tl && selected.current) tl.setSelection([selected.current]);
  }, [visibleIds]);

  useEffect(() => {
    selected.current = selectedId;
    const tl = timeline.current;
    if (!tl) return;
    tl.setSelection(selectedId ? [selectedId] : []);
    if (!selectedId) return;
    const item = items.find((i) => i.id === selectedId);
    if (!item) return;
    // Move only when the event is off-screen, keeping the researcher's zoom level.
    const w = tl.getWindow();
    const end = item.end ?? item.start;
    if (end < w.start || item.start > w.end) {
      const mid = item.end ? new Date((item.start.getTime() + item.end.getTime()) / 2) : item.start;
      tl.moveTo(mid, { animation: false });
    }
  }, [selectedId, revealToken, items]);

  return <div className="timeline" data-testid="timeline" ref={container} aria-label="Timeline of dated events" role="region" />;
}
