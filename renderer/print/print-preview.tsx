import { useEffect, useRef, useState } from 'react';
import { pageSizePx, type PrintFormat, type PrintOptions } from '../../shared/print-options';
import { PREVIEW_QUERY, readPreviewMessage } from './preview-messages';

/** Options typed in quick succession make one preview, not one each. */
export const PREVIEW_DEBOUNCE_MS = 350;

type Frame = { url: string; width: number; height: number; pageHeight: number; state: 'loading' | 'ready' | 'error'; pages?: number; events?: number; message?: string };

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

function useSize(ref: React.RefObject<HTMLElement | null>): { width: number; height: number } {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setSize({ width: el.clientWidth, height: el.clientHeight }));
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return size;
}

const fmt = (n: number): string => n.toLocaleString('en-US');

/**
 * The print view itself (same route, options and filters as the export) in a frame, scaled to the pane: its first
 * pages, and an estimate of the page count. The previous preview stays on screen until the next one is ready.
 */
export function PrintPreview({ baseUrl, options, format }: { baseUrl: string; options: PrintOptions; format: PrintFormat }) {
  const page = pageSizePx(options.paper, options.orientation);
  // The frame's URL and size change together, after the options have settled.
  const latest = JSON.stringify({ url: `${baseUrl}&${PREVIEW_QUERY}`, width: page.width, height: page.height });
  const wanted = useDebounced(latest, PREVIEW_DEBOUNCE_MS);
  const pane = useRef<HTMLDivElement>(null);
  const paneSize = useSize(pane);
  const [shown, setShown] = useState<Frame | null>(null);
  const [failed, setFailed] = useState<{ url: string; message: string } | null>(null);
  const w = JSON.parse(wanted) as { url: string; width: number; height: number };
  // 16 px of the print view's padding each side (print.css, preview); two pages until it says how tall it is.
  const next: Frame | null =
    shown?.url === w.url ? null : { url: w.url, width: w.width + 32, height: 2 * w.height + 48, pageHeight: w.height, state: failed?.url === w.url ? 'error' : 'loading', ...(failed?.url === w.url ? { message: failed.message } : {}) };

  const pending = useRef(next);
  useEffect(() => {
    pending.current = next;
  });

  useEffect(() => {
    const onMessage = (e: MessageEvent): void => {
      const msg = readPreviewMessage(e.data);
      if (!msg || msg.state === 'loading') return;
      // Only the frame being loaded speaks for the preview; anything else (an older frame, another window) is ignored.
      const n = pending.current;
      const from = [...(pane.current?.querySelectorAll('iframe') ?? [])].find((f) => f.contentWindow === e.source);
      if (!n || !from || from.dataset.url !== n.url) return;
      if (msg.state === 'error') setFailed({ url: n.url, message: msg.message });
      else setShown({ ...n, state: 'ready', pages: msg.pages, events: msg.events, width: msg.width, height: msg.height });
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, []);

  // The whole first page in view: as wide as the pane allows, and no taller than it (portrait pages).
  const scale = (f: Frame): number => (paneSize.width > 0 ? Math.min(1, (paneSize.width - 2) / f.width, paneSize.height > 0 ? paneSize.height / (f.pageHeight + 32) : 1) : 0.4);
  const frame = (f: Frame, visible: boolean) => (
    <div key={f.url} className={`preview-frame${visible ? '' : ' pending'}`} style={{ width: f.width * scale(f), height: f.height * scale(f) }}>
      <iframe
        src={f.url}
        data-url={f.url}
        title={visible ? 'Preview of the first pages' : 'Next preview (loading)'}
        tabIndex={-1}
        aria-hidden={!visible}
        data-testid={visible ? 'print-preview-frame' : undefined}
        width={f.width}
        height={f.height}
        style={{ transform: `scale(${scale(f)})` }}
      />
    </div>
  );

  // Options still settling count as updating too.
  const busy = (next !== null && next.state === 'loading') || latest !== wanted;
  const error = next?.state === 'error' ? next.message : null;
  let summary = 'Preparing the preview…';
  if (shown?.pages !== undefined && shown.events !== undefined) {
    const events = `${fmt(shown.events)} event${shown.events === 1 ? '' : 's'}`;
    summary =
      format === 'pdf'
        ? `≈ ${fmt(shown.pages)} page${shown.pages === 1 ? '' : 's'} · ${events}`
        : `One image ≈ ${fmt(Math.round(page.width * options.scale))} × ${fmt(Math.round(shown.pages * page.height * options.scale))} px · ${events}`;
  }
  return (
    <section className="print-preview" aria-label="Preview" aria-busy={busy}>
      <p className="preview-summary small" data-testid="print-preview-summary" aria-live="polite">
        <span>{summary}</span>
        {busy && shown && <span className="muted"> · updating…</span>}
      </p>
      {error && (
        <p className="error small" role="alert">
          Preview failed: {error}
        </p>
      )}
      <div className="preview-pane" ref={pane}>
        {shown && frame(shown, true)}
        {next && frame(next, false)}
      </div>
    </section>
  );
}
