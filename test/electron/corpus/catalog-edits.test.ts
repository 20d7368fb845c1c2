/**
 * Editing the entity catalog through the app's services on the sample corpus: the edit is recorded in the edits file,
 * the documents it touches are matched again at once (event entities and labels follow), Undo/Redo follow too, and
 * the edits survive re-annotation, a fresh annotation and a crash between recording and matching.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EditOp } from '../../../shared/edits';
import type { EditedEvent } from '../../../shared/edits';
import { createAppServices, type AppServices } from '../../../electron/app-services';
import { annotateCorpus } from '../../../electron/corpus/annotate-corpus';
import { syncCatalog } from '../../../electron/corpus/catalog-sync';
import { dispatch } from '../../../electron/ipc/dispatch';
import { openStore } from '../../../electron/store/database';
import { Repository } from '../../../electron/store/repository';
import { UserStore } from '../../../electron/store/user-store';

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

async function sampleStore(): Promise<{ dir: string; corpus: string; storeFile: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'chronolens-catalog-'));
  dirs.push(dir);
  const corpus = path.join(dir, 'corpus');
  await cp('assets/corpus', corpus, { recursive: true });
  const storeFile = path.join(dir, 'store.json');
  const store = await openStore(storeFile);
  await annotateCorpus(corpus, new Repository(store), { jobs: 0 });
  await store.close();
  return { dir, corpus, storeFile };
}

async function call<T>(s: AppServices, channel: string, args: unknown): Promise<T> {
  const r = await dispatch(s.handlers, channel, args);
  if (!r.ok) throw new Error(`${channel}: ${r.code}: ${r.message}`);
  return r.value as T;
}

const events = async (s: AppServices) => (await call<{ events: EditedEvent[] }>(s, 'timeline:load', {})).events;
const labelOf = async (s: AppServices, words: string) => (await events(s)).find((e) => e.text.includes(words))!.label;
/** Events per entity, as the entity filter counts them. */
const counts = async (s: AppServices) => {
  const m = new Map<string, number>();
  for (const e of await events(s)) for (const id of e.entities) m.set(id, (m.get(id) ?? 0) + 1);
  return m;
};
const apply = (s: AppServices, op: EditOp) => call<{ seq: number }>(s, 'edit:apply', { op });

const REGULATOR = 'الجهة المنظمة للسوق';

describe('catalog edits through the services', () => {
  it('an alias makes the market regulator an entity of its event and names it in the label; Undo and Redo follow', async () => {
    const { storeFile } = await sampleStore();
    const s = await createAppServices({ storeFile });
    try {
      await s.ready;
      expect(await labelOf(s, REGULATOR)).toBe("China · regulators' order");
      expect((await counts(s)).get('chinese-government')).toBe(1);
      await apply(s, { kind: 'entity.alias', id: 'chinese-government', add: [REGULATOR] });
      expect(await labelOf(s, REGULATOR)).toBe("Chinese government · regulators' order");
      expect((await counts(s)).get('chinese-government')).toBe(2);
      await call(s, 'edit:undo', {});
      expect(await labelOf(s, REGULATOR)).toBe("China · regulators' order");
      await call(s, 'edit:redo', {});
      expect(await labelOf(s, REGULATOR)).toBe("Chinese government · regulators' order");
    } finally {
      await s.close();
    }
  });

  it('a merge moves every event of the merged entity to the survivor, and a rename relabels them', async () => {
    const { storeFile } = await sampleStore();
    const s = await createAppServices({ storeFile });
    try {
      await s.ready;
      const before = await counts(s);
      await apply(s, { kind: 'entity.merge', into: 'ant-financial', from: ['alipay'] });
      const after = await counts(s);
      expect(after.has('alipay')).toBe(false);
      expect(after.get('ant-financial')).toBeGreaterThan(before.get('ant-financial')!);
      expect(await labelOf(s, 'أمرت الهيئات التنظيمية')).toBe("Ant Financial · regulators' order");
      const named = (await events(s)).filter((e) => e.label.startsWith('Ant Financial ·')).map((e) => e.id);
      expect(named.length).toBeGreaterThan(5);
      await apply(s, { kind: 'entity.update', id: 'ant-financial', name: 'Ant Group' });
      expect((await events(s)).filter((e) => e.label.startsWith('Ant Group ·')).map((e) => e.id)).toEqual(named);
      const list = await call<{ entities: Array<{ id: string; name: string; edited: boolean; events: number }> }>(s, 'entities:list', {});
      expect(list.entities.find((e) => e.id === 'ant-financial')).toMatchObject({ name: 'Ant Group', edited: true, events: after.get('ant-financial') });
      // The export names it the same way.
      const exported = JSON.parse((await call<{ text: string }>(s, 'export:data', { format: 'json' })).text) as { entities: Array<{ id: string; name: string }> };
      expect(exported.entities.find((e) => e.id === 'ant-financial')!.name).toBe('Ant Group');
    } finally {
      await s.close();
    }
  });

  it('accepting a suggested name adds it to the catalog and to its event; dismissing one hides it until Undo', async () => {
    const { storeFile } = await sampleStore();
    const s = await createAppServices({ storeFile });
    try {
      await s.ready;
      type List = { entities: Array<{ id: string; events: number; origin: string }>; candidates: Array<{ key: string; text: string }> };
      let list = await call<List>(s, 'entities:list', {});
      expect(list.candidates.map((c) => c.text)).toEqual(expect.arrayContaining(['ATEC', 'Qiuwan']));
      await apply(s, { kind: 'entity.add', name: 'ATEC', type: 'ORG', aliases: [] });
      list = await call<List>(s, 'entities:list', {});
      expect(list.entities.find((e) => e.id === 'atec')).toMatchObject({ origin: 'user', events: 1 });
      expect(list.candidates.map((c) => c.text)).not.toContain('ATEC');
      expect((await events(s)).find((e) => e.text.includes('gestern'))!.entities).toContain('atec');

      const qiuwan = list.candidates.find((c) => c.text === 'Qiuwan')!;
      await apply(s, { kind: 'candidate.dismiss', key: qiuwan.key, text: qiuwan.text });
      expect((await call<List>(s, 'entities:list', {})).candidates.map((c) => c.text)).not.toContain('Qiuwan');
      await call(s, 'edit:undo', {});
      expect((await call<List>(s, 'entities:list', {})).candidates.map((c) => c.text)).toContain('Qiuwan');
    } finally {
      await s.close();
    }
  });

  it('refuses an edit that cannot apply, saying why, and records nothing', async () => {
    const { storeFile } = await sampleStore();
    const s = await createAppServices({ storeFile });
    try {
      await s.ready;
      expect(await dispatch(s.handlers, 'edit:apply', { op: { kind: 'entity.add', name: 'Alipay', type: 'ORG' } })).toMatchObject({ ok: false, code: 'bad-request', message: '“Alipay” already names Alipay (alipay)' });
      expect(await dispatch(s.handlers, 'edit:apply', { op: { kind: 'entity.delete', id: 'nobody' } })).toMatchObject({ ok: false, code: 'bad-request', message: expect.stringMatching(/no entity nobody/) });
      expect((await call<{ history: { edits: number } }>(s, 'timeline:load', {})).history.edits).toBe(0);
    } finally {
      await s.close();
    }
  });
});

describe('catalog edits and re-annotation', () => {
  it('survive re-annotating a changed article and annotating the corpus afresh', async () => {
    const { corpus, storeFile, dir } = await sampleStore();
    let s = await createAppServices({ storeFile });
    await s.ready;
    await apply(s, { kind: 'entity.merge', into: 'ant-financial', from: ['alipay'] });
    await apply(s, { kind: 'entity.alias', id: 'chinese-government', add: [REGULATOR] });
    await s.close();

    // The article with the regulator changes: it is annotated again, with the researcher's catalog.
    const file = path.join(corpus, '001_aa85632ba5fb63a3.txt');
    await writeFile(file, `ملاحظة.\n\n${await readFile(file, 'utf8')}`);
    const reannotate = async (storePath: string) => {
      const store = await openStore(storePath);
      const user = await UserStore.open(storePath, { readOnly: true });
      const repo = new Repository(store, user);
      const summary = await annotateCorpus(corpus, repo, { jobs: 0 });
      const labels = repo.timeline().events.map((e) => e.label);
      await user.close();
      await store.close();
      return { summary, labels };
    };
    let r = await reannotate(storeFile);
    expect(r.summary.annotated).toBe(1);
    expect(r.labels).toContain("Chinese government · regulators' order");
    expect(r.labels).toContain("Ant Financial · regulators' order");
    expect(r.labels.some((l) => l.startsWith('Alipay'))).toBe(false);

    // A new store beside the same edits file: every article is annotated with the researcher's catalog.
    const fresh = path.join(dir, 'fresh.json');
    await cp(storeFile.replace(/\.json$/, '.user.json'), fresh.replace(/\.json$/, '.user.json'));
    r = await reannotate(fresh);
    expect(r.summary.annotated).toBe(5);
    expect(r.labels).toContain("Chinese government · regulators' order");
    expect(r.labels.some((l) => l.startsWith('Alipay'))).toBe(false);

    // Unchanged since: nothing is annotated again.
    expect((await reannotate(fresh)).summary.annotated).toBe(0);
    s = await createAppServices({ storeFile: fresh });
    await s.ready;
    expect(await labelOf(s, REGULATOR)).toBe("Chinese government · regulators' order");
    await s.close();
  });

  it('matches again only the documents an edit can touch', async () => {
    const { storeFile } = await sampleStore();
    const store = await openStore(storeFile);
    const user = await UserStore.open(storeFile);
    const repo = new Repository(store, user);
    try {
      const before = repo.catalog();
      await repo.applyEdit({ kind: 'entity.alias', id: 'chinese-government', add: [REGULATOR] });
      expect(await syncCatalog(repo, before)).toEqual({ checked: 5, rematched: 1 });
      // Jack Ma is named in three articles.
      const again = repo.catalog();
      await repo.applyEdit({ kind: 'entity.update', id: 'jack-ma', name: 'Ma Yun' });
      expect(await syncCatalog(repo, again)).toEqual({ checked: 5, rematched: 3 });
      expect(await syncCatalog(repo, repo.catalog())).toEqual({ checked: 0, rematched: 0 });
      expect(repo.timeline().events.filter((e) => e.label.startsWith('Ma Yun ·')).map((e) => e.label)).toEqual(['Ma Yun · richest · $41.8 bn', 'Ma Yun · statement', 'Ma Yun · statement']);
    } finally {
      await user.close();
      await store.close();
    }
  });

  it('catches up at start when an edit was recorded but its documents were not matched again (a crash)', async () => {
    const { storeFile } = await sampleStore();
    const store = await openStore(storeFile);
    const user = await UserStore.open(storeFile);
    await new Repository(store, user).applyEdit({ kind: 'entity.alias', id: 'chinese-government', add: [REGULATOR] });
    await user.close();
    await store.close();
    const s = await createAppServices({ storeFile });
    try {
      await s.ready;
      expect(await labelOf(s, REGULATOR)).toBe("Chinese government · regulators' order");
    } finally {
      await s.close();
    }
  });
});
