import { describe, it, expect } from 'vitest';
import type { Lang } from '../../../shared/model';
import { tagTimexes } from '../../../electron/annotate/time/index';
import { wellFormed } from './helpers';

const LANGS: Lang[] = ['ar', 'de', 'fr', 'en'];

/** Small deterministic PRNG so failures reproduce. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = ['May', 'march', ' ', '\n', '.', ',', '-', '/', '(', ')', "'", '2018', '١٢', '۲۰۱۹', '31', '5G', '%', '$',
  'يونيو', 'أيار', 'العام', 'الماضي', 'وفي', 'صيف', 'عام', 'Anfang', 'des', 'Monats', 'März', '3.', 'le', '1er', 'mai',
  'il y a', 'ans', 'last', 'week', 'ago', 'two', 'years', 'gestern', 'aujourd’hui', 'Q3', 'mid-', '1990s', '\u0640', 'ً'];

describe('robustness', () => {
  it('never throws and returns well-formed offsets on random mixes of date words, digits and Arabic letters', () => {
    const rand = rng(42);
    for (let k = 0; k < 400; k++) {
      let s = '';
      const n = Math.floor(rand() * 40);
      for (let j = 0; j < n; j++) s += PIECES[Math.floor(rand() * PIECES.length)]! + (rand() < 0.6 ? ' ' : '');
      for (const lang of LANGS) {
        for (const ref of ['2018-06-08', '2018-06', '2018', null]) {
          const ts = tagTimexes(s, { lang, ref });
          expect(wellFormed(s, ts)).toBe(true);
        }
      }
    }
  });

  it('never throws on random unicode, including lone surrogates', () => {
    const rand = rng(7);
    for (let k = 0; k < 300; k++) {
      let s = '';
      const n = Math.floor(rand() * 60);
      for (let j = 0; j < n; j++) s += String.fromCharCode(Math.floor(rand() * 0x10000));
      for (const lang of LANGS) expect(wellFormed(s, tagTimexes(s, { lang, ref: '2020-02-29' }))).toBe(true);
    }
  });

  it('accepts an odd or malformed reference date without reading the clock', () => {
    for (const ref of ['', 'garbage', '2018-13-40', '0000']) {
      expect(() => tagTimexes('Gestern und am 3. März', { lang: 'de', ref })).not.toThrow();
    }
  });

  it('tells apart spellings whose code units agree in their low byte (the tokenizer packs short Latin-1 words)', () => {
    // U+0161 "š" and U+0100 "Ā" have the low bytes of "a" and of NUL: "Mši" must not be read as "Mai", in either order.
    const text = 'Am 3. Mši 2019, am 4. Mai 2019, am 5. Mši 2019 und am 6. MĀai 2019.';
    const ts = tagTimexes(text, { lang: 'de', ref: '2019-06-01' });
    expect(ts.map((t) => [t.text, t.value])).toEqual([['4. Mai 2019', '2019-05-04']]);
    const fresh = tagTimexes('Am 7. Mši 2019 oder am 8. Mai 2019.', { lang: 'de', ref: '2019-06-01' });
    expect(fresh.map((t) => t.value)).toEqual(['2019-05-08']);
  });

  it('handles an unsupported language by returning nothing', () => {
    expect(tagTimexes('May 5, 2019', { lang: 'und', ref: null })).toEqual([]);
  });
});

describe('linear time on hostile input', () => {
  const MB = 1_000_000;
  const cases: Array<[string, string, Lang]> = [
    ['a megabyte of digits', '7'.repeat(MB), 'en'],
    // One token per character: the densest input there is.
    ['a megabyte of digits and dots', '1.2.'.repeat(MB / 4), 'de'],
    ['a megabyte of repeated month names', 'May March June '.repeat(MB / 15), 'en'],
    ['a megabyte of repeated German dates', '3. März 2017, '.repeat(MB / 14), 'de'],
    ['a megabyte of Arabic letters', 'ب'.repeat(MB), 'ar'],
    ['a megabyte of Arabic words', 'وفي العام الماضي '.repeat(MB / 17), 'ar'],
    ['a megabyte of French apostrophes', "l'l'l'".repeat(MB / 6), 'fr'],
  ];
  for (const [name, text, lang] of cases) {
    it(`tags ${name} in under 3 seconds`, () => {
      const t0 = performance.now();
      const ts = tagTimexes(text, { lang, ref: '2018-06-08' });
      const ms = performance.now() - t0;
      expect(wellFormed(text, ts)).toBe(true);
      expect(ms).toBeLessThan(3000);
    });
  }
});
