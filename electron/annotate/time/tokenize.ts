/**
 * One pass over the text producing word, number and punctuation tokens with UTF-16 offsets.
 * Everything else in the tagger works on tokens, which keeps matching linear and clitic handling simple.
 */
import { digitValue, normalizeWord } from './normalize';

export type TokKind = 'w' | 'n' | 'p';

export interface Token {
  kind: TokKind;
  start: number;
  end: number;
  /** Normalised form (words), ASCII digits (numbers), the character itself (punctuation; ’ -> '). */
  norm: string;
  /** Whitespace precedes this token. */
  gap: boolean;
  /** A newline precedes this token. */
  nl: boolean;
  /** Numbers: value (only for up to 9 digits) and digit count. */
  num?: number;
  digits?: number;
  /** Words: starts with an upper-case letter in the original text. */
  cap?: boolean;
}

const LETTER = /[\p{L}\p{M}\u0640]/u;

function isLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  // Surrogate pairs: test the whole code point.
  const cp = text.codePointAt(i)!;
  return LETTER.test(String.fromCodePoint(cp));
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0 || c === 0x0b || c === 0x0c ||
    (c >= 0x2000 && c <= 0x200b) || c === 0x202f || c === 0x3000 || c === 0xfeff || c === 0x200e || c === 0x200f;
}

// Very long "words" (hostile input) are cut into pieces of this size so lexicon work stays bounded.
const MAX_TOKEN = 64;

export function tokenize(text: string): Token[] {
  const toks: Token[] = [];
  const n = text.length;
  let i = 0;
  let gap = true;
  let nl = true;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      gap = true;
      if (c === 0x0a || c === 0x0d) nl = true;
      i++;
      continue;
    }
    const start = i;
    if (digitValue(c) >= 0) {
      let digits = '';
      while (i < n && i - start < MAX_TOKEN) {
        const d = digitValue(text.charCodeAt(i));
        if (d < 0) break;
        digits += String(d);
        i++;
      }
      const t: Token = { kind: 'n', start, end: i, norm: digits, gap, nl, digits: digits.length };
      if (digits.length <= 9) t.num = Number(digits);
      toks.push(t);
    } else if (isLetterAt(text, i)) {
      while (i < n && i - start < MAX_TOKEN) {
        const cp = text.codePointAt(i)!;
        const w = cp > 0xffff ? 2 : 1;
        if (!isLetterAt(text, i)) break;
        i += w;
      }
      const raw = text.slice(start, i);
      const first = raw.charAt(0);
      toks.push({ kind: 'w', start, end: i, norm: normalizeWord(raw), gap, nl,
        cap: first !== first.toLowerCase() });
    } else {
      const cp = text.codePointAt(i)!;
      const w = cp > 0xffff ? 2 : 1;
      let ch = text.slice(i, i + w);
      if (ch === '’' || ch === 'ʼ' || ch === '`' || ch === '´') ch = "'";
      else if (ch === '–' || ch === '—' || ch === '‑') ch = '-';
      else if (ch === '،') ch = ',';
      else if (ch === '٫') ch = ',';
      else if (ch === '؟') ch = '?';
      i += w;
      toks.push({ kind: 'p', start, end: i, norm: ch, gap, nl });
    }
    gap = false;
    nl = false;
  }
  return toks;
}
