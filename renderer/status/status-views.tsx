import type { AnnotateProgress } from '../../shared/ipc/contract';

export function AnnotatingView({ progress, corpusDir, onCancel }: { progress: AnnotateProgress | null; corpusDir: string | null; onCancel?: () => void }) {
  const total = progress?.total ?? 0;
  const done = progress?.done ?? 0;
  const pct = total > 0 ? Math.round((done / total) * 100) : null;
  return (
    <div className="status-screen">
      <div className="status-card">
        <h1>Preparing the corpus</h1>
        <p className="muted">
          Chronolens is reading and dating the articles{corpusDir ? ` in ${corpusDir}` : ''}. This happens once; later starts reuse the results.
        </p>
        <progress className="progress" max={total || undefined} value={total ? done : undefined} aria-label="Annotation progress" />
        <p className="progress-line">
          <span>{progress ? phaseLabel(progress.phase) : 'Starting…'}</span>
          {pct !== null && (
            <span>
              {done} / {total} files · {pct}%
            </span>
          )}
        </p>
        {progress?.file && (
          <p className="progress-file mono" dir="auto" title={progress.file}>
            {progress.file}
          </p>
        )}
        {progress?.message && <p className="muted">{progress.message}</p>}
        {onCancel && (
          <button type="button" className="btn" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </div>
  );
}

function phaseLabel(phase: AnnotateProgress['phase']): string {
  return { scan: 'Scanning files…', annotate: 'Annotating…', write: 'Saving…', done: 'Done', cancelled: 'Cancelled', error: 'Failed' }[phase];
}

export function MessageView({ title, message, action }: { title: string; message: string; action?: { label: string; run: () => void } }) {
  return (
    <div className="status-screen">
      <div className="status-card" role="alert">
        <h1>{title}</h1>
        <p className="message">{message}</p>
        {action && (
          <button type="button" className="btn primary" onClick={action.run}>
            {action.label}
          </button>
        )}
      </div>
    </div>
  );
}
