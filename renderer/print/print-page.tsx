import { useEffect, useLayoutEffect, useMemo, useState } from 'react';
import type { DocumentSummary, TimelineData } from '../../shared/ipc/contract';
import { filterEvents, pageSizePx, PAGE_MARGIN_MM, parsePrintQuery, type PrintOptions } from '../../shared/print-options';
import { request } from '../ipc/api';
import { describeError } from '../ipc/call-error';
import { normalizeText } from '../search/normalize-text';
import { docColorClasses } from '../timeline/doc-colors';
import { canvasMeasure, loadPrintFonts } from './measure-text';
import { layoutPrint, type PrintLayout } from './print-layout';
import { PrintReport } from './print-report';

export interface Prepared {
  options: PrintOptions;
  layout: PrintLayout;
  /** Every document of the corpus in lane order (colours are assigned over all of them, as on screen). */
  documents: DocumentSummary[];
  colors: Map<string, string>;
  totalEvents: number;
  width: number;
}

/** Lane order as on screen: publication date, then title. */
export function laneOrder(documents: readonly DocumentSummary[]): DocumentSummary[] {
  return [...documents].sort((a, b) => (a.published.value ?? '9999').localeCompare(b.published.value ?? '9999') || a.title.localeCompare(b.title));
}

export function prepare(data: TimelineData, options: PrintOptions, measure: (s: string) => number): Prepared {
  const documents = laneOrder(data.documents);
  const colors = docColorClasses(documents.map((d) => d.id));
  // Events the researcher hid are not part of the report.
  const shown = data.events.filter((e) => !e.hidden);
  const events = filterEvents(shown, new Map(documents.map((d) => [d.id, d.lang])), options, normalizeText);
  const { contentWidth } = pageSizePx(options.paper, options.orientation);
  const layout = layoutPrint({ events, documents, split: options.split, width: contentWidth, measure, ...(options.from ? { from: options.from } : {}), ...(options.to ? { to: options.to } : {}) });
  return { options, layout, documents, colors, totalEvents: shown.length, width: contentWidth };
}

type State = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; prepared: Prepared };

function pageRule(o: PrintOptions): string {
  const m = PAGE_MARGIN_MM;
  // Values come from the validated enums only (never from free text).
  return `@page { size: ${o.paper} ${o.orientation}; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; }`;
}

/** Loads the timeline, lays it out for paper and says so on `body[data-print-ready]` (the exporters wait for it). */
export function PrintPage({ search }: { search: string }) {
  const parsed = useMemo(() => parsePrintQuery(search), [search]);
  const [loaded, setLoaded] = useState<State>({ kind: 'loading' });
  const state = useMemo((): State => (parsed.ok ? loaded : { kind: 'error', message: `Bad print options: ${parsed.message}` }), [parsed, loaded]);

  useEffect(() => {
    if (!parsed.ok) return;
    let current = true;
    Promise.all([request('timeline:load', {}), loadPrintFonts()])
      .then(([data]) => current && setLoaded({ kind: 'ready', prepared: prepare(data, parsed.value, canvasMeasure()) }))
      .catch((err: unknown) => current && setLoaded({ kind: 'error', message: describeError(err) }));
    return () => {
      current = false;
    };
  }, [parsed]);

  useLayoutEffect(() => {
    if (state.kind === 'loading') return;
    const body = document.body;
    if (state.kind === 'error') {
      body.dataset.printError = state.message;
      return;
    }
    // A constructed sheet, not a <style> element: the CSP allows no inline styles.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(pageRule(state.prepared.options));
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    let cancelled = false;
    // Ready once every face the text uses has loaded and the layout has been painted once.
    void document.fonts.ready.then(() =>
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          if (!cancelled) body.dataset.printReady = '1';
        }),
      ),
    );
    return () => {
      cancelled = true;
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
      delete body.dataset.printReady;
    };
  }, [state]);

  if (state.kind === 'loading') return <p className="print-status">Laying out the timeline…</p>;
  if (state.kind === 'error')
    return (
      <p className="print-status error" role="alert">
        {state.message}
      </p>
    );
  return <PrintReport prepared={state.prepared} />;
}
