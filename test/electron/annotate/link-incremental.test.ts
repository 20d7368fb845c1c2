import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCorpus, loadSentencePools } from '../../../bench/generate-corpus';
import { annotateDocument, type AnnotatedDocument } from '../../../electron/annotate/annotate-document';
import { linkCorpus, packLinkOut, unpackLinkOut, type LinkOut } from '../../../electron/annotate/link-events';
import { parseManifest } from '../../../electron/corpus/manifest';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'chronolens-link-inc-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let docs: AnnotatedDocument[] = [];
let spare: Array<{ file: string; text: string; meta: ReturnType<typeof parseManifest> extends Map<string, infer M> ? M : never }> = [];

beforeAll(async () => {
  const corpus = path.join(tmp, 'corpus');
  await generateCorpus({ out: corpus, count: 1300, pools: await loadSentencePools('assets/corpus'), seed: 11 });
  const manifest = [...parseManifest(readFileSync(path.join(corpus, 'manifest.csv'), 'utf8'))];
  const read = ([file, meta]: (typeof manifest)[number]) => ({ file, meta, text: readFileSync(path.join(corpus, file), 'utf8') });
  docs = manifest.slice(0, 1200).map(read).map(({ file, meta, text }) => annotateDocument({ id: `d-${file}`, file, text, hash: file, manifest: meta }));
  spare = manifest.slice(1200).map(read);
}, 120_000);

const plain = (m: Map<string, LinkOut>): Record<string, unknown> => Object.fromEntries([...m].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, packLinkOut(v)]));

describe('incremental linking', () => {
  it('gives what a full relink gives after 100 documents changed, 10 were removed and 10 added', () => {
    const first = linkCorpus(docs);
    expect(first.stats.links).toBeGreaterThan(1000);
    // Links go through their stored form between runs, as they do in the store.
    const previous = new Map([...first.out].map(([k, v]) => [k, unpackLinkOut(JSON.parse(JSON.stringify(packLinkOut(v))))]));
    const next = [...docs];
    const before: AnnotatedDocument[] = [];
    const changed = new Set<string>();
    // 100 changed: each takes another article's text (its events, groups and buckets move).
    for (let k = 0; k < 100; k++) {
      const i = (k * 11) % next.length;
      const old = next[i]!;
      const src = spare[k % spare.length]!;
      before.push(old);
      changed.add(old.document.id);
      next[i] = annotateDocument({ id: old.document.id, file: old.document.file, text: `${src.text}\n\nUpdated.`, hash: `${old.document.hash}+`, manifest: src.meta });
    }
    // 10 removed, 10 added (kept in file order).
    for (let k = 0; k < 10; k++) {
      const [gone] = next.splice(5 + k * 97, 1);
      if (changed.has(gone!.document.id)) {
        changed.delete(gone!.document.id);
      } else before.push(gone!);
    }
    for (const { file, text, meta } of spare.slice(80, 90)) {
      const d = annotateDocument({ id: `d-new-${file}`, file: `new/${file}`, text, hash: `new-${file}`, manifest: meta });
      next.push(d);
      changed.add(d.document.id);
    }
    next.sort((a, b) => a.document.file.localeCompare(b.document.file));
    const full = linkCorpus(next);
    const inc = linkCorpus(next, {}, { previous, changed, before });
    expect(inc.stats.relinkedGroups).toBeLessThan(full.stats.relinkedGroups);
    expect(plain(inc.out)).toEqual(plain(full.out));
  }, 120_000);

  it('keeps at most three links per event, with reasons rendered from a short code', () => {
    const { out } = linkCorpus(docs);
    for (const o of out.values()) {
      expect(o.links.length).toBeLessThanOrEqual(3);
      expect(o.sameAs).toEqual(o.links.map((l) => l.event));
      for (const l of o.links) expect(l.reasons.every((r) => r.length > 0 && !r.includes('|'))).toBe(true);
    }
    const packed = JSON.stringify([...out.values()].map(packLinkOut));
    expect(packed.length / Math.max(1, out.size)).toBeLessThan(400);
  });

  it('is deterministic', () => {
    expect(plain(linkCorpus(docs).out)).toEqual(plain(linkCorpus(docs).out));
  });
});
