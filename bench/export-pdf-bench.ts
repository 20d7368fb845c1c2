/**
 * `npm run bench -- export-pdf`: a generated corpus big enough for ≥ 5,000 events, annotated, then exported to PDF
 * through the print view in headless Chromium, as `chronolens export --format pdf` does. Target: under 20 s.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { annotateCorpus } from '../electron/corpus/annotate-corpus';
import { exportPrint } from '../electron/export/print';
import { openStore } from '../electron/store/database';
import { Repository } from '../electron/store/repository';
import { DEFAULT_PRINT_OPTIONS, type Split } from '../shared/print-options';
import { generateCorpus, loadSentencePools } from './generate-corpus';

const MIN_EVENTS = 5000;

async function pdfPages(file: string): Promise<number | string> {
  try {
    const { stdout } = await promisify(execFile)('pdfinfo', [file]);
    return Number(/Pages:\s+(\d+)/.exec(stdout)?.[1] ?? NaN);
  } catch {
    return 'n/a (pdfinfo missing)';
  }
}

export const exportPdfEntry = {
  name: 'export-pdf',
  run: async (): Promise<Record<string, number | string>> => {
    const docs = Number(process.env.BENCH_EXPORT_DOCS ?? 340);
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'chronolens-bench-export-'));
    try {
      const corpus = path.join(tmp, 'corpus');
      const storeFile = path.join(tmp, 'store.json');
      await generateCorpus({ out: corpus, count: docs, pools: await loadSentencePools('assets/corpus'), seed: 7 });
      const store = await openStore(storeFile);
      const summary = await annotateCorpus(corpus, new Repository(store));
      await store.close();
      if (summary.events < MIN_EVENTS) throw new Error(`only ${summary.events} events from ${docs} documents; raise BENCH_EXPORT_DOCS`);
      const out: Record<string, number | string> = { documents: summary.documents, events: summary.events, loadAvg: os.loadavg()[0]!.toFixed(2) };
      for (const split of ['fit', 'year'] as Split[]) {
        const file = path.join(tmp, `timeline-${split}.pdf`);
        const r = await exportPrint({ storeFile, format: 'pdf', out: file, options: { ...DEFAULT_PRINT_OPTIONS, split }, root: process.cwd() });
        out[`${split}_printedEvents`] = r.events;
        out[`${split}_pages`] = await pdfPages(file);
        out[`${split}_MB`] = Math.round((r.bytes / 1048576) * 10) / 10;
        out[`${split}_layoutMs`] = r.ms.layout;
        out[`${split}_pdfMs`] = r.ms.write;
        out[`${split}_totalMs`] = r.ms.total;
        // CPU time of Chromium's processes: what others' load on the machine does not inflate.
        out[`${split}_chromiumCpuMs`] = r.chromiumCpuMs;
        // Inside the print view: data call, paper layout, HTML build, first render.
        for (const [phase, ms] of Object.entries(r.phases)) out[`${split}_${phase.replace('print:', 'page_')}Ms`] = ms;
      }
      return out;
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  },
};
