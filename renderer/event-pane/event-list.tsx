import { memo, useEffect, useRef } from 'react';
import type { ChronoEvent } from '../../shared/model';
import { dateLabel } from '../timeline/build-items';

/** Rows rendered at most: the timeline is the overview, the list is for reading nearby events. */
const MAX_ROWS = 500;

interface Props {
  events: readonly ChronoEvent[];
  selectedId: string | null;
  colors: ReadonlyMap<string, string>;
  onSelect: (id: string) => void;
}

export const EventList = memo(function EventList({ events, selectedId, colors, onSelect }: Props) {
  const list = useRef<HTMLOListElement>(null);

  useEffect(() => {
    if (!selectedId) return;
    list.current?.querySelector(`[data-row-id="${CSS.escape(selectedId)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selectedId]);

  if (events.length === 0) return <p className="placeholder">No events match.</p>;
  const rows = events.slice(0, MAX_ROWS);
  return (
    <>
      <ol className="event-list" ref={list} aria-label="Events in time order">
        {rows.map((e) => (
          <li key={e.id}>
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
                {e.label || e.text}
              </span>
            </button>
          </li>
        ))}
      </ol>
      {events.length > MAX_ROWS && <p className="muted small">Showing the first {MAX_ROWS} of {events.length}; refine the search to see more.</p>}
    </>
  );
});
