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

/** Per item: does its sentence speak of the future? */
function futureBySentence(items: Item[], lex: Lexicon): Uint8Array {
  const sent = new Int32Array(items.length);
  let s = 0;
  for (let i = 0; i < items.length; i++) {
    const t = items[i]!;
    if (i > 0 && t.nl) s++;
    else if (i > 1 && t.gap) {
      const p = items[i - 1]!;
      const pp = items[i - 2]!;
      // A dot after a 1-2 digit number is a German ordinal ("21. September"), not a sentence end.
      if (p.kind === 'p' && (p.norm === '.' || p.norm === '!' || p.norm === '?') && !(p.norm === '.' && pp.kind === 'n' && (pp.digits ?? 9) <= 2)) s++;
    }
    sent[i] = s;
  }
  const fut = new Uint8Array(s + 1);
  const endings = lex.futureEndings;
  for (let i = 0; i < items.length; i++) {
    const t = items[i]!;
    if (t.feat.future) fut[sent[i]!] = 1;
    else if (endings.length && t.kind === 'w' && t.norm.length >= 4 && fut[sent[i]!] === 0 && futureByEnding(lex, t.norm)) fut[sent[i]!] = 1;
  }
  const out = new Uint8Array(items.length);
  for (let i = 0; i < items.length; i++) out[i] = fut[sent[i]!]!;
  return out;
}

const endingCache = new WeakMap<Lexicon, Map<string, boolean>>();

/** French-style future verb endings, memoised per distinct word. */
function futureByEnding(lex: Lexicon, w: string): boolean {
  let cache = endingCache.get(lex);
  if (!cache) {
    cache = new Map();
    endingCache.set(lex, cache);
  }
  let v = cache.get(w);
  if (v === undefined) {
    v = !lex.futureExceptions.has(w) && lex.futureEndings.some((e) => w.endsWith(e));
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
  const future = futureBySentence(items, lex);
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
      const rc: ResolveCtx = { ref, anchor, future: future[best.from] === 1 };
      const res = resolveDate(sem, rc);
      if (res.anchor) anchor = res.anchor;
      out.push({ ...base, type: 'DATE', value: res.value, ...(sem.mod ? { mod: sem.mod } : {}) });
    }
    ctx.lastEnd = best.to;
    i = best.to;
  }
  return out;
}
