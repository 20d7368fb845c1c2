/**
 * One pass over the text producing word, number and punctuation tokens with UTF-16 offsets.
 * Everything else in the tagger works on tokens, which keeps matching linear and clitic handling simple.
 */
import { digitValue, normalizeWord } from './normalize';
import type { Feature } from './types';

/** A node of the fixed-phrase trie (keys are normalised tokens). */
export interface PhraseNode {
  next: Map<string, PhraseNode>;
  feat?: Feature;
  /** Below the root: the phrase's first key, its keys down to this node joined by spaces, and the same without the first key. */
  head?: string;
  norm?: string;
  tail?: string;
}

/** Everything the lexicon knows about one spelling of a word, computed once per distinct spelling. */
export interface WordInfo {
  norm: string;
  feat: Feature;
  /** May begin an expression. */
  live: boolean;
  /** +1 future marker, -1 past marker, 0 neither. */
  tense: number;
  /** Phrase-trie nodes reached by this word (one per clitic variant), or null when no phrase starts with it. */
  roots: PhraseNode[] | null;
}

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
  /** Filled in by the lexicon; present from the start so every token has one object shape (fast property access). */
  feat: Feature;
  live: boolean;
  /** +1 future marker, -1 past marker, 0 neither (set by the lexicon). */
  tense: number;
  /** Phrase-trie entry points for words (set by the lexicon). */
  roots: PhraseNode[] | null;
}

const NO_FEAT: Feature = Object.freeze({}) as Feature;

const LETTER = /[\p{L}\p{M}\u0640]/u;

function isLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x80) return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  // Fast paths for Latin-1/Latin Extended and the Arabic block; the regex handles the rest.
  if (c >= 0xc0 && c <= 0x24f) return c !== 0xd7 && c !== 0xf7;
  if (c >= 0x620 && c <= 0x65f) return true;
  if (c >= 0x671 && c <= 0x6d3) return true;
  if (c >= 0xd800 && c <= 0xdbff) {
    // Surrogate pairs: test the whole code point.
    const cp = text.codePointAt(i)!;
    return LETTER.test(String.fromCodePoint(cp));
  }
  // Any other code unit is a letter or not by itself: the regex answers once per code unit.
  let v = letterClass[c]!;
  if (v === 0) {
    v = LETTER.test(String.fromCharCode(c)) ? 1 : 2;
    letterClass[c] = v;
  }
  return v === 1;
}

/** Per BMP code unit outside the fast paths: 0 not yet known, 1 letter, 2 not a letter. */
const letterClass = new Uint8Array(0x10000);

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0 || c === 0x0b || c === 0x0c ||
    (c >= 0x2000 && c <= 0x200b) || c === 0x202f || c === 0x3000 || c === 0xfeff || c === 0x200e || c === 0x200f;
}

// Words repeat a lot in running text: normalise each distinct spelling once (bounded cache).
const normCache = new Map<string, string>();
function normalizeCached(raw: string): string {
  let v = normCache.get(raw);
  if (v === undefined) {
    if (normCache.size > 100000) normCache.clear();
    v = normalizeWord(raw);
    normCache.set(raw, v);
  }
  return v;
}

// Very long "words" (hostile input) are cut into pieces of this size so lexicon work stays bounded.
const MAX_TOKEN = 64;

function plainWord(raw: string): WordInfo {
  return { norm: normalizeCached(raw), feat: NO_FEAT, live: false, tense: 0, roots: null };
}

/** What a word token takes from its spelling: the lexicon's WordInfo and whether it is capitalised. */
interface SpellingEntry extends WordInfo {
  cap: boolean;
}

/**
 * Spellings seen so far, found by a key computed during the scan (open addressing): no slice and no string hashing
 * per word token. Per slot, four integers side by side (one cache line holds four slots): the hash, the first 4 and
 * next 4 code units packed a byte each, and length * 2 + 1 if every code unit is Latin-1 (0 = empty slot). Words
 * of up to 8 Latin-1 letters are equal when those integers are; longer ones are compared character by character
 * with a copy of the key kept in `chars`. Bounded: starts over when full.
 */
class SpellingCache {
  // Read directly by tokenize's word loop, which probes the table itself: as a method the probe was inlined into
  // the loop or not depending on what the JIT had compiled first, and the loop's speed changed from run to run.
  mask = (1 << 12) - 1;
  private size = 0;
  meta = new Int32Array(4 << 12);
  /** Each key's characters, flat in `chars` from `offs[slot]` (comparisons never touch a sliced string). */
  offs = new Int32Array(1 << 12);
  chars = new Uint16Array(1 << 16);
  private used = 0;
  private keys: Array<string | undefined> = new Array<string | undefined>(1 << 12).fill(undefined);
  vals: Array<SpellingEntry | undefined> = new Array<SpellingEntry | undefined>(1 << 12).fill(undefined);

  /** A spelling not in the table (the probe ended at the empty `slot`): looked up in the lexicon and added. */
  add(text: string, start: number, end: number, h: number, pa: number, pb: number, lenTag: number, slot: number, word: (raw: string) => WordInfo): SpellingEntry {
    const raw = text.slice(start, end);
    const c0 = raw.charCodeAt(0);
    const cap = c0 < 0x80 ? c0 >= 0x41 && c0 <= 0x5a : raw.charAt(0) !== raw.charAt(0).toLowerCase();
    const info = word(raw);
    const e: SpellingEntry = { norm: info.norm, feat: info.feat, live: info.live, tense: info.tense, roots: info.roots, cap };
    if ((this.size + 1) * 2 > this.mask + 1) {
      this.grow();
      return this.insert(raw, h, pa, pb, lenTag, e);
    }
    this.set(slot, raw, h, pa, pb, lenTag, e);
    return e;
  }

  private set(slot: number, raw: string, h: number, pa: number, pb: number, lenTag: number, e: SpellingEntry): void {
    const m = slot << 2;
    this.meta[m] = h;
    this.meta[m + 1] = pa;
    this.meta[m + 2] = pb;
    this.meta[m + 3] = lenTag;
    this.keys[slot] = raw;
    this.vals[slot] = e;
    this.offs[slot] = this.store(raw);
    this.size++;
  }

  /** Copies a key's characters into `chars`; returns where they start. */
  private store(raw: string): number {
    if (this.used + raw.length > this.chars.length) {
      const bigger = new Uint16Array(Math.max(this.chars.length * 2, this.used + raw.length));
      bigger.set(this.chars);
      this.chars = bigger;
    }
    const at = this.used;
    for (let q = 0; q < raw.length; q++) this.chars[at + q] = raw.charCodeAt(q);
    this.used += raw.length;
    return at;
  }

  private insert(raw: string, h: number, pa: number, pb: number, lenTag: number, e: SpellingEntry): SpellingEntry {
    let slot = (h ^ (h >>> 15)) & this.mask;
    while (this.meta[(slot << 2) + 3] !== 0) slot = (slot + 1) & this.mask;
    this.set(slot, raw, h, pa, pb, lenTag, e);
    return e;
  }

  /** Doubles the table (up to 2^18 slots); past that, starts over empty. */
  private grow(): void {
    const oldKeys = this.keys;
    const oldVals = this.vals;
    const oldMeta = this.meta;
    const cap = this.mask + 1 >= 1 << 18 ? 1 << 12 : (this.mask + 1) * 2;
    this.mask = cap - 1;
    this.size = 0;
    this.meta = new Int32Array(4 * cap);
    this.offs = new Int32Array(cap);
    this.used = 0;
    this.keys = new Array<string | undefined>(cap).fill(undefined);
    this.vals = new Array<SpellingEntry | undefined>(cap).fill(undefined);
    if (cap === 1 << 12) {
      this.chars = new Uint16Array(1 << 16);
      return;
    }
    for (let s = 0; s < oldKeys.length; s++) {
      const k = oldKeys[s];
      const m = s << 2;
      if (k !== undefined) this.insert(k, oldMeta[m]!, oldMeta[m + 1]!, oldMeta[m + 2]!, oldMeta[m + 3]!, oldVals[s]!);
    }
  }
}

const spellingCaches = new Map<(raw: string) => WordInfo, SpellingCache>();

/** ASCII digit runs of up to 4 digits ("7", "05", "2018") as strings, made once each: index by length and value. */
const digitStrings: Array<string | undefined> = new Array<string | undefined>(11110).fill(undefined);
const DIGIT_BASE = [0, 0, 10, 110, 1110];

function shortDigits(text: string, start: number, len: number, value: number): string {
  const at = DIGIT_BASE[len]! + value;
  return (digitStrings[at] ??= text.slice(start, start + len));
}

/** A punctuation token's text for a BMP code unit, normalised (’ -> ', – -> -, Arabic comma -> ,), made once per code. */
const PUNCT_TABLE = 0x3100;
const punctuationTable: Array<string | undefined> = new Array<string | undefined>(PUNCT_TABLE).fill(undefined);
const punctuationMap = new Map<number, string>();

function punctuation(code: number): string {
  let ch = code < PUNCT_TABLE ? punctuationTable[code] : punctuationMap.get(code);
  if (ch === undefined) {
    ch = String.fromCharCode(code);
    if (ch === '’' || ch === 'ʼ' || ch === '`' || ch === '´') ch = "'";
    else if (ch === '–' || ch === '—' || ch === '‑') ch = '-';
    else if (ch === '،') ch = ',';
    else if (ch === '٫') ch = ',';
    else if (ch === '؟') ch = '?';
    if (code < PUNCT_TABLE) punctuationTable[code] = ch;
    else punctuationMap.set(code, ch);
  }
  return ch;
}

/** Writes token k: into the object already in that slot (a pool reused from the previous block) or a new one. */
function put(toks: Token[], k: number, kind: TokKind, start: number, end: number, norm: string, gap: boolean, nl: boolean,
  num: number | undefined, digits: number | undefined, cap: boolean, feat: Feature, live: boolean, tense: number, roots: PhraseNode[] | null): void {
  {
    const o = k < toks.length ? toks[k]! : slotAt(toks, k);
    o.kind = kind;
    o.start = start;
    o.end = end;
    o.norm = norm;
    o.gap = gap;
    o.nl = nl;
    o.num = num;
    o.digits = digits;
    o.cap = cap;
    o.feat = feat;
    o.live = live;
    o.tense = tense;
    o.roots = roots;
  }
}

/**
 * Token objects cut off the end of a reused array (a block with fewer tokens than the one before), kept for the
 * next block that needs more instead of being dropped and made again. Bounded.
 */
const spareTokens: Token[] = [];
const MAX_SPARE = 4096;

/** Token k of a reused array that is too short: a spare token object or a new one, appended. */
function slotAt(toks: Token[], k: number): Token {
  const o = spareTokens.pop() ?? blankToken();
  toks[k] = o;
  return o;
}

function blankToken(): Token {
  return { kind: 'p', start: 0, end: 0, norm: '', gap: false, nl: false, num: undefined, digits: undefined, cap: false, feat: NO_FEAT, live: false, tense: 0, roots: null };
}

/**
 * Tokens of `text` (of its part [from, to), offsets still into `text`; the range must not split a surrogate pair);
 * `word` maps each word as written to what the lexicon knows about it. `pool`: an array of tokens no longer in use
 * (the previous block's) whose objects are overwritten and which is returned, instead of a new array.
 */
export function tokenize(text: string, word: (raw: string) => WordInfo = plainWord, from = 0, to = text.length, pool?: Token[]): Token[] {
  let cache = spellingCaches.get(word);
  if (cache === undefined) {
    cache = new SpellingCache();
    spellingCaches.set(word, cache);
  }
  const toks: Token[] = pool ?? [];
  let k = 0;
  const n = to;
  let i = from;
  let gap = true;
  let nl = true;
  while (i < n) {
    const c = text.charCodeAt(i);
    // Most tokens start with an ASCII letter: that is neither a space nor a digit.
    const asciiLetter = ((c | 32) - 97) >>> 0 < 26;
    if (!asciiLetter && isSpace(c)) {
      gap = true;
      if (c === 0x0a || c === 0x0d) nl = true;
      i++;
      continue;
    }
    const start = i;
    if (!asciiLetter && digitValue(c) >= 0) {
      let ascii = true;
      let value = 0;
      while (i < n && i - start < MAX_TOKEN) {
        const cc = text.charCodeAt(i);
        if (cc >= 0x30 && cc <= 0x39) {
          value = value * 10 + (cc - 0x30);
          i++;
          continue;
        }
        if (digitValue(cc) < 0) break;
        ascii = false;
        i++;
      }
      const len = i - start;
      let digits: string;
      if (ascii && len <= 4) digits = shortDigits(text, start, len, value);
      else if (ascii) digits = text.slice(start, i);
      else {
        let conv = '';
        for (let k = start; k < i; k++) conv += String(digitValue(text.charCodeAt(k)));
        digits = conv;
      }
      put(toks, k++, 'n', start, i, digits, gap, nl, len > 9 ? undefined : ascii ? value : Number(digits), len, false, NO_FEAT, true, 0, null);
    } else if (asciiLetter || isLetterAt(text, i)) {
      // The spelling's key is made while scanning, so a known spelling is found without slicing the text: its first
      // 4 and next 4 code units packed a byte each (exact for words of up to 8 Latin-1 letters: no compare needed),
      // a hash of the rest, and whether any code unit is above 0xFF.
      let pa = 0;
      let pb = 0;
      let hr = 0;
      let wide = 0;
      const lim = Math.min(n, start + MAX_TOKEN);
      while (i < lim) {
        const cc = text.charCodeAt(i);
        const q = i - start;
        // ASCII letter: (cc | 32) in a..z (no code unit from 0x80 up passes this test).
        if (((cc | 32) - 97) >>> 0 < 26) {
          if (q < 4) pa = (pa << 8) | cc;
          else if (q < 8) pb = (pb << 8) | cc;
          else hr = (Math.imul(hr, 31) + cc) | 0;
          i++;
          continue;
        }
        if (cc < 0x80 || !isLetterAt(text, i)) break;
        if (q < 4) pa = (pa << 8) | (cc & 0xff);
        else if (q < 8) pb = (pb << 8) | (cc & 0xff);
        else hr = (Math.imul(hr, 31) + cc) | 0;
        wide |= cc;
        if (cc >= 0xd800 && cc <= 0xdbff) {
          hr = (Math.imul(hr, 31) + (cc >> 8) + text.charCodeAt(i + 1)) | 0;
          i += 2;
        } else i++;
      }
      // Find the spelling (see SpellingCache): words of up to 8 Latin-1 letters by their packed code units, longer
      // ones by a character compare.
      const len = i - start;
      const h = (Math.imul(pa ^ (pa >>> 16), 0x45d9f3b) ^ Math.imul(pb ^ len, 0x119de1f3) ^ Math.imul(hr, 0x27d4eb2d)) | 0;
      const lenTag = len * 2 + (wide <= 0xff ? 1 : 0);
      const exact = wide <= 0xff && len <= 8;
      const meta = cache.meta;
      const mask = cache.mask;
      let slot = (h ^ (h >>> 15)) & mask;
      let e: SpellingEntry | undefined;
      for (;;) {
        const m = slot << 2;
        const tag = meta[m + 3]!;
        if (tag === 0) break;
        if (meta[m] === h && tag === lenTag) {
          if (exact) {
            if (meta[m + 1] === pa && meta[m + 2] === pb) {
              e = cache.vals[slot];
              break;
            }
          } else {
            const chars = cache.chars;
            const off = cache.offs[slot]! - start;
            let q = start;
            while (q < i && chars[off + q] === text.charCodeAt(q)) q++;
            if (q === i) {
              e = cache.vals[slot];
              break;
            }
          }
        }
        slot = (slot + 1) & mask;
      }
      if (e === undefined) e = cache.add(text, start, i, h, pa, pb, lenTag, slot, word);
      // The token, written in place (the hottest store of the tagger: no call in between).
      const o = k < toks.length ? toks[k]! : slotAt(toks, k);
      k++;
      o.kind = 'w';
      o.start = start;
      o.end = i;
      o.norm = e.norm;
      o.gap = gap;
      o.nl = nl;
      o.num = undefined;
      o.digits = undefined;
      o.cap = e.cap;
      o.feat = e.feat;
      o.live = e.live;
      o.tense = e.tense;
      o.roots = e.roots;
      // Most words are followed by one space: take it here rather than in another turn of the loop.
      if (i < n && text.charCodeAt(i) === 0x20) {
        i++;
        gap = true;
        nl = false;
        continue;
      }
    } else {
      const cp = text.codePointAt(i)!;
      const w = cp > 0xffff ? 2 : 1;
      const ch = w === 1 ? punctuation(c) : text.slice(i, i + w);
      i += w;
      put(toks, k++, 'p', start, i, ch, gap, nl, undefined, undefined, false, NO_FEAT, ch === "'", 0, null);
    }
    gap = false;
    nl = false;
  }
  for (let q = toks.length - 1; q >= k && spareTokens.length < MAX_SPARE; q--) spareTokens.push(toks[q]!);
  toks.length = k;
  return toks;
}
