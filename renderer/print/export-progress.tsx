import type { ExportPhase, ExportProgress } from '../../shared/ipc/contract';

/** What each step of an export (export:progress) is called on screen. */
export const PHASE_LABELS: Record<ExportPhase, string> = {
  open: 'Opening the print view…',
  data: 'Loading the events…',
  layout: 'Laying out the pages…',
  render: 'Drawing the timeline…',
  write: 'Writing the file (the longest step)…',
  save: 'Saving…',
  done: 'Done',
  cancelled: 'Cancelled',
  error: 'Failed',
};

/** The export's step and how far it is; a failed export's bar stays where it stopped. */
export function ExportProgressBar({ progress }: { progress: ExportProgress }) {
  const pct = Math.round(Math.min(1, Math.max(0, progress.fraction)) * 100);
  const label = `${progress.format.toUpperCase()} export: ${PHASE_LABELS[progress.phase]}`;
  return (
    <div className={`export-progress phase-${progress.phase}`} data-testid="export-progress" data-phase={progress.phase}>
      <p className="small" id="export-progress-label" aria-live="polite">
        {label}
      </p>
      <progress max={100} value={pct} aria-labelledby="export-progress-label">
        {pct}%
      </progress>
    </div>
  );
}
