/**
 * 10,000 random and hostile documents through decoding and the whole annotation pipeline: no exception, offsets
 * that index the text, and bounded time per document. Deterministic (seeded) so a failure can be replayed.
 */
import { describe, expect, it } from 'vitest';
import { rng } from '../../bench/generate-corpus';
import { annotateDocument } from '../../electron/annotate/annotate-document';
import { DecodeError, decodeText, normaliseNewlines } from '../../electron/corpus/decode';

const FRAGMENTS = [
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>', 'javascript:alert(1)', '{{constructor.constructor("alert(1)")()}}',
  '\u202Eevil\u202C', '\u200F', '\uD800', '\uDFFF', '\u0000', '\uFEFF', 'ـــــ', 'ﷺ', '٨', '۸', '2018', '٢٠١٨', '31.12.2018', '01/02/03',
  'اليوم، ٨ يونيو', 'العام التالي', 'أيار/مايو', 'كانون الثاني', 'جانفي', 'gestern', 'Anfang des Sommers', 'im dritten Quartal', 'le 1er mai',
  'l’année suivante', 'late last July', 'Q3 2019', 'from 2016 to 2018', '١٤ مليار دولار', '11,9 Mrd. Euro', 'May', 'march', 'mai', 'März',
  '9'.repeat(300), 'June '.repeat(200), 'يونيو '.repeat(200), 'ب'.repeat(500), '(((((((((((', ')))))))', ' . . . ', '\n\n\n', '\r\n', '؟', '،', '!!!',
];

function hostileText(rand: () => number): string {
  const parts: string[] = [];
  const n = 1 + Math.floor(rand() * 30);
  for (let i = 0; i < n; i++) {
    const r = rand();
    if (r < 0.6) parts.push(FRAGMENTS[Math.floor(rand() * FRAGMENTS.length)]!);
    else if (r < 0.85) parts.push(String.fromCharCode(...Array.from({ length: Math.floor(rand() * 40) }, () => Math.floor(rand() * 0x3000))));
    else parts.push(String.fromCharCode(...Array.from({ length: Math.floor(rand() * 40) }, () => 0x600 + Math.floor(rand() * 0x100))));
  }
  return parts.join(rand() < 0.5 ? ' ' : '');
}

function randomBytes(rand: () => number): Uint8Array {
  return Uint8Array.from({ length: Math.floor(rand() * 600) }, () => Math.floor(rand() * 256));
}

describe('annotation of hostile input', () => {
  it('survives 10,000 random and hostile documents with well-formed output and bounded time', () => {
    const rand = rng(20261122);
    let slowest = 0;
    let annotated = 0;
    let rejected = 0;
    for (let i = 0; i < 10_000; i++) {
      let text: string;
      if (i % 4 === 0) {
        try {
          text = normaliseNewlines(decodeText(randomBytes(rand)).text);
        } catch (e) {
          expect(e).toBeInstanceOf(DecodeError);
          rejected++;
          continue;
        }
      } else text = hostileText(rand);
      const t0 = performance.now();
      const refs = [null, '2018-06-08', '2020', '2021-04'];
      const out = annotateDocument({ id: `d${i}`, file: `f${i}.txt`, text, hash: 'h', manifest: { published: refs[i % 4] ?? undefined } });
      slowest = Math.max(slowest, performance.now() - t0);
      annotated++;
      for (const t of out.timexes) {
        expect(t.start).toBeGreaterThanOrEqual(0);
        expect(t.end).toBeLessThanOrEqual(text.length);
        expect(text.slice(t.start, t.end)).toBe(t.text);
      }
      for (const e of out.events) expect(text.slice(e.start, e.end)).toBe(e.text);
      if (refs[i % 4] === null) for (const e of out.events) expect(e.date.certainty === 'stated' || /X/.test(e.date.value)).toBe(true);
    }
    expect(annotated).toBeGreaterThan(7_000);
    expect(rejected).toBeGreaterThan(0);
    // Generous: a document here is at most a few KB; the precise figures are in the bench.
    expect(slowest).toBeLessThan(1_000);
  }, 300_000);
});
