/**
 * The main process watches the open corpus folder and says when files change (`corpus:changed`); this offers to
 * re-scan. Re-annotation reuses every unchanged file and re-applies the researcher's edits afterwards. While it runs
 * the offer shows its progress and can cancel it (the timeline then stays exactly as it was).
 */
import { useEffect, useState } from 'react';
import type { AnnotateProgress } from '../../shared/ipc/contract';
import { api, request } from '../ipc/api';
import { CallError, describeError } from '../ipc/call-error';

export function RescanOffer({ onReload }: { onReload?: () => Promise<void> }) {
  const [changed, setChanged] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<AnnotateProgress | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  useEffect(() => api.on('corpus:changed', ({ files }) => setChanged((n) => (n ?? 0) + files)), []);
  useEffect(() => (busy ? api.on('annotate:progress', setProgress) : undefined), [busy]);

  if (changed === null) return null;
  const rescan = async (): Promise<void> => {
    setBusy(true);
    setMessage(null);
    setProgress(null);
    try {
      await request('corpus:reannotate', {});
      setChanged(null);
      await onReload?.();
    } catch (e) {
      setMessage(e instanceof CallError && e.code === 'cancelled' ? 'Re-scan cancelled; the timeline is unchanged.' : `Re-scan failed: ${describeError(e)}`);
    } finally {
      setBusy(false);
    }
  };
  const counted = busy && progress?.phase === 'annotate' && progress.total > 0;
  return (
    <div className="notice info" role="status" data-testid="rescan-offer">
      <span>
        {changed === 1 ? 'A file' : `${changed} files`} changed in the corpus folder.{message ? ` ${message}` : ''}
      </span>
      {counted && (
        <progress className="progress inline" max={progress.total} value={progress.done} aria-label="Re-scan progress" title={progress.file ?? undefined}>
          {progress.done} / {progress.total}
        </progress>
      )}
      {counted && <span className="mono">{`${progress.done} / ${progress.total}`}</span>}
      <button type="button" onClick={() => void rescan()} disabled={busy}>
        {busy ? 'Re-scanning…' : 'Re-scan now'}
      </button>
      {busy ? (
        <button type="button" onClick={() => void request('corpus:cancel', {}).catch(() => undefined)}>
          Cancel
        </button>
      ) : (
        <button type="button" className="link" onClick={() => setChanged(null)}>
          Later
        </button>
      )}
    </div>
  );
}
