/**
 * Word normalisation used for every lexicon lookup: case, Latin diacritics, Arabic letter variants.
 * Packs are written naturally and normalised with the same function, so both sides always agree.
 */

const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g; // harakat, Quranic marks, tatweel
const LATIN_MARKS = /[\u0300-\u036f]/g;

export function normalizeWord(w: string): string {
  let s = w.toLowerCase();
  if (/[\u0600-\u06FF]/.test(s)) {
    s = s
      .replace(ARABIC_MARKS, '')
      .replace(/[أإآٱ]/g, 'ا')
      .replace(/ة/g, 'ه')
      .replace(/ى/g, 'ي')
      .replace(/ؤ/g, 'و')
      .replace(/ئ/g, 'ي')
      .replace(/[ک]/g, 'ك')
      .replace(/[ی]/g, 'ي');
    return s;
  }
  s = s.replace(/ß/g, 'ss').replace(/æ/g, 'ae').replace(/œ/g, 'oe');
  // NFD then strip combining marks: "März" -> "marz", "février" -> "fevrier".
  return s.normalize('NFD').replace(LATIN_MARKS, '');
}

/** Value of a digit code unit in ASCII, Arabic-Indic (٠-٩) or Persian (۰-۹); -1 otherwise. */
export function digitValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x660 && code <= 0x669) return code - 0x660;
  if (code >= 0x6f0 && code <= 0x6f9) return code - 0x6f0;
  return -1;
}

const CLITIC_CONJ = new Set(['و', 'ف']);
const CLITIC_PREP = new Set(['ب', 'ل', 'ك']);

/**
 * Arabic: the forms a word may have once attached clitics are removed, longest (unstripped) first.
 * وفي -> في, وبالعام -> العام, للعام -> العام, فسوف -> سوف.
 */
export function cliticVariants(norm: string): string[] {
  const out = [norm];
  let base = norm;
  if (base.length > 2 && CLITIC_CONJ.has(base[0]!)) {
    base = base.slice(1);
    out.push(base);
  }
  if (base.length > 2 && CLITIC_PREP.has(base[0]!)) {
    if (base.startsWith('لل') && base.length > 3) out.push('ال' + base.slice(2));
    out.push(base.slice(1));
  }
  return out;
}
