import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useLayoutEffect, useState, type RefObject } from 'react';
import type { TimelineEvent } from '../../shared/timeline-pack';
import { dateLabel } from '../timeline/build-items';

/**
 * Lists this short are rendered whole (cheap, and the browser's find-in-page sees every row); longer ones render only
 * the rows in view plus a few, so 50,000 events cost a screenful of elements.
 */
const RENDER_ALL_UP_TO = 200;
/** A one-line row at 100% zoom; rows are measured once drawn (zoom, fonts). */
const ROW_ESTIMATE_PX = 26;

interface Props {
  events: readonly TimelineEvent[];
  selectedId: string | null;
  colors: ReadonlyMap<string, string>;
  onSelect: (id: string) => void;
  /** The element that scrolls the list (the side pane's panel, which also holds the details above the list). */
  scrollRef: RefObject<HTMLElement | null>;
}

export const EventList = memo(function EventList({ events, selectedId, colors, onSelect, scrollRef }: Props) {
  const [list, setList] = useState<HTMLOListElement | null>(null);
  // Where the list starts inside the scrolling panel (the selected event's details sit above it).
  const [offset, setOffset] = useState(0);
  // Stable between renders: the virtualizer recomputes every row's offset when it changes.
  const keyOf = useCallback((i: number) => events[i]!.id, [events]);
  const virtualizer = useVirtualizer({
    count: events.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE_PX,
    getItemKey: keyOf,
    overscan: events.length <= RENDER_ALL_UP_TO ? RENDER_ALL_UP_TO : 12,
    scrollMargin: offset,
  });

  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    if (!list || !scroller) return;
    const measure = (): void => {
      const top = list.getBoundingClientRect().top - scroller.getBoundingClientRect().top + scroller.scrollTop;
      setOffset((old) => (Math.abs(old - top) < 0.5 ? old : top));
    };
    measure();
    // What sits above the list (the selected event's details) changes height without this list re-rendering.
    const observer = new ResizeObserver(measure);
    for (const el of scroller.children) if (el !== list) observer.observe(el);
    return () => observer.disconnect();
  }, [list, scrollRef, selectedId]);

  // The selected event's row comes into view (keyboard stepping, a click on the timeline).
  const selectedIndex = selectedId ? events.findIndex((e) => e.id === selectedId) : -1;
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  if (events.length === 0) return <p className="placeholder">No events match.</p>;
  return (
    <ol className="event-list" ref={setList} aria-label="Events in time order" style={{ height: virtualizer.getTotalSize() }}>
      {virtualizer.getVirtualItems().map((row) => {
        const e = events[row.index]!;
        return (
          <li
            key={row.key}
            data-index={row.index}
            ref={virtualizer.measureElement}
            aria-setsize={events.length}
            aria-posinset={row.index + 1}
            style={{ transform: `translateY(${row.start - virtualizer.options.scrollMargin}px)` }}
          >
            <button
              type="button"
              data-row-id={e.id}
              className={`event-row ${colors.get(e.doc) ?? ''}${e.id === selectedId ? ' selected' : ''}`}
              aria-current={e.id === selectedId ? 'true' : undefined}
              onClick={() => onSelect(e.id)}
            >
              <span className="swatch" aria-hidden="true" />
              <span className={`row-date cert-${e.date.certainty}`}>
                {dateLabel(e)}
                {e.date.certainty === 'uncertain' ? ' ?' : ''}
              </span>
              <span className="row-label" dir="auto">
                {e.label}
              </span>
            </button>
          </li>
        );
      })}
    </ol>
  );
});
