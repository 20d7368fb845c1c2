import { useCallback, useEffect, useState } from 'react';
import type { TimelineEvent } from '../../shared/timeline-pack';
import { formatTimex } from '../../shared/timex';
import './editor.css';

/**
 * Events collected for a merge, in the order picked (the first one keeps its id, date and label). Ctrl/Cmd+click on
 * a row of the event list picks or unpicks it without selecting it; the "Pick for merge" button does the same.
 */
export function useMergePicking(): { picked: string[]; toggle: (id: string) => void; remove: (id: string) => void; clear: () => void } {
  const [picked, setPicked] = useState<string[]>([]);
  const toggle = useCallback((id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id])), []);
  const remove = useCallback((id: string) => setPicked((p) => p.filter((x) => x !== id)), []);
  const clear = useCallback(() => setPicked([]), []);

  useEffect(() => {
    // Capture phase on window: runs before React's own click handling, so the row does not also get selected.
    const onClick = (e: MouseEvent): void => {
      if (!(e.ctrlKey || e.metaKey) || !(e.target instanceof Element)) return;
      const row = e.target.closest<HTMLElement>('[data-row-id]');
      const id = row?.dataset.rowId;
      if (!id) return;
      e.preventDefault();
      e.stopPropagation();
      toggle(id);
    };
    window.addEventListener('click', onClick, true);
    return () => window.removeEventListener('click', onClick, true);
  }, [toggle]);

  return { picked, toggle, remove, clear };
}

interface TrayProps {
  picked: readonly string[];
  eventsById: ReadonlyMap<string, TimelineEvent>;
  busy: boolean;
  onRemove: (id: string) => void;
  onClear: () => void;
  onMerge: (events: TimelineEvent[]) => void;
}

export function MergeTray({ picked, eventsById, busy, onRemove, onClear, onMerge }: TrayProps) {
  const events = picked.map((id) => eventsById.get(id)).filter((e): e is TimelineEvent => e !== undefined);
  if (events.length === 0) return null;
  return (
    <section className="merge-tray" data-testid="merge-tray" aria-label="Events picked for a merge">
      <h3 className="mini-title">Merge {events.length} events</h3>
      <ol>
        {events.map((e, i) => (
          <li key={e.id}>
            <label>
              <input type="checkbox" checked onChange={() => onRemove(e.id)} aria-label={`Leave out ${e.label}`} />
              <span className="muted small">{formatTimex(e.date.value, e.date.mod)}</span> <span dir="auto">{e.label}</span>
              {i === 0 && <span className="muted small"> (kept: its date and label)</span>}
            </label>
          </li>
        ))}
      </ol>
      <div className="tray-buttons">
        <button type="button" className="btn primary small-btn" data-testid="merge" disabled={events.length < 2 || busy} onClick={() => onMerge(events)}>
          Merge
        </button>
        <button type="button" className="btn small-btn" onClick={onClear}>
          Clear
        </button>
        {events.length < 2 && <span className="muted small">Pick one more (Ctrl+click a row).</span>}
      </div>
    </section>
  );
}
