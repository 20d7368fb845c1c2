import { useEffect, useRef, useState } from 'react';
import { MAX_SCALE, MIN_SCALE, parsePrintOptions, printQuery, type EventFilters, type PrintFormat, type PrintOptions } from '../../shared/print-options';
import { loadRemembered, saveRemembered, type Remembered } from './remembered-options';
import { request } from '../ipc/api';
import { describeError } from '../ipc/call-error';
import './print-dialog.css';

/** The desktop app loads the renderer from app://; the browser preview from loopback HTTP. */
const isDesktop = (): boolean => window.location.protocol === 'app:';

export function printViewUrl(options: PrintOptions, search = window.location.search): string {
  const token = new URLSearchParams(search).get('token') ?? '';
  return `./print.html?token=${encodeURIComponent(token)}&${printQuery(options)}`;
}

interface Props {
  format: PrintFormat;
  filters: EventFilters;
  onClose: () => void;
  onError: (message: string) => void;
}

/** Options for the PDF / PNG export; the desktop app saves the file, the browser preview opens the print view. */
export function PrintDialog({ format, filters, onClose, onError }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const [opts, setOpts] = useState<Remembered>(() => loadRemembered());
  const [from, setFrom] = useState(filters.from ?? '');
  const [to, setTo] = useState(filters.to ?? '');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);

  const parsed = parsePrintOptions({ ...filters, ...opts, ...(from ? { from } : { from: undefined }), ...(to ? { to } : { to: undefined }) });
  const set = <K extends keyof Remembered>(k: K, v: Remembered[K]): void => setOpts((o) => ({ ...o, [k]: v }));

  const submit = async (): Promise<void> => {
    if (!parsed.ok) return;
    saveRemembered(opts);
    if (!isDesktop()) {
      window.open(printViewUrl(parsed.value), '_blank', 'noopener');
      onClose();
      return;
    }
    setBusy(true);
    try {
      const r = await request('export:print', { format, options: parsed.value });
      if (r.fileName) setDone(`Saved ${r.fileName} (${Math.round(r.bytes / 1024)} KB)`);
      else onClose();
    } catch (err) {
      onError(`Export failed: ${describeError(err)}`);
      onClose();
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={ref} className="print-dialog" data-testid="print-dialog" onClose={onClose} aria-labelledby="print-dialog-title">
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h2 id="print-dialog-title">Export {format.toUpperCase()}</h2>
        <p className="muted small">The whole timeline with numbered source notes{filters.q ? `, only events matching “${filters.q}”` : ''}.</p>
        <div className="print-grid">
          <label>
            Paper
            <select value={opts.paper} onChange={(e) => set('paper', e.target.value as Remembered['paper'])}>
              <option value="A4">A4</option>
              <option value="Letter">Letter</option>
            </select>
          </label>
          <label>
            Orientation
            <select value={opts.orientation} onChange={(e) => set('orientation', e.target.value as Remembered['orientation'])}>
              <option value="landscape">Landscape</option>
              <option value="portrait">Portrait</option>
            </select>
          </label>
          <label>
            Pages
            <select value={opts.split} onChange={(e) => set('split', e.target.value as Remembered['split'])}>
              <option value="fit">Whole range on one page width</option>
              <option value="year">One page per year</option>
            </select>
          </label>
          {format === 'png' && (
            <label>
              Scale
              <input type="number" min={MIN_SCALE} max={MAX_SCALE} step={0.5} value={opts.scale} onChange={(e) => set('scale', Number(e.target.value))} />
            </label>
          )}
          <label>
            From
            <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          </label>
          <label>
            To
            <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
          </label>
        </div>
        {!parsed.ok && <p className="error small">{parsed.message}</p>}
        {!isDesktop() && (
          <p className="muted small">
            Opens the print preview in a new tab{format === 'pdf' ? '; save it with the browser’s Print → Save as PDF' : ''}. Files: <code>chronolens export --format {format}</code>.
          </p>
        )}
        {done && (
          <p className="small" role="status">
            {done}
          </p>
        )}
        <div className="print-actions">
          <button type="button" className="btn" onClick={() => ref.current?.close()}>
            {done ? 'Close' : 'Cancel'}
          </button>
          {!done && (
            <button type="submit" className="btn primary" disabled={!parsed.ok || busy}>
              {busy ? 'Exporting…' : isDesktop() ? `Save ${format.toUpperCase()}…` : 'Open preview'}
            </button>
          )}
        </div>
      </form>
    </dialog>
  );
}
