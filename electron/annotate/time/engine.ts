/**
 * The tagger's driver: items -> longest rule match at each position -> resolved TIMEX3 values.
 * Left to right, so anaphora ("the following year") see the dates mentioned before them.
 */
import type { Timex } from '../../../shared/model';
import { durationValue, parseRef } from './calendar';
import { RULES, type RuleCtx } from './grammar';
import { itemize, needsFollower, type Item, type Lexicon } from './lexicon';
import { Reader } from './readers';
import { resolveDate, type Anchor, type ResolveCtx } from './resolve';
import type { Match } from './sem';

/** Sentence index of every item (a dot after a 1-2 digit number is a German ordinal, not an end). */
function sentences(items: Item[]): Int32Array {
  const sent = new Int32Array(items.length);
  let s = 0;
  for (let i = 0; i < items.length; i++) {
    const t = items[i]!;
    if (i > 0 && t.nl) s++;
    else if (i > 1 && t.gap) {
      const p = items[i - 1]!;
      const pp = items[i - 2]!;
      if (p.kind === 'p' && (p.norm === '.' || p.norm === '!' || p.norm === '?') && !(p.norm === '.' && pp.kind === 'n' && (pp.digits ?? 9) <= 2)) s++;
    }
    sent[i] = s;
  }
  return sent;
}

/** Per item: +1 future marker, -1 past marker, 0 neither. */
function tenseMarks(items: Item[], lex: Lexicon): Int8Array {
  const out = new Int8Array(items.length);
  const hasEndings = lex.futureEndings.length > 0 || lex.pastEndings.length > 0;
  for (let i = 0; i < items.length; i++) {
    const t = items[i]!;
    if (t.feat.future) out[i] = 1;
    else if (t.feat.past) out[i] = -1;
    else if (hasEndings && t.kind === 'w' && t.norm.length >= 4) out[i] = tenseByEnding(lex, t.norm);
  }
  return out;
}

const WINDOW_BEFORE = 10;
const WINDOW_AFTER = 6;

/**
 * The tense that governs an expression: the nearest tense marker in a window around it (same sentence);
 * failing that, a future marker anywhere in the sentence; else 0 (unknown).
 */
function tenseAt(from: number, to: number, marks: Int8Array, sent: Int32Array, sentFuture: Uint8Array): number {
  const s = sent[from]!;
  for (let d = 1; d <= WINDOW_BEFORE; d++) {
    const b = from - d;
    if (b >= 0 && sent[b] === s && marks[b] !== 0) return marks[b]!;
    const a = to - 1 + d;
    if (d <= WINDOW_AFTER && a < marks.length && sent[a] === s && marks[a] !== 0) return marks[a]!;
  }
  return sentFuture[s] ? 1 : 0;
}

const endingCache = new WeakMap<Lexicon, Map<string, number>>();

/** Tense from verb endings (French "-era", English "-ed"), memoised per distinct word. */
function tenseByEnding(lex: Lexicon, w: string): number {
  let cache = endingCache.get(lex);
  if (!cache) {
    cache = new Map();
    endingCache.set(lex, cache);
  }
  let v = cache.get(w);
  if (v === undefined) {
    v = 0;
    if (!lex.futureExceptions.has(w) && lex.futureEndings.some((e) => w.endsWith(e))) v = 1;
    else if (w.length >= 5 && lex.pastEndings.some((e) => w.endsWith(e))) v = -1;
    if (cache.size > 100000) cache.clear();
    cache.set(w, v);
  }
  return v;
}

function followerNear(items: Item[], i: number): boolean {
  for (let k = i + 1; k <= i + 3 && k < items.length; k++) if (items[k]!.live) return true;
  return false;
}

export function runTagger(text: string, lex: Lexicon, refStr: string | null): Timex[] {
  const items = itemize(lex, text);
  const r = new Reader(items, lex);
  const sent = sentences(items);
  const marks = tenseMarks(items, lex);
  const sentFuture = new Uint8Array((sent[items.length - 1] ?? 0) + 1);
  for (let k = 0; k < items.length; k++) if (marks[k] === 1) sentFuture[sent[k]!] = 1;
  const ref = parseRef(refStr);
  const out: Timex[] = [];
  const ctx: RuleCtx = { r, lastEnd: -1, monthFirstSlash: !!lex.pack.monthFirstSlash };
  let anchor: Anchor | null = null;
  let i = 0;
  while (i < items.length) {
    const t = items[i]!;
    // Numbers longer than a year never begin an expression.
    if (!t.live || (t.kind === 'n' && (t.digits ?? 0) > 4) || (t.kind === 'w' && needsFollower(t.feat) && !followerNear(items, i))) {
      i++;
      continue;
    }
    let best: Match | null = null;
    for (let k = 0; k < RULES.length; k++) {
      const m = RULES[k]!(ctx, i);
      if (m && m.to > i && (!best || m.to > best.to)) best = m;
    }
    if (!best) {
      i++;
      continue;
    }
    const first = items[best.from]!;
    const last = items[best.to - 1]!;
    const base = { start: first.start, end: last.end, text: text.slice(first.start, last.end) };
    const sem = best.sem;
    if (sem.kind === 'dur') {
      out.push({ ...base, type: 'DURATION', value: durationValue(sem.n, sem.unit), ...(sem.mod ? { mod: sem.mod } : {}) });
    } else if (sem.kind === 'vague') {
      out.push({ ...base, type: 'DATE', value: sem.value });
    } else {
      const rc: ResolveCtx = { ref, anchor, tense: tenseAt(best.from, best.to, marks, sent, sentFuture) };
      const res = resolveDate(sem, rc);
      if (res.anchor) anchor = res.anchor;
      out.push({ ...base, type: 'DATE', value: res.value, ...(sem.mod ? { mod: sem.mod } : {}) });
    }
    ctx.lastEnd = best.to;
    i = best.to;
  }
  return out;
}
