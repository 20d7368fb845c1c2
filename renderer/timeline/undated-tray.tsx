import type { DocumentSummary } from '../../shared/ipc/contract';
import type { TimelineEvent } from '../../shared/timeline-pack';
import { formatTimex } from '../../shared/timex';
import { undatedReason } from './undated';

const MAX_ROWS = 300;

interface Props {
  events: readonly TimelineEvent[];
  docs: ReadonlyMap<string, DocumentSummary>;
  colors: ReadonlyMap<string, string>;
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** "Date it": opens the event for date editing. */
  onDate: (id: string) => void;
}

/** Events the timeline cannot place, each with why and a way to date it. */
export function UndatedTray({ events, docs, colors, selectedId, onSelect, onDate }: Props) {
  if (events.length === 0) return <p className="placeholder">Every event shown has a date the timeline can place.</p>;
  return (
    <>
      <ol className="undated-list" data-testid="undated-tray" aria-label="Undated events">
        {events.slice(0, MAX_ROWS).map((e) => {
          const doc = docs.get(e.doc);
          return (
            <li key={e.id} className={`undated-row ${colors.get(e.doc) ?? ''}${e.id === selectedId ? ' selected' : ''}`} data-undated-id={e.id}>
              <div className="undated-head">
                <span className="swatch" aria-hidden="true" />
                <strong className="mono">{formatTimex(e.date.value, e.date.mod)}</strong>
                <span className="undated-reason">{undatedReason(e, doc)}</span>
              </div>
              <button type="button" className="undated-text" dir="auto" onClick={() => onSelect(e.id)} title="Show in the source">
                {e.label}
              </button>
              <div className="undated-foot">
                <span className="muted small" dir="auto">
                  {doc?.title ?? e.doc}
                </span>
                <button type="button" className="btn small" onClick={() => onDate(e.id)} data-testid="date-it">
                  Date it…
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      {events.length > MAX_ROWS && <p className="muted small">Showing {MAX_ROWS} of {events.length}; filter to see the others.</p>}
    </>
  );
}
