import { useEffect, useRef, useState } from 'react';
import type { ExportDataFormat } from '../../shared/ipc/contract';
import { request } from '../ipc/api';
import { describeError } from '../ipc/call-error';
import { downloadText } from './download-text';

const FORMATS: Array<{ format: ExportDataFormat; label: string; hint: string }> = [
  { format: 'json', label: 'JSON', hint: 'chronolens.events/1, everything' },
  { format: 'csv', label: 'CSV', hint: 'one row per event' },
  { format: 'timelinejs', label: 'TimelineJS', hint: 'for the Knight Lab viewer' },
];

export function ExportMenu({ onError }: { onError: (message: string) => void }) {
  const [open, setOpen] = useState(false);
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
      const out = await request('export:data', { format });
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
        </div>
      )}
    </div>
  );
}
