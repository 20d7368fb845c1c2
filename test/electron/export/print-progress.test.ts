/**
 * export:progress through the services: the steps an exporter reports arrive as events in order, the export ends
 * with done / cancelled / error, one export runs at a time. The same waiting loop serves both exporters; it is
 * tested on a scripted print view here and on the real one in Chromium in test/e2e/export-dialog.e2e.test.ts.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeExplorerStore } from '../../../bench/explorer-store';
import { createAppServices, type AppServices } from '../../../electron/app-services';
import { PHASE_FRACTION, waitForPrintView, type PrintExporter, type PrintViewState } from '../../../electron/export/print-progress';
import { dispatch } from '../../../electron/ipc/dispatch';
import type { ExportProgress } from '../../../shared/ipc/contract';
import { DEFAULT_PRINT_OPTIONS } from '../../../shared/print-options';

let dir: string;
let storeFile: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'chronolens-progress-'));
  storeFile = path.join(dir, 'store.json');
  await writeExplorerStore(storeFile, { events: 40, documents: 3, seed: 5 });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function withServices(print: PrintExporter, run: (s: AppServices, seen: ExportProgress[]) => Promise<void>): Promise<void> {
  const services = await createAppServices({ storeFile, readOnly: true, print });
  const seen: ExportProgress[] = [];
  services.events.on('export:progress', (p) => seen.push(p));
  try {
    await run(services, seen);
  } finally {
    await services.close();
  }
}

const args = { format: 'pdf', options: { ...DEFAULT_PRINT_OPTIONS, split: 'year' } } as const;

describe('waitForPrintView', () => {
  const scripted = (states: Array<Partial<PrintViewState>>) => {
    let i = 0;
    return async (): Promise<PrintViewState> => ({ ready: false, error: '', step: '', ...states[Math.min(i++, states.length - 1)] });
  };

  it('reports every phase of the print view once and in order, also those finished between two polls', async () => {
    const phases: string[] = [];
    await waitForPrintView(scripted([{ step: 'data' }, { step: 'data' }, { step: 'html' }, { ready: true, step: 'render' }]), (p) => phases.push(p), { timeoutMs: 5000, pollMs: 1 });
    expect(phases).toEqual(['data', 'layout', 'render']);
    const fast: string[] = [];
    await waitForPrintView(scripted([{ ready: true }]), (p) => fast.push(p), { timeoutMs: 5000, pollMs: 1 });
    expect(fast).toEqual(['data', 'layout', 'render']);
  });

  it("throws the print view's error, and gives up after the timeout", async () => {
    await expect(waitForPrintView(scripted([{ step: 'data' }, { error: 'Bad print options: scale' }]), () => undefined, { timeoutMs: 5000, pollMs: 1 })).rejects.toThrow('the print view failed: Bad print options: scale');
    await expect(waitForPrintView(scripted([{ step: 'layout' }]), () => undefined, { timeoutMs: 30, pollMs: 5 })).rejects.toThrow(/did not finish its layout/);
  });
});

describe('export:progress through the services', () => {
  it("sends each step the exporter reports, then done with the file, fractions rising to 1", async () => {
    const fake: PrintExporter = async (a, report) => {
      expect(a.options.split).toBe('year');
      for (const p of ['open', 'data', 'layout', 'render', 'write', 'save'] as const) report?.(p);
      return { fileName: '/tmp/timeline.pdf', bytes: 1234 };
    };
    await withServices(fake, async (services, seen) => {
      const r = await dispatch(services.handlers, 'export:print', args);
      expect(r).toEqual({ ok: true, value: { fileName: '/tmp/timeline.pdf', bytes: 1234 } });
      expect(seen.map((p) => p.phase)).toEqual(['open', 'data', 'layout', 'render', 'write', 'save', 'done']);
      expect(seen.every((p) => p.format === 'pdf')).toBe(true);
      const fractions = seen.map((p) => p.fraction);
      expect(fractions).toEqual([...fractions].sort((x, y) => x - y));
      expect(fractions.at(-1)).toBe(1);
      expect(seen.at(-1)!.fileName).toBe('/tmp/timeline.pdf');
    });
  });

  it('ends with cancelled when no file was chosen', async () => {
    await withServices(async () => ({ fileName: '', bytes: 0 }), async (services, seen) => {
      await dispatch(services.handlers, 'export:print', args);
      expect(seen.map((p) => p.phase)).toEqual(['cancelled']);
    });
  });

  it('ends with error and the message where the export stopped; the call fails with it', async () => {
    const failing: PrintExporter = async (_a, report) => {
      report?.('open');
      report?.('data');
      throw new Error('the print view failed: no memory');
    };
    await withServices(failing, async (services, seen) => {
      const r = await dispatch(services.handlers, 'export:print', args);
      expect(r.ok).toBe(false);
      expect(r.ok ? '' : r.message).toContain('no memory');
      expect(seen.map((p) => p.phase)).toEqual(['open', 'data', 'error']);
      expect(seen.at(-1)).toMatchObject({ phase: 'error', message: 'the print view failed: no memory', fraction: PHASE_FRACTION.data });
    });
  });

  it('runs one export at a time: a second answers busy, and the next one after it runs', async () => {
    let finish!: () => void;
    const slow: PrintExporter = (_a, report) =>
      new Promise((resolve) => {
        report?.('open');
        finish = () => resolve({ fileName: '/tmp/a.pdf', bytes: 1 });
      });
    await withServices(slow, async (services, seen) => {
      const first = dispatch(services.handlers, 'export:print', args);
      await new Promise((r) => setTimeout(r, 10));
      const second = await dispatch(services.handlers, 'export:print', args);
      expect(second).toMatchObject({ ok: false, code: 'busy' });
      finish();
      expect((await first).ok).toBe(true);
      const third = dispatch(services.handlers, 'export:print', args);
      await new Promise((r) => setTimeout(r, 10));
      finish();
      expect((await third).ok).toBe(true);
      expect(seen.map((p) => p.phase)).toEqual(['open', 'done', 'open', 'done']);
    });
  });

  it('without an exporter (browser preview, CLI serve) export:print is refused and nothing is sent', async () => {
    const services = await createAppServices({ storeFile, readOnly: true });
    const seen: ExportProgress[] = [];
    services.events.on('export:progress', (p) => seen.push(p));
    try {
      expect(await dispatch(services.handlers, 'export:print', args)).toMatchObject({ ok: false, code: 'bad-request' });
      expect(seen).toEqual([]);
    } finally {
      await services.close();
    }
  });
});
