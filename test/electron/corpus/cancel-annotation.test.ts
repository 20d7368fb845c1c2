import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCorpus, loadSentencePools } from '../../../bench/generate-corpus';
import { createAppServices } from '../../../electron/app-services';
import { dispatch } from '../../../electron/ipc/dispatch';
import type { AnnotateProgress } from '../../../shared/ipc/contract';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'chronolens-cancel-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Resolves once the run has annotated `n` files (so cancelling really stops work in flight). */
const annotated = (services: Awaited<ReturnType<typeof createAppServices>>, n: number): Promise<void> =>
  new Promise((resolve) => {
    const on = (p: AnnotateProgress): void => {
      if (p.phase === 'annotate' && p.done >= n) {
        services.events.off('annotate:progress', on);
        resolve();
      }
    };
    services.events.on('annotate:progress', on);
  });

describe('cancelling an annotation', () => {
  it('stops a first-start annotation: the store stays empty and a later run annotates everything', async () => {
    const corpus = path.join(tmp, 'first');
    await generateCorpus({ out: corpus, count: 600, pools: await loadSentencePools('assets/corpus'), seed: 7 });
    const storeFile = path.join(tmp, 'first-store.json');
    const services = await createAppServices({ storeFile, defaultCorpusDir: corpus });
    try {
      const phases: string[] = [];
      services.events.on('annotate:progress', (p) => phases.push(p.phase));
      await annotated(services, 20);
      const t0 = performance.now();
      expect(await dispatch(services.handlers, 'corpus:cancel', {})).toEqual({ ok: true, value: { cancelled: true } });
      // Cancelling waits for the run to stop, and it stops long before the 600 files would be done.
      const stoppedMs = performance.now() - t0;
      await services.ready;
      const status = await services.handlers['app:status']({});
      expect(status).toMatchObject({ state: 'empty', corpusDir: corpus, error: null, progress: { phase: 'cancelled' } });
      expect(phases.at(-1)).toBe('cancelled');
      expect(phases).not.toContain('write');
      expect(stoppedMs).toBeLessThan(10_000);
      // Nothing half-written: no per-document files were left behind by the stopped run.
      const docsDir = `${storeFile}.d`;
      const leftovers = readdirSync(path.dirname(docsDir)).includes(path.basename(docsDir)) ? readdirSync(docsDir).filter((n) => n.endsWith('.json')) : [];
      expect(leftovers).toEqual([]);
      expect(await dispatch(services.handlers, 'corpus:cancel', {})).toEqual({ ok: true, value: { cancelled: false } });

      const summary = await dispatch(services.handlers, 'corpus:reannotate', {});
      expect(summary).toMatchObject({ ok: true, value: { documents: 600, annotated: 600 } });
    } finally {
      await services.close();
    }
  }, 120_000);

  it('stops a re-scan: the timeline the store held is kept exactly, and the call answers `cancelled`', async () => {
    const corpus = path.join(tmp, 'rescan');
    const pools = await loadSentencePools('assets/corpus');
    await generateCorpus({ out: corpus, count: 40, pools, seed: 11 });
    const storeFile = path.join(tmp, 'rescan-store.json');
    const services = await createAppServices({ storeFile, defaultCorpusDir: corpus });
    try {
      await services.ready;
      const before = await services.handlers['timeline:load']({});
      const indexBefore = readFileSync(storeFile, 'utf8');
      expect(before.documents).toHaveLength(40);
      // 600 more articles (a new seed rewrites the 40 too): a re-scan with plenty to do.
      await generateCorpus({ out: corpus, count: 600, pools, seed: 12 });
      const rescan = dispatch(services.handlers, 'corpus:reannotate', {});
      await annotated(services, 20);
      expect(await services.handlers['app:status']({})).toMatchObject({ state: 'annotating' });
      await services.handlers['corpus:cancel']({});
      expect(await rescan).toMatchObject({ ok: false, code: 'cancelled', message: expect.stringMatching(/cancelled/) });
      expect(await services.handlers['app:status']({})).toMatchObject({ state: 'ready' });
      expect(await services.handlers['timeline:load']({})).toEqual(before);
      expect(readFileSync(storeFile, 'utf8')).toBe(indexBefore);
    } finally {
      await services.close();
    }
  }, 120_000);
});
