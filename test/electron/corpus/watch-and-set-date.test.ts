import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createAppServices } from '../../../electron/app-services';
import { watchCorpus } from '../../../electron/corpus/watch-corpus';
import { dispatch } from '../../../electron/ipc/dispatch';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'chronolens-watch-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const waitFor = <T>(register: (resolve: (v: T) => void) => void, ms: number): Promise<T | 'timeout'> =>
  new Promise((resolve) => {
    const t = setTimeout(() => resolve('timeout'), ms);
    register((v) => {
      clearTimeout(t);
      resolve(v);
    });
  });

describe('watching the corpus folder', () => {
  it('reports a burst of changes once, after it settles, and ignores hidden and unsupported files', async () => {
    const dir = path.join(tmp, 'w1');
    mkdirSync(dir);
    const calls: number[] = [];
    const stop = watchCorpus(dir, (n) => calls.push(n), { debounceMs: 150 });
    try {
      writeFileSync(path.join(dir, '.swap'), 'x');
      writeFileSync(path.join(dir, 'image.png'), 'x');
      await new Promise((r) => setTimeout(r, 400));
      expect(calls).toEqual([]);
      writeFileSync(path.join(dir, 'a.txt'), 'one');
      writeFileSync(path.join(dir, 'a.txt'), 'one, again');
      writeFileSync(path.join(dir, 'b.html'), '<p>two</p>');
      await new Promise((r) => setTimeout(r, 600));
      expect(calls).toEqual([2]);
    } finally {
      stop();
    }
  });

  it('stops quietly when the folder does not exist', () => {
    const stop = watchCorpus(path.join(tmp, 'missing'), () => {});
    expect(() => stop()).not.toThrow();
  });
});

describe('the app services', () => {
  it('set a document’s date over IPC, re-resolve its relative dates, and announce corpus changes', async () => {
    const corpus = path.join(tmp, 'corpus');
    mkdirSync(corpus);
    copyFileSync('assets/corpus/002_d34475018d67325a.txt', path.join(corpus, '002.txt'));
    const services = await createAppServices({ storeFile: path.join(tmp, 'store.json'), defaultCorpusDir: corpus });
    try {
      await services.ready;
      const { value: timeline } = (await dispatch(services.handlers, 'timeline:load', {})) as { value: { documents: Array<{ id: string; published: { value: string | null } }> } };
      const doc = timeline.documents[0]!;
      expect(doc.published.value).toBeNull();

      const set = await dispatch(services.handlers, 'document:set-date', { id: doc.id, published: '2018-09-21' });
      expect(set).toMatchObject({ ok: true, value: { id: doc.id, published: { value: '2018-09-21', source: 'user', certainty: 'stated' } } });
      const view = await services.handlers['document:get']({ id: doc.id });
      expect(view.timexes.find((t) => t.text === 'gestern')?.value).toBe('2018-09-20');

      expect(await dispatch(services.handlers, 'document:set-date', { id: doc.id, published: '21.09.2018' })).toMatchObject({ ok: false, code: 'bad-request' });
      expect(await dispatch(services.handlers, 'document:set-date', { id: 'dnope', published: '2018' })).toMatchObject({ ok: false, code: 'not-found' });
      expect(await dispatch(services.handlers, 'document:set-date', { id: doc.id, published: null })).toMatchObject({ ok: true, value: { published: { value: null } } });

      // Setting a date is in the edit history: Undo restores the date before (2018-09-21), Redo clears it again.
      const gestern = async () => (await services.handlers['document:get']({ id: doc.id })).timexes.find((t) => t.text === 'gestern')?.value;
      expect(await dispatch(services.handlers, 'edit:undo', {})).toMatchObject({ ok: true, value: { history: { canRedo: true } } });
      expect((await services.handlers['timeline:load']({})).documents[0]!.published).toMatchObject({ value: '2018-09-21', source: 'user' });
      expect(await gestern()).toBe('2018-09-20');
      await dispatch(services.handlers, 'edit:undo', {});
      expect((await services.handlers['timeline:load']({})).documents[0]!.published.value).toBeNull();
      await dispatch(services.handlers, 'edit:redo', {});
      expect((await services.handlers['timeline:load']({})).documents[0]!.published.value).toBe('2018-09-21');

      const changed = waitFor<{ files: number }>((resolve) => services.events.once('corpus:changed', resolve), 5_000);
      writeFileSync(path.join(corpus, 'new.txt'), 'Heute, am 8. Juni, kündigte Ant eine Finanzierungsrunde an.');
      expect(await changed).toEqual({ files: 1 });
    } finally {
      await services.close();
    }
  }, 60_000);
});
