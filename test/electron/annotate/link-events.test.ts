import { describe, expect, it } from 'vitest';
import type { ChronoEvent } from '../../../shared/model';
import type { AnnotatedDocument } from '../../../electron/annotate/annotate-document';
import { linkEvents } from '../../../electron/annotate/link-events';

function doc(id: string, published: string | null, amounts: Array<[number, string]>, events: Array<Partial<ChronoEvent> & { date: ChronoEvent['date'] }>): AnnotatedDocument {
  return {
    document: { id, file: `${id}.txt`, lang: 'en', title: id, text: '', published: { value: published, source: published ? 'manifest' : 'none', certainty: published ? 'stated' : 'uncertain', evidence: '' }, hash: id, sentences: [] },
    timexes: [],
    amounts: amounts.map(([value, currency]) => ({ start: 0, end: 1, text: '', value, currency })),
    events: events.map((e, k) => ({ id: `${id}-e${k}`, doc: id, start: 0, end: 1, text: `${id} sentence ${k}`, label: 'Ant Financial · funding round', entities: ['ant-financial'], amounts: [], edited: false, ...e })),
  };
}

const june8 = { value: '2018-06-08', certainty: 'inferred' as const, start: '2018-06-08', end: '2018-06-08' };
const june = { value: '2018-06', certainty: 'inferred' as const, start: '2018-06-01', end: '2018-06-30' };

describe('linking events across documents', () => {
  it('links $14 bn on 8 June 2018 with €11.9 bn in June 2018 through the yearly rate', () => {
    const { documents } = linkEvents([doc('ar', '2018-06-08', [[14e9, 'USD']], [{ date: june8, amounts: [0] }]), doc('de', '2018-09-21', [[11.9e9, 'EUR']], [{ date: june, amounts: [0] }])]);
    const [a, b] = documents.map((d) => d.events[0]!);
    expect(a!.sameAs).toEqual(['de-e0']);
    expect(b!.sameAs).toEqual(['ar-e0']);
    expect(a!.links![0]!.score).toBeGreaterThan(0.7);
    expect(a!.links![0]!.reasons.join(' | ')).toMatch(/equivalent amounts \$14 bn ≈ €11.9 bn/);
  });

  it('does not link different figures, different months, or no shared entity', () => {
    const base = doc('a', '2018-06-08', [[14e9, 'USD']], [{ date: june8, amounts: [0] }]);
    expect(linkEvents([base, doc('b', '2018-09-21', [[3e9, 'EUR']], [{ date: june, amounts: [0] }])]).stats.links).toBe(0);
    expect(linkEvents([base, doc('c', '2018-09-21', [[11.9e9, 'EUR']], [{ date: { value: '2018-07', certainty: 'inferred', start: '2018-07-01', end: '2018-07-31' }, amounts: [0] }])]).stats.links).toBe(0);
    expect(linkEvents([base, doc('d', '2018-09-21', [[11.9e9, 'EUR']], [{ date: june, amounts: [0], entities: ['tencent'] }])]).stats.links).toBe(0);
  });

  it('lends a dated twin\'s year to an event whose year is unknown, naming the twin', () => {
    const { documents, stats } = linkEvents([doc('ar', '2018-06-08', [[14e9, 'USD']], [{ date: june8, amounts: [0] }]), doc('de', null, [[11.9e9, 'EUR']], [{ date: { value: 'XXXX-06', certainty: 'uncertain' }, amounts: [0] }])]);
    const lent = documents[1]!.events[0]!;
    expect(lent.date).toMatchObject({ value: '2018-06', certainty: 'inferred', start: '2018-06-01', end: '2018-06-30' });
    expect(lent.date.evidence).toMatch(/ar\.txt \(2018-06-08\)/);
    expect(stats.yearsInferred).toBe(1);
  });

  it('is idempotent: linking linked documents again gives the same result', () => {
    const docs = [doc('ar', '2018-06-08', [[14e9, 'USD']], [{ date: june8, amounts: [0] }]), doc('de', null, [[11.9e9, 'EUR']], [{ date: { value: 'XXXX-06', certainty: 'uncertain' }, amounts: [0] }])];
    const once = linkEvents(docs).documents;
    expect(linkEvents(once).documents).toEqual(once);
    expect(docs[1]!.events[0]!.date.value).toBe('XXXX-06'); // the input is not modified
  });

  it('links copies of one statement and keeps links per event bounded', () => {
    const docs = Array.from({ length: 50 }, (_, k) => doc(`w${k}`, '2018-06-08', [], [{ date: june8, text: 'Ant Financial said on Friday it raised money in a new funding round.' }]));
    const { documents } = linkEvents(docs, { maxLinks: 5 });
    for (const d of documents) expect(d.events[0]!.sameAs).toHaveLength(5);
  });

  it('never scores all pairs: 5,000 events about one company on one day stay within the blocking windows', () => {
    const docs = Array.from({ length: 5000 }, (_, k) => doc(`n${k}`, '2018-06-08', [[(k % 97) * 1e8 + 1e8, 'USD']], [{ date: june8, amounts: [0], text: `statement ${k}`, entities: ['ant-financial', k % 2 ? 'alipay' : 'china'] }]));
    const { stats } = linkEvents(docs);
    expect(stats.pairsScored).toBeLessThan((5000 * 4999) / 2 / 10); // all pairs would be 12.5 million
    expect(stats.windowedBuckets).toBeGreaterThan(0);
  });
});
