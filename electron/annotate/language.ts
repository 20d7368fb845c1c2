/** Language identification by script and function words: robust on news text and cheap (one pass). */
import type { Lang } from '../../shared/model';

const STOPWORDS: Record<'de' | 'fr' | 'en', string[]> = {
  de: ['der', 'die', 'das', 'und', 'ist', 'nicht', 'mit', 'von', 'den', 'auf', 'für', 'eine', 'ein', 'dem', 'zu', 'sich', 'auch', 'wurde', 'hat', 'im', 'des', 'dass'],
  fr: ['le', 'la', 'les', 'et', 'des', 'est', 'une', 'un', 'dans', 'pour', 'que', 'qui', 'du', 'au', 'sur', 'par', 'pas', 'avec', 'sont', 'aux', 'ont', 'été'],
  en: ['the', 'and', 'is', 'of', 'to', 'in', 'that', 'for', 'with', 'on', 'was', 'by', 'as', 'are', 'has', 'have', 'from', 'its', 'which', 'will', 'said', 'this'],
};
const STOP_SETS = Object.fromEntries(Object.entries(STOPWORDS).map(([k, v]) => [k, new Set(v)])) as Record<'de' | 'fr' | 'en', Set<string>>;

/** Detects the main language of a text; 'und' when there is too little to tell. */
export function detectLanguage(text: string): Lang {
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  let arabic = 0;
  let latin = 0;
  for (const ch of sample) {
    const c = ch.codePointAt(0)!;
    if ((c >= 0x0600 && c <= 0x06ff) || (c >= 0x0750 && c <= 0x077f) || (c >= 0xfb50 && c <= 0xfeff)) arabic++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f)) latin++;
  }
  if (arabic + latin < 3) return 'und';
  // Arabic articles quote Latin brand names; a modest Arabic share already decides it.
  if (arabic >= latin * 0.5) return 'ar';
  const scores = { de: 0, fr: 0, en: 0 };
  for (const w of sample.toLowerCase().match(/[a-zà-ÿ]+/g) ?? []) {
    for (const lang of ['de', 'fr', 'en'] as const) if (STOP_SETS[lang].has(w)) scores[lang]++;
  }
  const best = (Object.entries(scores) as Array<['de' | 'fr' | 'en', number]>).sort((a, b) => b[1] - a[1])[0]!;
  return best[1] === 0 ? 'und' : best[0];
}
