import { describe, expect, it } from 'vitest';
import { matchesTerms, normalizeText, queryTerms } from '../../renderer/search/normalize-text';

describe('normalizeText', () => {
  it('ignores case and Latin diacritics', () => {
    expect(normalizeText('Ankündigung SÉANCE Müller')).toBe('ankundigung seance muller');
  });

  it('folds ß to ss so "strasse" finds "Straße"', () => {
    expect(normalizeText('Straße')).toBe('strasse');
  });

  it('strips Arabic tashkeel and tatweel', () => {
    // مُحَمَّد with harakat and shadda; الصـــين with kashida.
    expect(normalizeText('مُحَمَّد')).toBe('محمد');
    expect(normalizeText('الصـــين')).toBe('الصين');
  });

  it('unifies alif forms, taa marbuta and alif maqsura', () => {
    expect(normalizeText('أإآٱ')).toBe('اااا');
    expect(normalizeText('شركة')).toBe('شركه');
    expect(normalizeText('على')).toBe('علي');
    expect(normalizeText('إنترناشيونال')).toBe(normalizeText('انترناشيونال'));
  });

  it('collapses whitespace', () => {
    expect(normalizeText('  a \n\t b ')).toBe('a b');
  });
});

describe('queryTerms / matchesTerms', () => {
  it('matches when every term occurs, in any order', () => {
    const hay = normalizeText('Ant Financial startet eine Blockchain-Plattform');
    expect(matchesTerms(hay, queryTerms('blockchain ant'))).toBe(true);
    expect(matchesTerms(hay, queryTerms('blockchain tencent'))).toBe(false);
  });

  it('finds Arabic text typed without hamza or with a different taa', () => {
    const hay = normalizeText('دخلت شركة آنت إنترناشيونال');
    expect(matchesTerms(hay, queryTerms('انت'))).toBe(true);
    expect(matchesTerms(hay, queryTerms('شركه'))).toBe(true);
  });

  it('has no terms for a blank query', () => {
    expect(queryTerms('   ')).toEqual([]);
  });
});
