import { useEffect, useRef, useState } from 'react';
import type { ExportProgress } from '../../shared/ipc/contract';
import { MAX_SCALE, MAX_TITLE, MIN_SCALE, parsePrintOptions, PRINT_FORMATS, printQuery, type EventFilters, type PrintFormat, type PrintOptions } from '../../shared/print-options';
import { loadRemembered, saveRemembered, titleOf, type Remembered } from './remembered-options';
import { api, request } from '../ipc/api';
import { describeError } from '../ipc/call-error';
import { ExportProgressBar } from './export-progress';
import { PrintPreview } from './print-preview';
import './print-dialog.css';

/**
 * Files are saved by the desktop app, whose preload provides `window.chronolens`; the browser preview (loopback HTTP
 * bridge, no preload) opens the print view instead.
 */
const isDesktop = (): boolean => window.chronolens !== undefined;

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

/** A labelled drop-down over a fixed set of values. */
function Choice<T extends string>(props: { label: string; name: string; wide?: boolean; value: T; choices: ReadonlyArray<readonly [T, string]>; disabled: boolean; onChange: (value: T) => void }) {
  const { label, name, wide, value, choices, disabled, onChange } = props;
  return (
    <label className={wide ? 'wide' : undefined}>
      {label}
      <select name={name} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value as T)}>
        {choices.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

const PAPER_CHOICES = [['A4', 'A4'], ['Letter', 'Letter']] as const;
const ORIENTATION_CHOICES = [['landscape', 'Landscape'], ['portrait', 'Portrait']] as const;
const SPLIT_CHOICES = [['fit', 'Whole range on one page width'], ['year', 'One page per year']] as const;
const TITLE_CHOICES = [['default', 'Default: “Chronolens timeline”'], ['custom', 'Your own title…']] as const;

type Outcome = { kind: 'saved'; text: string } | { kind: 'error'; text: string } | null;

/**
 * Options for the PDF / PNG export beside a live preview of the print view; the last choices are remembered. The
 * desktop app saves the file and shows the export's progress (export:progress); the browser preview opens the print
 * view. Closing the dialog during an export lets it finish; a failure is still reported through `onError`.
 */
export function PrintDialog({ format: initialFormat, filters, onClose, onError }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const [opts, setOpts] = useState<Remembered>(() => ({ ...loadRemembered(), format: initialFormat }));
  const [from, setFrom] = useState(filters.from ?? '');
  const [to, setTo] = useState(filters.to ?? '');
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const open = useRef(true);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => {
      open.current = false;
    };
  }, []);

  // Every change is remembered at once: the next dialog (or session) starts from the last choices.
  useEffect(() => saveRemembered(opts), [opts]);

  useEffect(() => (busy ? api.on('export:progress', setProgress) : undefined), [busy]);

  const format = opts.format;
  const title = titleOf(opts);
  const parsed = parsePrintOptions({
    ...filters,
    paper: opts.paper,
    orientation: opts.orientation,
    split: opts.split,
    scale: opts.scale,
    ...(title ? { title } : {}),
    from: from || undefined,
    to: to || undefined,
  });
  const set = <K extends keyof Remembered>(k: K, v: Remembered[K]): void => setOpts((o) => ({ ...o, [k]: v }));

  const submit = async (): Promise<void> => {
    if (!parsed.ok || busy) return;
    if (!isDesktop()) {
      window.open(printViewUrl(parsed.value), '_blank', 'noopener');
      ref.current?.close();
      return;
    }
    setBusy(true);
    setOutcome(null);
    setProgress(null);
    try {
      const r = await request('export:print', { format, options: parsed.value });
      if (r.fileName) setOutcome({ kind: 'saved', text: `Saved ${r.fileName} (${Math.max(1, Math.round(r.bytes / 1024)).toLocaleString('en-US')} KB)` });
      else setProgress(null);
    } catch (err) {
      const text = `Export failed: ${describeError(err)}`;
      // Still open: the error is shown here; closed meanwhile: the app shows it.
      if (open.current) setOutcome({ kind: 'error', text });
      else onError(text);
    } finally {
      setBusy(false);
    }
  };

  const exporting = busy || progress !== null;
  return (
    <dialog ref={ref} className="print-dialog" data-testid="print-dialog" onClose={onClose} aria-labelledby="print-dialog-title" aria-describedby="print-dialog-desc">
      <form
        method="dialog"
        className="print-layout"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="print-options">
          <div className="print-head">
            <h2 id="print-dialog-title">Export {format.toUpperCase()}</h2>
            <button type="button" className="btn icon" aria-label="Close" onClick={() => ref.current?.close()}>
              ×
            </button>
          </div>
          <p id="print-dialog-desc" className="muted small">
            The whole timeline with numbered source notes{filters.q ? `, only events matching “${filters.q}”` : ''}.
          </p>
          <fieldset className="print-format" disabled={busy}>
            <legend>Format</legend>
            {PRINT_FORMATS.map((f) => (
              <label key={f}>
                <input type="radio" name="format" value={f} checked={format === f} onChange={() => set('format', f)} /> {f === 'pdf' ? 'PDF report' : 'PNG image'}
              </label>
            ))}
          </fieldset>
          <div className="print-grid">
            <Choice label="Paper" name="paper" value={opts.paper} choices={PAPER_CHOICES} disabled={busy} onChange={(v) => set('paper', v)} />
            <Choice label="Orientation" name="orientation" value={opts.orientation} choices={ORIENTATION_CHOICES} disabled={busy} onChange={(v) => set('orientation', v)} />
            <Choice label="Pages" name="split" wide value={opts.split} choices={SPLIT_CHOICES} disabled={busy} onChange={(v) => set('split', v)} />
            {format === 'png' && (
              <label>
                Scale
                <input name="scale" type="number" min={MIN_SCALE} max={MAX_SCALE} step={0.5} value={opts.scale} disabled={busy} onChange={(e) => set('scale', Number(e.target.value))} />
              </label>
            )}
            <Choice label="Title" name="titleMode" wide value={opts.titleMode} choices={TITLE_CHOICES} disabled={busy} onChange={(v) => set('titleMode', v)} />
            {opts.titleMode === 'custom' && (
              <label className="wide">
                Report title
                <input name="title" type="text" maxLength={MAX_TITLE} value={opts.title} disabled={busy} placeholder="Chronolens timeline" onChange={(e) => set('title', e.target.value)} />
              </label>
            )}
            <label>
              From
              <input name="from" type="date" value={from} disabled={busy} onChange={(e) => setFrom(e.target.value)} />
            </label>
            <label>
              To
              <input name="to" type="date" value={to} disabled={busy} onChange={(e) => setTo(e.target.value)} />
            </label>
          </div>
          {!parsed.ok && (
            <p className="error small" role="alert">
              {parsed.message}
            </p>
          )}
          {!isDesktop() && (
            <p className="muted small">
              Opens the print view in a new tab{format === 'pdf' ? '; save it with the browser’s Print → Save as PDF' : ''}. Files: <code>chronolens export --format {format}</code>.
            </p>
          )}
          {exporting && <ExportProgressBar progress={progress ?? { format, phase: 'open', fraction: 0 }} />}
          {busy && <p className="muted small">You can close this window: the export goes on and says so if it fails.</p>}
          {outcome && (
            <p className={`small ${outcome.kind === 'error' ? 'error' : ''}`} role={outcome.kind === 'error' ? 'alert' : 'status'} data-testid="print-outcome">
              {outcome.text}
            </p>
          )}
          <div className="print-actions">
            <button type="button" className="btn" onClick={() => ref.current?.close()}>
              {outcome?.kind === 'saved' || busy ? 'Close' : 'Cancel'}
            </button>
            <button type="submit" className="btn primary" disabled={!parsed.ok || busy}>
              {busy ? 'Exporting…' : isDesktop() ? `Save ${format.toUpperCase()}…` : 'Open print view'}
            </button>
          </div>
        </div>
        {parsed.ok ? (
          <PrintPreview baseUrl={printViewUrl(parsed.value)} options={parsed.value} format={format} />
        ) : (
          <section className="print-preview" aria-label="Preview">
            <p className="muted small">No preview: fix the options first.</p>
          </section>
        )}
      </form>
    </dialog>
  );
}
