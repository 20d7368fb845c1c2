import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeWord, tokenize } from '../../../electron/annotate/text-tokens';

const CORPUS = 'assets/corpus';
const texts = readdirSync(CORPUS)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(path.join(CORPUS, f), 'utf8'));

/** The folding rule written out plainly (text-tokens.ts takes shortcuts for ASCII words and caches the rest). */
const fold = (w: string): string =>
  w
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\u0640/g, '')
    .replace(/ß/g, 'ss')
    .replace(/\u0671/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/[ىیۍ]/g, 'ي')
    .replace(/ک/g, 'ك');

describe('tokenize', () => {
  it('folds every word of the sample corpus (ar, de, fr) as the plain rule does, and marks Arabic and capitals', () => {
    let words = 0;
    let arabic = 0;
    for (const text of texts) {
      for (const t of tokenize(text)) {
        expect(text.slice(t.start, t.end)).toBe(t.text);
        if (t.kind !== 'word') continue;
        words++;
        expect(t.norm).toBe(fold(t.text));
        expect(t.arabic).toBe(/[\u0620-\u064A\u066E-\u06D3\u06FA-\u06FF\u0750-\u077F]/.test(t.text));
        if (t.arabic) arabic++;
        expect(t.cap).toBe(t.text[0] !== t.text[0]!.toLowerCase());
      }
    }
    expect(words).toBeGreaterThan(1500);
    expect(arabic).toBeGreaterThan(300);
  });

  it('keeps non-ASCII words, marks and astral letters whole, and folds them the same on every call', () => {
    const text = 'Straße ÉTÉ Ärger أإآٱلبنك ـــمليار ىیۍک 𝐀𝐁c Σίσυφος a\u0301b 1٢۳';
    const words = tokenize(text).filter((t) => t.kind === 'word');
    expect(words.map((t) => t.text)).toEqual(['Straße', 'ÉTÉ', 'Ärger', 'أإآٱلبنك', 'ـــمليار', 'ىیۍک', '𝐀𝐁c', 'Σίσυφος', 'a\u0301b']);
    expect(words.map((t) => t.norm)).toEqual(words.map((t) => fold(t.text)));
    expect(words.map((t) => normalizeWord(t.text))).toEqual(words.map((t) => t.norm));
    expect(words.map((t) => t.norm).slice(0, 5)).toEqual(['strasse', 'ete', 'arger', 'اااالبنك', 'مليار']);
    expect(tokenize('1٢۳').map((t) => [t.kind, t.norm])).toEqual([['num', '123']]);
  });
});
