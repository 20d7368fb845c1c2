import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { EditOp } from '../../../shared/edits';
import { StoreReadError } from '../../../electron/store/durable-json-file';
import { userFileFor, UserStore } from '../../../electron/store/user-store';

const op = (label: string): EditOp => ({ kind: 'event.update', target: { doc: 'd', start: 0, end: 5, text: 'hello' }, patch: { label } });
let store: string;
beforeEach(async () => {
  store = path.join(await mkdtemp(path.join(os.tmpdir(), 'chronolens-user-')), 'store.json');
});

describe('the edits file', () => {
  it('lives beside the store and persists each edit before acknowledging it', async () => {
    const u = await UserStore.open(store);
    const e = await u.append(op('one'));
    expect(e.seq).toBe(1);
    const onDisk = JSON.parse(await readFile(userFileFor(store), 'utf8'));
    expect(onDisk.edits.map((x: { op: { patch: { label: string } } }) => x.op.patch.label)).toEqual(['one']);
    await u.close();
  });

  it('undoes and redoes, and a new edit discards what was undone', async () => {
    const u = await UserStore.open(store);
    await u.append(op('a'));
    await u.append(op('b'));
    expect((await u.undo())!.seq).toBe(2);
    expect(u.history()).toEqual({ canUndo: true, canRedo: true, edits: 1 });
    expect((await u.redo())!.seq).toBe(2);
    await u.undo();
    await u.append(op('c'));
    expect(u.log.map((e) => e.seq)).toEqual([1, 3]);
    expect(u.history().canRedo).toBe(false);
    await u.close();
    const again = await UserStore.open(store);
    expect(again.log.map((e) => e.seq)).toEqual([1, 3]);
    await again.close();
  });

  it('serialises concurrent writes: every acknowledged edit is on disk in order', async () => {
    const u = await UserStore.open(store);
    await Promise.all(Array.from({ length: 50 }, (_, i) => u.append(op(`e${i}`))));
    await u.close();
    const onDisk = JSON.parse(await readFile(userFileFor(store), 'utf8'));
    expect(onDisk.edits).toHaveLength(50);
    expect(onDisk.edits.map((e: { seq: number }) => e.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('keeps a damaged edits file aside and restores the last good backup, saying so', async () => {
    const u = await UserStore.open(store);
    await u.append(op('good'));
    await u.append(op('also good'));
    await u.close();
    await writeFile(userFileFor(store), '{"format":"chronolens.user","edits":[{"seq":1,');
    await expect(UserStore.open(store)).rejects.toBeInstanceOf(StoreReadError);
    const r = await UserStore.open(store, { recover: true });
    expect(r.recovered).toMatchObject({ restoredFrom: `${userFileFor(store)}.bak`, keptAside: expect.stringContaining('.unreadable-') });
    expect(r.log.map((e) => (e.op as { patch: { label: string } }).patch.label)).toEqual(['good']);
    expect(await readFile(r.recovered!.keptAside, 'utf8')).toBe('{"format":"chronolens.user","edits":[{"seq":1,');
    await r.close();
  });

  it('keeps a file from a newer version aside rather than overwriting it', async () => {
    await writeFile(userFileFor(store), JSON.stringify({ format: 'chronolens.user', version: 99, nextSeq: 1, edits: [] }));
    const r = await UserStore.open(store, { recover: true });
    expect(r.recovered!.reason).toMatch(/newer Chronolens/);
    expect(r.recovered!.restoredFrom).toBeNull();
    expect(JSON.parse(await readFile(r.recovered!.keptAside, 'utf8')).version).toBe(99);
    await r.close();
  });
});
