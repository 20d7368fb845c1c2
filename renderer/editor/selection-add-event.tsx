import { useEffect, useState } from 'react';
import type { Anchor } from '../../shared/edits';
import { selectionAnchor, type DomNode } from './selection-offsets';
import './editor.css';

/** The element the source pane renders the document text in (text nodes only, marks around them). */
const BODY = '[data-testid="source-pane"] .doc-body';

/** The current selection inside the source pane's text, as an anchor into it (null when there is none). */
function currentAnchor(docId: string): Anchor | null {
  const sel = document.getSelection();
  if (!sel || sel.isCollapsed || sel.rangeCount === 0 || !sel.anchorNode) return null;
  const body = document.querySelector(BODY);
  if (!body || !body.contains(sel.anchorNode) || !sel.focusNode || !body.contains(sel.focusNode)) return null;
  return selectionAnchor(body as unknown as DomNode, sel as unknown as Parameters<typeof selectionAnchor>[1], docId, body.textContent ?? '');
}

interface Props {
  /** The document the source pane shows. */
  docId: string | null;
  onAdd: (anchor: Anchor) => void;
}

/** While text is selected in the source pane: the selection and an "Add event" button. */
export function SelectionAddEvent({ docId, onAdd }: Props) {
  const [anchor, setAnchor] = useState<Anchor | null>(null);

  useEffect(() => {
    if (!docId) return;
    const update = (): void => {
      const a = currentAnchor(docId);
      setAnchor((prev) => (prev && a && prev.doc === a.doc && prev.start === a.start && prev.end === a.end ? prev : a));
    };
    update();
    document.addEventListener('selectionchange', update);
    return () => document.removeEventListener('selectionchange', update);
  }, [docId]);

  if (!anchor || !docId) return null;
  const preview = anchor.text.length > 90 ? `${anchor.text.slice(0, 89)}…` : anchor.text;
  return (
    <div className="selection-bar" role="toolbar" aria-label="Selected text" data-testid="selection-bar">
      <span className="selection-text" dir="auto" title={`Characters ${anchor.start}–${anchor.end} of the article`}>
        “{preview}”
      </span>
      <button
        type="button"
        className="btn primary small-btn"
        data-testid="add-event-from-selection"
        // Keep the selection: a mousedown elsewhere would collapse it before the click.
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => onAdd(anchor)}
      >
        Add event
      </button>
    </div>
  );
}
