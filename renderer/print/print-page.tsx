import { useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { PAGE_MARGIN_MM, pageSizePx, parsePrintQuery, type PrintOptions } from '../../shared/print-options';
import { request } from '../ipc/api';
import { describeError } from '../ipc/call-error';
import { canvasMeasure, loadPrintFonts, NUMBER_FONT, SOURCE_FONT, SOURCE_TITLE_FONT } from './measure-text';
import { filtersOf, prepare } from './prepare';
import type { PrintLayout } from './print-layout';
import { reportHtml, type PreviewLimit } from './report-html';
import { isPreview, measureParts, postPreview } from './preview-messages';
import { estimatePages } from './page-estimate';

type State = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; options: PrintOptions; html: string; width: number; layout: PrintLayout };

/** The dialog's preview (`preview=1`): the first two sections, rows for about a page each, and the first notes. */
const PREVIEW_LIMIT: PreviewLimit = { sections: 2, rows: 40, notes: 24 };

/**
 * Phases the exporters report (performance marks, read back with `performance.getEntriesByType('measure')`). While
 * one runs, `body[data-print-step]` names it, so an exporter can tell how far the page is (export:progress).
 */
export const PRINT_PHASES = ['print:data', 'print:layout', 'print:html', 'print:render'] as const;

function pageRules(o: PrintOptions, width: number): string {
  const m = PAGE_MARGIN_MM;
  const page = pageSizePx(o.paper, o.orientation);
  // Values come from the validated enums and the computed sizes only (never from free text).
  return `@page { size: ${o.paper} ${o.orientation}; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; } .report { width: ${width}px; } .sheet { width: ${page.width}px; height: ${page.height}px; }`;
}

function measurePhases(): void {
  const marks = ['print:start', ...PRINT_PHASES];
  for (let i = 1; i < marks.length; i++) performance.measure(marks[i]!, marks[i - 1], marks[i]);
}

/** Loads the report's data, lays it out for paper and says so on `body[data-print-ready]` (the exporters wait for it). */
export function PrintPage({ search }: { search: string }) {
  const parsed = useMemo(() => parsePrintQuery(search), [search]);
  const [loaded, setLoaded] = useState<State>({ kind: 'loading' });
  const state = useMemo((): State => (parsed.ok ? loaded : { kind: 'error', message: `Bad print options: ${parsed.message}` }), [parsed, loaded]);

  const preview = useMemo(() => isPreview(search), [search]);

  useEffect(() => {
    if (!parsed.ok) return;
    const options = parsed.value;
    let current = true;
    const step = (name: string): void => void (document.body.dataset.printStep = name);
    performance.mark('print:start');
    step('data');
    if (preview) postPreview({ state: 'loading' });
    // The report's own call (filtered in the main process), not the explorer's payload.
    Promise.all([request('export:print-data', filtersOf(options)), loadPrintFonts()])
      .then(([data]) => {
        if (!current) return;
        performance.mark('print:data');
        step('layout');
        const prepared = prepare(data, options, { text: canvasMeasure(), number: canvasMeasure(NUMBER_FONT), sourceTitle: canvasMeasure(SOURCE_TITLE_FONT), source: canvasMeasure(SOURCE_FONT) });
        performance.mark('print:layout');
        step('html');
        const html = reportHtml(prepared, preview ? PREVIEW_LIMIT : undefined);
        performance.mark('print:html');
        step('render');
        setLoaded({ kind: 'ready', options, html, width: prepared.width, layout: prepared.layout });
      })
      .catch((err: unknown) => current && setLoaded({ kind: 'error', message: describeError(err) }));
    return () => {
      current = false;
    };
  }, [parsed, preview]);

  useLayoutEffect(() => {
    if (state.kind === 'loading') return;
    const body = document.body;
    if (state.kind === 'error') {
      body.dataset.printError = state.message;
      if (preview) postPreview({ state: 'error', message: state.message });
      return;
    }
    if (preview) body.dataset.preview = '1';
    if (new URLSearchParams(search).get('render') === 'all') body.dataset.renderAll = '1';
    // A constructed sheet, not a <style> element: the CSP allows no inline styles.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(pageRules(state.options, state.width));
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    let cancelled = false;
    // Ready once every face the text uses has loaded and the report has been laid out and painted once.
    void document.fonts.ready.then(() =>
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          if (cancelled) return;
          performance.mark('print:render');
          measurePhases();
          body.dataset.printReady = '1';
          if (preview) {
            const { options, layout } = state;
            const parts = measureParts(document, pageSizePx(options.paper, options.orientation).contentHeight);
            postPreview({ state: 'ready', pages: estimatePages(layout, options.orientation, parts), events: layout.notes.length, height: document.documentElement.scrollHeight, width: document.documentElement.scrollWidth });
          }
        }),
      ),
    );
    return () => {
      cancelled = true;
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
      delete body.dataset.printReady;
    };
  }, [state, search, preview]);

  if (state.kind === 'loading') return <p className="print-status">Laying out the timeline…</p>;
  if (state.kind === 'error')
    return (
      <p className="print-status error" role="alert">
        {state.message}
      </p>
    );
  // Built by reportHtml, which escapes every piece of article text.
  return <div className="report-host" dangerouslySetInnerHTML={{ __html: state.html }} />;
}
