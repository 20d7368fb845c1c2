/**
 * Arabic as PDFs store it. Many PDF producers (Chromium's print-to-PDF among them) write Arabic glyphs in visual
 * order, left to right, as presentation forms (U+FB50–U+FEFF: one code point per shaped glyph). Text extraction then
 * yields words backwards ("ﺖﻨﻠﻋأ" for "أعلنت"). We recognise that from the glyph shapes (a word that starts with a
 * final form and ends with an initial form is backwards) and from frequent words read backwards, put each line back
 * in logical order, and map presentation forms to ordinary letters (NFKC, applied to those code points only so that
 * the rest of the text stays exactly as extracted).
 */

type Form = 'iso' | 'fin' | 'ini' | 'med';

/** First code point of each letter's block in U+FE80–U+FEFC and how many forms it has (iso, fin[, ini, med]). */
const FORM_BLOCKS: Array<[number, number]> = [
  [0xfe80, 1], [0xfe81, 2], [0xfe83, 2], [0xfe85, 2], [0xfe87, 2], [0xfe89, 4], [0xfe8d, 2], [0xfe8f, 4], [0xfe93, 2],
  [0xfe95, 4], [0xfe99, 4], [0xfe9d, 4], [0xfea1, 4], [0xfea5, 4], [0xfea9, 2], [0xfeab, 2], [0xfead, 2], [0xfeaf, 2],
  [0xfeb1, 4], [0xfeb5, 4], [0xfeb9, 4], [0xfebd, 4], [0xfec1, 4], [0xfec5, 4], [0xfec9, 4], [0xfecd, 4], [0xfed1, 4],
  [0xfed5, 4], [0xfed9, 4], [0xfedd, 4], [0xfee1, 4], [0xfee5, 4], [0xfee9, 4], [0xfeed, 2], [0xfeef, 2], [0xfef1, 4],
  [0xfef5, 2], [0xfef7, 2], [0xfef9, 2], [0xfefb, 2],
];
const FORMS: Form[] = ['iso', 'fin', 'ini', 'med'];

export function presentationForm(cp: number): Form | null {
  if (cp < 0xfe80 || cp > 0xfefc) return null;
  for (let i = FORM_BLOCKS.length - 1; i >= 0; i--) {
    const [start, n] = FORM_BLOCKS[i]!;
    if (cp >= start) return cp - start < n ? FORMS[cp - start]! : null;
  }
  return null;
}

/** Frequent Arabic words; read backwards they are (almost) never words. */
const FREQUENT = ['في', 'من', 'على', 'إلى', 'الى', 'أن', 'التي', 'الذي', 'عن', 'مع', 'هذا', 'هذه', 'كان', 'قال', 'وقال', 'بين', 'بعد', 'حتى'];
const reverse = (s: string): string => [...s].reverse().join('');
const FREQUENT_SET = new Set(FREQUENT);
const REVERSED_SET = new Set(FREQUENT.map(reverse).filter((w) => !FREQUENT_SET.has(w)));

const ARABIC_WORD = /[\u0621-\u064A\u0671-\u06D3\uFB50-\uFDFF\uFE70-\uFEFC]+/g;

/** Evidence that Arabic text reads backwards (positive) or forwards (negative). */
export function reversedScore(text: string): { forwards: number; backwards: number } {
  let forwards = 0;
  let backwards = 0;
  for (const m of text.matchAll(ARABIC_WORD)) {
    const w = m[0];
    const norm = w.normalize('NFKC');
    if (FREQUENT_SET.has(norm)) forwards++;
    else if (REVERSED_SET.has(norm)) backwards++;
    if (w.length < 2) continue;
    const first = presentationForm(w.codePointAt(0)!);
    const last = presentationForm(w.codePointAt(w.length - 1)!);
    if (first === 'fin' || first === 'med' || last === 'ini' || last === 'med') backwards++;
    else if (first === 'ini' || last === 'fin') forwards++;
  }
  return { forwards, backwards };
}

export function readsBackwards(text: string): boolean {
  const { forwards, backwards } = reversedScore(text);
  return backwards >= 2 && backwards > forwards * 2;
}

const MIRROR: Record<string, string> = { '(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<', '«': '»', '»': '«' };
const STRONG_LTR = /[A-Za-z0-9\u00C0-\u024F]/;
const ARABIC = /[\u0600-\u06FF\uFB50-\uFDFF\uFE70-\uFEFC]/;

/**
 * Puts the pieces of one visually ordered line back in logical order. `pieces` are in visual order (left to right);
 * each piece is already logical inside (pdf.js reorders the glyphs within one text item). Runs of left-to-right
 * pieces (Latin words, numbers) keep their own order; brackets are mirrored.
 */
export function logicalLine(pieces: string[]): string {
  const rev = [...pieces].reverse();
  const out: string[] = [];
  let i = 0;
  while (i < rev.length) {
    if (!STRONG_LTR.test(rev[i]!) || ARABIC.test(rev[i]!)) {
      out.push([...rev[i]!].map((c) => MIRROR[c] ?? c).join(''));
      i++;
      continue;
    }
    // A left-to-right run: strong LTR pieces and the neutral pieces between them.
    let j = i;
    let lastStrong = i;
    while (j < rev.length && !ARABIC.test(rev[j]!)) {
      if (STRONG_LTR.test(rev[j]!)) lastStrong = j;
      j++;
    }
    out.push(...rev.slice(i, lastStrong + 1).reverse());
    i = lastStrong + 1;
  }
  return out.join('');
}

/** Arabic presentation forms (and Latin ligatures) to ordinary letters; nothing else is touched. */
export function normalisePresentationForms(text: string): string {
  return text.replace(/[\uFB00-\uFB06\uFB50-\uFDFF\uFE70-\uFEFC]+/g, (m) => m.normalize('NFKC'));
}
