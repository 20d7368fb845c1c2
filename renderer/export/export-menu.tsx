import { useEffect, useRef, useState } from 'react';
import type { ExportDataFormat } from '../../shared/ipc/contract';
import { request } from '../ipc/api';
import { describeError } from '../ipc/call-error';
import { downloadText } from './download-text';
import type { EventFilters, PrintFormat } from '../../shared/print-options';
import { PrintDialog } from '../print/print-dialog';

const FORMATS: Array<{ format: ExportDataFormat; label: string; hint: string }> = [
  { format: 'json', label: 'JSON', hint: 'chronolens.events/1, everything' },
  { format: 'csv', label: 'CSV', hint: 'one row per event' },
  { format: 'timelinejs', label: 'TimelineJS', hint: 'for the Knight Lab viewer' },
];

const PRINT_FORMATS: Array<{ format: PrintFormat; label: string; hint: string }> = [
  { format: 'pdf', label: 'PDF…', hint: 'report: whole timeline with source notes' },
  { format: 'png', label: 'PNG…', hint: 'one image of the whole timeline' },
];

/** The current filters; without the prop, the documented search box (interfaces.md §5) gives the text filter. */
function currentFilters(filters: EventFilters | undefined): EventFilters {
  if (filters) return filters;
  const q = document.querySelector<HTMLInputElement>('[data-testid="search"]')?.value.trim();
  return q ? { q } : {};
}

export function ExportMenu({ onError, filters }: { onError: (message: string) => void; filters?: EventFilters }) {
  const [open, setOpen] = useState(false);
  const [printing, setPrinting] = useState<{ format: PrintFormat; filters: EventFilters } | null>(null);
  const [busy, setBusy] = useState<ExportDataFormat | null>(null);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (e: Event): void => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    root.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);

  const run = async (format: ExportDataFormat): Promise<void> => {
    setBusy(format);
    try {
      const out = await request('export:data', { format, ...currentFilters(filters) });
      downloadText(out.fileName, out.mime, out.text);
      setOpen(false);
    } catch (err) {
      onError(`Export failed: ${describeError(err)}`);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="export" ref={root}>
      <button type="button" className="btn" data-testid="export" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        Export ▾
      </button>
      {open && (
        <div className="menu" role="menu" aria-label="Export format">
          {FORMATS.map((f) => (
            <button key={f.format} type="button" role="menuitem" data-format={f.format} disabled={busy !== null} onClick={() => void run(f.format)}>
              <span className="menu-label">{busy === f.format ? 'Exporting…' : f.label}</span>
              <span className="menu-hint">{f.hint}</span>
            </button>
          ))}
          {PRINT_FORMATS.map((f) => (
            <button
              key={f.format}
              type="button"
              role="menuitem"
              data-format={f.format}
              onClick={() => {
                setPrinting({ format: f.format, filters: currentFilters(filters) });
                setOpen(false);
              }}
            >
              <span className="menu-label">{f.label}</span>
              <span className="menu-hint">{f.hint}</span>
            </button>
          ))}
        </div>
      )}
      {printing && <PrintDialog format={printing.format} filters={printing.filters} onClose={() => setPrinting(null)} onError={onError} />}
    </div>
  );
}
