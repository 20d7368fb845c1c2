/**
 * Tokens and normalisation shared by amounts, entities and event actions. One linear pass, no backtracking
 * patterns: words (letters and marks), digit runs (any script) and single punctuation/symbol characters, each
 * with UTF-16 offsets into the original text and a normalised form for matching.
 *
 * Normalisation folds what news spelling varies on: case, Latin diacritics, Arabic hamza/madda on alef
 * (أ إ آ ٱ → ا), ة → ه, ى → ي, tashkeel, tatweel, Persian ی/ک, and digits of every script to ASCII.
 */

export type TokenKind = 'word' | 'num' | 'sym';

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  /** The token as written. */
  text: string;
  /** Normalised form (see normalizeWord); digits are ASCII for `num`. */
  norm: string;
  /** Arabic letters in the token. */
  arabic: boolean;
  /** Starts with an upper-case letter. */
  cap: boolean;
}

const DIGIT_ZERO = [0x30, 0x660, 0x6f0] as const;

/** 0-9 for a digit of any of the supported scripts (ASCII, Arabic-Indic, Persian), else -1. */
export function digitValue(c: number): number {
  for (const z of DIGIT_ZERO) if (c >= z && c <= z + 9) return c - z;
  return -1;
}

export function toAsciiDigits(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const d = digitValue(s.charCodeAt(i));
    out += d >= 0 ? String(d) : s[i];
  }
  return out;
}

const COMBINING = /\p{M}/gu;

function foldWord(w: string): string {
  let s = w.normalize('NFKD').replace(COMBINING, '').toLowerCase();
  s = s.replace(/\u0640/g, '').replace(/ß/g, 'ss').replace(/\u0671/g, 'ا').replace(/ة/g, 'ه').replace(/[ىیۍ]/g, 'ي').replace(/ک/g, 'ك');
  return s;
}

/**
 * Folded non-ASCII words: news vocabulary repeats, and folding (NFKD + six replacements) was the tokenizer's main
 * cost. Bounded: cleared when full.
 */
const folded = new Map<string, string>();
const FOLDED_MAX = 200_000;

/** True when every code unit of s is an ASCII letter or digit (folding is then just lower-casing). */
function plainAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}

/** Folds a word for matching: see the module comment. Same input, same output, in every module. */
export function normalizeWord(w: string): string {
  if (plainAscii(w)) return w.toLowerCase();
  let s = folded.get(w);
  if (s === undefined) {
    if (folded.size >= FOLDED_MAX) folded.clear();
    s = foldWord(w);
    folded.set(w, s);
  }
  return s;
}

const WORD_CHAR = /[\p{L}\p{M}]/u;
/** Word-character class of each BMP code unit, filled on first sight: 0 unknown, 1 word, 2 not. */
const WORD_CLASS = new Uint8Array(0x10000);

function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  if (c >= 0xd800 && c <= 0xdbff) return WORD_CHAR.test(String.fromCodePoint(text.codePointAt(i)!));
  let k = WORD_CLASS[c]!;
  if (k === 0) WORD_CLASS[c] = k = WORD_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
  return k === 1;
}

/** Arabic letters: U+0620–064A, 066E–06D3, 06FA–06FF, 0750–077F. */
const isArabicLetter = (c: number): boolean => (c >= 0x620 && c <= 0x64a) || (c >= 0x66e && c <= 0x6d3) || (c >= 0x6fa && c <= 0x6ff) || (c >= 0x750 && c <= 0x77f);

function isSpace(c: number): boolean {
  return c <= 0x20 || c === 0xa0 || (c >= 0x2000 && c <= 0x200f) || c === 0x202f || c === 0x2028 || c === 0x2029 || c === 0x3000 || c === 0xfeff || c === 0x061c;
}

/** Splits text into tokens in one pass (linear in the text length). */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    const start = i;
    if (digitValue(c) >= 0) {
      while (i < n && digitValue(text.charCodeAt(i)) >= 0) i++;
      const raw = text.slice(start, i);
      out.push({ kind: 'num', start, end: i, text: raw, norm: toAsciiDigits(raw), arabic: false, cap: false });
      continue;
    }
    if (isWordChar(text, i)) {
      // ASCII-only words (most Latin text) fold by lower-casing; Arabic letters are noted on the way.
      let ascii = true;
      let arabic = false;
      while (i < n && isWordChar(text, i)) {
        const d = text.charCodeAt(i);
        if (d >= 0x80) {
          ascii = false;
          if (!arabic && isArabicLetter(d)) arabic = true;
        }
        i += d >= 0xd800 && d <= 0xdbff ? 2 : 1;
      }
      const raw = text.slice(start, i);
      let cap: boolean;
      if (c < 0x80) cap = c <= 0x5a;
      else {
        const first = raw[0]!;
        cap = first !== first.toLowerCase();
      }
      out.push({ kind: 'word', start, end: i, text: raw, norm: ascii ? raw.toLowerCase() : normalizeWord(raw), arabic, cap });
      continue;
    }
    i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    const raw = text.slice(start, i);
    out.push({ kind: 'sym', start, end: i, text: raw, norm: raw === '’' || raw === '‘' ? "'" : raw, arabic: false, cap: false });
  }
  return out;
}

/** Only spaces (no line break) between two offsets. */
export function onlySpacesBetween(text: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d || !isSpace(c)) return false;
  }
  return true;
}

const AR_CONJ = ['و', 'ف'];
const AR_PREP = ['ب', 'ل', 'ك'];

/** Drops the article ال from a normalised Arabic word (keeps very short words whole). */
export function stripArticle(w: string): string {
  return w.length > 3 && w.startsWith('ال') ? w.slice(2) : w;
}

const cores = new Map<string, string[]>();

/**
 * The forms a normalised Arabic word may stand for once its proclitics are removed: conjunction و/ف, then
 * preposition ب/ل/ك (لل = ل + ال), then the article. Returns canonical (article-less) forms, the word itself first.
 * The array is cached and shared between callers: read it, never change it.
 */
export function arabicCores(w: string): string[] {
  let c = cores.get(w);
  if (c === undefined) {
    if (cores.size >= FOLDED_MAX) cores.clear();
    c = computeCores(w);
    cores.set(w, c);
  }
  return c;
}

function computeCores(w: string): string[] {
  const out = new Set<string>([stripArticle(w)]);
  const level1 = [w];
  if (w.length > 2 && AR_CONJ.includes(w[0]!)) level1.push(w.slice(1));
  for (const v of level1) {
    out.add(stripArticle(v));
    if (v.length > 3 && v.startsWith('لل')) out.add(v.slice(2));
    if (v.length > 2 && AR_PREP.includes(v[0]!)) out.add(stripArticle(v.slice(1)));
  }
  return [...out];
}
