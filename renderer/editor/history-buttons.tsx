import type { HistoryState } from '../../shared/ipc/contract';
import './editor.css';

interface Props {
  history: HistoryState;
  busy: boolean;
  onUndo: () => void;
  onRedo: () => void;
}

const MAC = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
const MOD = MAC ? '⌘' : 'Ctrl+';

/** Undo / redo for the researcher's edits (the whole corpus' edit log, newest first). */
export function HistoryButtons({ history, busy, onUndo, onRedo }: Props) {
  return (
    <div className="history-buttons" role="group" aria-label="Edit history">
      <button type="button" className="btn" data-testid="undo" disabled={!history.canUndo || busy} onClick={onUndo} title={`Undo the latest edit (${MOD}Z)`}>
        ↶ Undo
      </button>
      <button type="button" className="btn" data-testid="redo" disabled={!history.canRedo || busy} onClick={onRedo} title={`Redo (${MAC ? '⇧⌘Z' : 'Ctrl+Shift+Z or Ctrl+Y'})`}>
        Redo ↷
      </button>
      <span className="muted small history-count" data-testid="edit-count" title="Edits in force">
        {history.edits} {history.edits === 1 ? 'edit' : 'edits'}
      </span>
    </div>
  );
}
