import type { Anchor, EditedEvent, EditOp } from '../../shared/edits';
import { anchorOf, sameAnchor } from '../../shared/edits';
import type { DocumentSummary } from '../../shared/ipc/contract';
import type { TimelineEvent } from '../../shared/timeline-pack';
import { formatTimex } from '../../shared/timex';
import './editor.css';

interface ActionsProps {
  event: EditedEvent;
  picked: boolean;
  busy: boolean;
  onEdit: () => void;
  onTogglePick: () => void;
  run: (op: EditOp) => void;
}

/** Buttons over the selected event: edit (Enter), pick for a merge (or Ctrl+click rows), split a merge, delete. */
export function EventActions({ event, picked, busy, onEdit, onTogglePick, run }: ActionsProps) {
  return (
    <div className="event-actions" role="toolbar" aria-label="Curate this event">
      <button type="button" className="btn small-btn" data-testid="edit-event" onClick={onEdit} title="Edit date, label, note, tags (Enter)">
        Edit
      </button>
      <button type="button" className={`btn small-btn${picked ? ' pressed' : ''}`} data-testid="pick-event" aria-pressed={picked} onClick={onTogglePick} title="Collect events to merge (or Ctrl+click rows in the list)">
        {picked ? 'Picked for merge' : 'Pick for merge'}
      </button>
      {event.mergedBy !== undefined && (
        <button type="button" className="btn small-btn" data-testid="split-event" disabled={busy} onClick={() => run({ kind: 'event.split', merge: event.mergedBy! })} title="Undo this merge: the events come back one by one">
          Split
        </button>
      )}
      <button type="button" className="btn small-btn danger" data-testid="delete-event" disabled={busy} onClick={() => run({ kind: 'event.delete', target: anchorOf(event) })} title="Delete (recorded as an edit; Undo brings it back)">
        Delete
      </button>
      {event.edited && (
        <span className="edited-badge" title={`Edited (edit${(event.edits?.length ?? 0) === 1 ? '' : 's'} ${(event.edits ?? []).map((s) => `#${s}`).join(', ')})`}>
          ✎ edited
        </span>
      )}
    </div>
  );
}

interface ProvenanceProps {
  event: EditedEvent;
  eventsById: ReadonlyMap<string, TimelineEvent>;
  docsById: ReadonlyMap<string, DocumentSummary>;
  busy: boolean;
  /** The source sentence shown in the source pane (merged events have several). */
  shownSource: Anchor | null;
  onShowSource: (a: Anchor) => void;
  onSelectEvent: (id: string) => void;
  /** Runs an op made from another event in full (its sentence is the anchor; fetched first). */
  runWith: (id: string, make: (other: EditedEvent) => EditOp) => void;
}


/** The researcher's additions under the event: note, tags, the sources of a merge, same-event suggestions. */
export function EventProvenance({ event, eventsById, docsById, busy, shownSource, onShowSource, onSelectEvent, runWith }: ProvenanceProps) {
  const links = event.links ?? [];
  const sources = event.sources ?? [];
  const current = shownSource ?? anchorOf(event);
  return (
    <div className="event-provenance">
      {event.note && (
        <p className="event-note" dir="auto" data-testid="event-note">
          <span className="muted">Note: </span>
          {event.note}
        </p>
      )}
      {event.tags && event.tags.length > 0 && (
        <p className="event-tags">
          {event.tags.map((t) => (
            <span key={t} className="tag" dir="auto">
              {t}
            </span>
          ))}
        </p>
      )}
      {sources.length > 0 && (
        <section aria-label="Sources of this merged event">
          <h3 className="mini-title">Sources ({sources.length})</h3>
          <ol className="event-sources" data-testid="event-sources">
            {sources.map((s) => {
              const doc = docsById.get(s.doc);
              return (
                <li key={`${s.doc}:${s.start}:${s.part ?? ''}`}>
                  <button type="button" className={`source-link${sameAnchor(s, current) ? ' current' : ''}`} data-testid="event-source" aria-current={sameAnchor(s, current) ? 'true' : undefined} onClick={() => onShowSource(s)}>
                    <span className="lang-badge">{doc?.lang.toUpperCase() ?? '?'}</span> <span className="source-doc">{doc?.title ?? s.doc}</span>
                    <span className="source-text-line" dir="auto" lang={doc && doc.lang !== 'und' ? doc.lang : undefined}>
                      {s.text}
                    </span>
                  </button>
                </li>
              );
            })}
          </ol>
        </section>
      )}
      {links.length > 0 && (
        <section aria-label="Same-event suggestions">
          <h3 className="mini-title">Same event elsewhere?</h3>
          <ul className="suggestions">
            {links.map((l) => {
              const other = eventsById.get(l.event);
              const status = event.accepted?.includes(l.event) ? 'accepted' : event.rejected?.includes(l.event) ? 'rejected' : 'suggested';
              const doc = other ? docsById.get(other.doc) : undefined;
              return (
                <li key={l.event} className={`suggestion ${status}`} data-testid="suggestion" data-status={status} data-event-ref={l.event}>
                  <div className="suggestion-head">
                    {other ? (
                      <button type="button" className="link" onClick={() => onSelectEvent(other.id)} dir="auto">
                        {other.label}
                      </button>
                    ) : (
                      <span className="muted">{l.event} (no longer in the corpus)</span>
                    )}
                    <span className="muted small">
                      {other ? `${formatTimex(other.date.value, other.date.mod)} · ${doc?.lang.toUpperCase() ?? ''} · ` : ''}
                      {Math.round(l.score * 100)}%
                    </span>
                  </div>
                  <ul className="reasons small">
                    {l.reasons.map((r) => (
                      <li key={r}>{r}</li>
                    ))}
                  </ul>
                  {other && (
                    <div className="suggestion-buttons">
                      {status === 'suggested' ? (
                        <>
                          <button type="button" className="btn small-btn" data-testid="accept-suggestion" disabled={busy} onClick={() => runWith(other.id, (o) => ({ kind: 'link.decide', a: anchorOf(event), b: anchorOf(o), accept: true }))}>
                            Accept
                          </button>
                          <button type="button" className="btn small-btn" data-testid="reject-suggestion" disabled={busy} onClick={() => runWith(other.id, (o) => ({ kind: 'link.decide', a: anchorOf(event), b: anchorOf(o), accept: false }))}>
                            Reject
                          </button>
                        </>
                      ) : (
                        <>
                          <span className={`decision ${status}`}>{status === 'accepted' ? '✓ Accepted' : '✗ Rejected'}</span>
                          <button type="button" className="link small" disabled={busy} onClick={() => runWith(other.id, (o) => ({ kind: 'link.decide', a: anchorOf(event), b: anchorOf(o), accept: status !== 'accepted' }))}>
                            {status === 'accepted' ? 'Reject instead' : 'Accept instead'}
                          </button>
                        </>
                      )}
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </div>
  );
}
