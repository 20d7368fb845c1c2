/**
 * Progress of a PDF / PNG export, shared by the desktop exporter (electron/print-window.ts) and the CLI's
 * (electron/export/print.ts): both wait on the print view the same way and report the same steps, which the
 * services send as `export:progress` (shared/ipc/contract.ts).
 */
import type { CallArgs, CallResult, ExportPhase, ExportProgress } from '../../shared/ipc/contract';
import { ServiceError } from '../../shared/ipc/result';

/** Where each step starts, as a share of the whole export (PDF writing is the long part at thousands of events). */
export const PHASE_FRACTION: Record<ExportPhase, number> = { open: 0.02, data: 0.05, layout: 0.15, render: 0.25, write: 0.4, save: 0.95, done: 1, cancelled: 1, error: 1 };

/** The steps an exporter reports itself; the services add the final one (done, cancelled, error). */
export type ExporterPhase = Extract<ExportPhase, 'open' | 'data' | 'layout' | 'render' | 'write' | 'save'>;
export type ReportPhase = (phase: ExporterPhase) => void;

/** What the print view says about itself (print-page.tsx: `body[data-print-step|ready|error]`). */
export interface PrintViewState {
  ready: boolean;
  error: string;
  /** The print view's current phase: data, layout, html, render. */
  step: string;
}

/** Evaluated in the print view's page (no closures: Electron's executeJavaScript takes a string). */
export const PRINT_STATE_SCRIPT =
  "({ ready: document.body.dataset.printReady === '1', error: document.body.dataset.printError || '', step: document.body.dataset.printStep || '' })";

/** The print view's steps as export phases (its HTML build is part of laying out). */
const STEP_PHASE: Record<string, ExporterPhase> = { data: 'data', layout: 'layout', html: 'layout', render: 'render' };

/**
 * Polls the print view until it is ready, reporting each of its phases once and in order; throws its error, or
 * when it has not finished within `timeoutMs`.
 */
export async function waitForPrintView(read: () => Promise<PrintViewState>, report: ReportPhase, opts: { timeoutMs: number; pollMs?: number }): Promise<void> {
  const until = Date.now() + opts.timeoutMs;
  const order: ExporterPhase[] = ['data', 'layout', 'render'];
  let reached = -1;
  for (;;) {
    const state = await read();
    const at = state.ready ? order.length - 1 : order.indexOf(STEP_PHASE[state.step] ?? 'data');
    // A phase finished between two polls is still reported, so a listener sees every step.
    for (; reached < at; reached++) report(order[reached + 1]!);
    if (state.ready) return;
    if (state.error) throw new Error(`the print view failed: ${state.error}`);
    if (Date.now() > until) throw new Error(`the print view did not finish its layout in ${Math.round(opts.timeoutMs / 1000)} s`);
    await new Promise((r) => setTimeout(r, opts.pollMs ?? 100));
  }
}

/** An exporter as the desktop shell provides it: it reports its steps as it goes (to `report`, when given). */
export type PrintExporter = (args: CallArgs<'export:print'>, report?: ReportPhase) => Promise<CallResult<'export:print'>>;

/**
 * `export:print` with progress: one export at a time (a second answers `busy`), each step sent through `emit`,
 * ending with done (the file written), cancelled (no file chosen) or error (the message, and the call fails).
 */
export function withExportProgress(exporter: PrintExporter, emit: (p: ExportProgress) => void): (args: CallArgs<'export:print'>) => Promise<CallResult<'export:print'>> {
  let running = false;
  return async (args) => {
    if (running) throw new ServiceError('busy', 'an export is already running; wait for it to finish');
    running = true;
    let last = -1;
    const send = (phase: ExportPhase, extra: Pick<ExportProgress, 'fileName' | 'message'> = {}): void => {
      // An error leaves the bar where the export stopped.
      if (phase !== 'error') last = PHASE_FRACTION[phase];
      emit({ format: args.format, phase, fraction: phase === 'error' ? Math.max(last, 0) : PHASE_FRACTION[phase], ...extra });
    };
    try {
      const result = await exporter(args, (phase) => send(phase));
      if (result.fileName) send('done', { fileName: result.fileName });
      else send('cancelled');
      return result;
    } catch (e) {
      send('error', { message: e instanceof Error ? e.message : String(e) });
      throw e;
    } finally {
      running = false;
    }
  };
}
