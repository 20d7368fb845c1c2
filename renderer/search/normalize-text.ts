/**
 * Folds text for matching: case, Latin diacritics and Arabic orthographic variants all compare equal, so a
 * researcher typing "muller" or "اسرائيل" finds "Müller" and "إسرائيل".
 */
const ARABIC_FOLD: Record<string, string> = {
  'أ': 'ا',
  'إ': 'ا',
  'آ': 'ا',
  'ٱ': 'ا',
  'ة': 'ه',
  'ى': 'ي',
};

export function normalizeText(text: string): string {
  return (
    text
      // Alif variants first: NFD would split them into alif + combining hamza/madda, which is then dropped anyway,
      // but doing it explicitly keeps the mapping independent of the Unicode decomposition tables.
      .replace(/[أإآٱةى]/g, (ch) => ARABIC_FOLD[ch] ?? ch)
      .normalize('NFD')
      // Combining marks: Latin accents and Arabic tashkeel (harakat, shadda, sukun, dagger alif, Quranic marks).
      .replace(/\p{M}/gu, '')
      // Tatweel (kashida) only stretches letters.
      .replace(/\u0640/g, '')
      .toLowerCase()
      .replace(/ß/g, 'ss')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/** Splits a query into normalised terms; an event matches when its text contains every term. */
export function queryTerms(query: string): string[] {
  const n = normalizeText(query);
  return n === '' ? [] : n.split(' ');
}

export function matchesTerms(normalizedHaystack: string, terms: readonly string[]): boolean {
  return terms.every((t) => normalizedHaystack.includes(t));
}
