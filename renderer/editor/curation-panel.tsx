import type { OrphanedEdit } from '../../shared/edits';
import type { TimelineEvent } from '../../shared/timeline-pack';
import type { DocumentSummary } from '../../shared/ipc/contract';
import { formatTimex } from '../../shared/timex';
import { describeEdit } from './describe-edit';
import './editor.css';

interface Props {
  orphaned: readonly OrphanedEdit[];
  hidden: readonly TimelineEvent[];
  docsById: ReadonlyMap<string, DocumentSummary>;
  busy: boolean;
  /** Shows a hidden event again (its sentence, the edit's anchor, is fetched first). */
  onUnhide: (id: string) => void;
}

/**
 * What the researcher's edits left aside: edits whose text is gone from the corpus (kept, with what they said and
 * why they no longer apply; never silently dropped) and events they hid (with a way back).
 */
export function CurationPanel({ orphaned, hidden, docsById, busy, onUnhide }: Props) {
  if (orphaned.length === 0 && hidden.length === 0) return null;
  return (
    <div className="curation-panel">
      {orphaned.length > 0 && (
        <details className="orphaned" data-testid="orphaned-edits" open>
          <summary>
            <span aria-hidden="true">⚠</span> Edits whose text is gone ({orphaned.length})
          </summary>
          <p className="muted small">The article changed and these edits no longer find their sentence. They stay in your edits file; restore the text, or Undo them.</p>
          <ul>
            {orphaned.map(({ edit, reason }) => {
              const d = describeEdit(edit);
              return (
                <li key={edit.seq} data-testid="orphaned-edit" data-seq={edit.seq}>
                  <div className="orphan-what">
                    <span className="mono">#{edit.seq}</span> {d.what}
                  </div>
                  {d.anchors.map((a) => (
                    <div key={`${a.doc}:${a.start}:${a.part ?? ''}`}>
                      <blockquote dir="auto" className="orphan-quote">
                        {a.text}
                      </blockquote>
                      <div className="muted small orphan-doc" dir="auto">
                        — {docsById.get(a.doc)?.title ?? `document ${a.doc} (no longer in the corpus)`}
                      </div>
                    </div>
                  ))}
                  <div className="muted small">
                    Why: {reason} · {new Date(edit.at).toLocaleString()}
                  </div>
                </li>
              );
            })}
          </ul>
        </details>
      )}
      {hidden.length > 0 && (
        <details className="hidden-events" data-testid="hidden-events">
          <summary>Hidden events ({hidden.length})</summary>
          <ul>
            {hidden.map((e) => (
              <li key={e.id}>
                <span className="muted small">{formatTimex(e.date.value, e.date.mod)}</span> <span dir="auto">{e.label}</span>{' '}
                <button type="button" className="link small" disabled={busy} onClick={() => onUnhide(e.id)}>
                  Show again
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
