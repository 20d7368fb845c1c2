/**
 * `timeline:overview` kept as bytes per state of the store (electron/store/overview-cache.ts): made once per revision,
 * found on disk by a later start when the stored state is the same, never when it differs, and a stale file (same
 * state, other code) replaced by the check that follows an answer from disk.
 */
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OverviewCache, type OverviewCacheOptions } from '../../../electron/store/overview-cache';
import type { TimelineOverviewWire } from '../../../shared/ipc/contract';
import { packEvents, timelineEvent } from '../../../shared/timeline-pack';
import { event } from '../../renderer/fixtures';

const overviewOf = (label: string): TimelineOverviewWire => ({
  corpusDir: '/corpus',
  documents: [],
  events: packEvents([event('d1-e0', { value: '2018-06-08', start: '2018-06-08', end: '2018-06-08' }, { label })].map(timelineEvent)),
  problems: [],
  orphaned: [],
  history: { canUndo: false, canRedo: false, edits: 0 },
});

/** A store stand-in: its state and revision change together; `label` is what the derivation makes of it. */
function fakeStore(file: string | null, checkAfterMs = 10_000) {
  const s = { revision: 1, state: 'state-1', label: 'Alipay · launch', computed: 0 };
  const opts: OverviewCacheOptions = {
    compute: () => {
      s.computed += 1;
      return overviewOf(s.label);
    },
    revision: () => String(s.revision),
    state: () => s.state,
    file,
    checkAfterMs,
  };
  return { s, cache: new OverviewCache(opts) };
}

const valueOf = (json: Buffer): TimelineOverviewWire => (JSON.parse(json.toString('utf8')) as { ok: true; value: TimelineOverviewWire }).value;
const waitFor = async (ok: () => boolean, ms = 3000): Promise<void> => {
  const end = Date.now() + ms;
  while (!ok() && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
};

describe('OverviewCache', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'chronolens-overview-'));
    file = path.join(dir, 'store.json.overview');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('answers the Result envelope of the overview, plain and gzipped, derived once per revision', async () => {
    const { s, cache } = fakeStore(null);
    const a = await cache.answer();
    expect(JSON.parse(a.json().toString('utf8'))).toEqual({ ok: true, value: overviewOf('Alipay · launch') });
    expect(gunzipSync(a.gzip).equals(a.json())).toBe(true);
    expect(a.value()).toEqual(overviewOf('Alipay · launch'));
    await cache.answer();
    expect(s.computed).toBe(1);
    // An edit: new revision and state, new overview.
    Object.assign(s, { revision: 2, state: 'state-2', label: 'Alipay · fined' });
    expect(valueOf((await cache.answer()).json())).toEqual(overviewOf('Alipay · fined'));
    expect(s.computed).toBe(2);
    await cache.close();
  });

  it('keeps the bytes when the revision moves but the state stays (a catalog check that changed nothing)', async () => {
    const { s, cache } = fakeStore(null);
    const first = await cache.answer();
    s.revision = 2;
    expect((await cache.answer()).gzip).toBe(first.gzip);
    expect(s.computed).toBe(1);
    await cache.close();
  });

  it('lets the next start answer from the file beside the store without deriving, when the state is the same', async () => {
    const one = fakeStore(file);
    const written = await one.cache.answer();
    await one.cache.close();
    expect((await stat(file)).size).toBeGreaterThan(written.gzip.length);

    const two = fakeStore(file);
    const read = await two.cache.answer();
    expect(two.s.computed).toBe(0);
    expect(read.json().equals(written.json())).toBe(true);
    expect(read.value()).toEqual(overviewOf('Alipay · launch'));
    await two.cache.close();
  });

  it('never answers from a file of another state, nor from a damaged one', async () => {
    const one = fakeStore(file);
    await one.cache.answer();
    await one.cache.close();

    const other = fakeStore(file);
    Object.assign(other.s, { state: 'state-after-an-edit', label: 'Alipay · fined' });
    expect((await other.cache.answer()).value()).toEqual(overviewOf('Alipay · fined'));
    expect(other.s.computed).toBe(1);
    await other.cache.close();

    await writeFile(file, 'chronolens.overview/2\nnot a digest at all');
    const three = fakeStore(file);
    Object.assign(three.s, { state: 'state-after-an-edit', label: 'Alipay · fined' });
    expect((await three.cache.answer()).value()).toEqual(overviewOf('Alipay · fined'));
    expect(three.s.computed).toBe(1);
    await three.cache.close();
  });

  it('replaces a stale file (same state, derived by other code) once the server has been quiet, and answers fresh', async () => {
    const old = fakeStore(file);
    old.s.label = 'derived by an older version';
    await old.cache.answer();
    await old.cache.close();
    const before = await readFile(file);

    const now = fakeStore(file, 20);
    const stale = await now.cache.answer();
    expect(stale.value()).toEqual(overviewOf('derived by an older version'));
    // Requests keep coming: the check waits for a quiet second.
    now.cache.touch();
    await new Promise((r) => setTimeout(r, 200));
    expect(now.s.computed).toBe(0);
    await waitFor(() => now.s.computed === 1);
    expect(now.s.computed).toBe(1);
    expect((await now.cache.answer()).value()).toEqual(overviewOf('Alipay · launch'));
    await now.cache.close();
    const after = await readFile(file);
    expect(after.equals(before)).toBe(false);
    const next = fakeStore(file);
    expect((await next.cache.answer()).value()).toEqual(overviewOf('Alipay · launch'));
    expect(next.s.computed).toBe(0);
    await next.cache.close();
  });

  it('keeps nothing on disk for a read-only store', async () => {
    const { cache } = fakeStore(null);
    await cache.answer();
    await cache.close();
    await expect(stat(file)).rejects.toThrow();
  });
});
