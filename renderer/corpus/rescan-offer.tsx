/**
 * The main process watches the open corpus folder and says when files change (`corpus:changed`); this offers to
 * re-scan. Re-annotation reuses every unchanged file and re-applies the researcher's edits afterwards.
 */
import { useEffect, useState } from 'react';
import { api, request } from '../ipc/api';
import { describeError } from '../ipc/call-error';

export function RescanOffer({ onReload }: { onReload?: () => Promise<void> }) {
  const [changed, setChanged] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => api.on('corpus:changed', ({ files }) => setChanged((n) => (n ?? 0) + files)), []);

  if (changed === null) return null;
  const rescan = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await request('corpus:reannotate', {});
      setChanged(null);
      await onReload?.();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="notice info" role="status" data-testid="rescan-offer">
      <span>
        {changed === 1 ? 'A file' : `${changed} files`} changed in the corpus folder.{error ? ` Re-scan failed: ${error}` : ''}
      </span>
      <button type="button" onClick={() => void rescan()} disabled={busy}>
        {busy ? 'Re-scanning…' : 'Re-scan now'}
      </button>
      <button type="button" className="link" onClick={() => setChanged(null)} disabled={busy}>
        Later
      </button>
    </div>
  );
}
