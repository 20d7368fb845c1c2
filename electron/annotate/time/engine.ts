/**
 * The tagger's driver: items -> longest rule match at each position -> resolved TIMEX3 values.
 * Left to right, so anaphora ("the following year") see the dates mentioned before them.
 */
import type { Timex } from '../../../shared/model';
import { durationValue, parseRef } from './calendar';
import { QUOTE_RULES, ruleIndex, type Rule, type RuleCtx } from './grammar';
import { itemize, newItemMarks, type Item, type ItemMarks, type Lexicon } from './lexicon';
import { Reader } from './readers';
import { resolveDate, type Anchor, type ResolveCtx } from './resolve';
import { DateSem, type Match } from './sem';

const WINDOW_BEFORE = 10;
const WINDOW_AFTER = 6;

/**
 * The tense that governs an expression: the nearest tense marker in a window around it (same sentence);
 * failing that, a future marker anywhere in the sentence; else 0 (unknown).
 */
function tenseAt(from: number, to: number, n: number, marks: Int8Array, sent: Int32Array, sentFuture: Uint8Array): number {
  const s = sent[from]!;
  for (let d = 1; d <= WINDOW_BEFORE; d++) {
    const b = from - d;
    if (b >= 0 && sent[b] === s && marks[b] !== 0) return marks[b]!;
    const a = to - 1 + d;
    if (d <= WINDOW_AFTER && a < n && sent[a] === s && marks[a] !== 0) return marks[a]!;
  }
  return sentFuture[s] ? 1 : 0;
}

/** A number glued after "<number>." or "<number>:" (inside "1.2.3", "10:30"): never the start of an expression. */
function insideNumberRun(items: Item[], i: number): boolean {
  const p = items[i - 1];
  if (!p || p.kind !== 'p' || items[i]!.gap || p.gap || (p.norm !== '.' && p.norm !== ':')) return false;
  return items[i - 2]?.kind === 'n';
}

/** An apostrophe starts an expression only as "'98". */
function quotedYear(items: Item[], i: number): boolean {
  const n = items[i + 1];
  return n !== undefined && n.kind === 'n' && n.digits === 2 && !n.gap;
}

function followerNear(items: Item[], i: number): boolean {
  for (let k = i + 1; k <= i + 3 && k < items.length; k++) if (items[k]!.live) return true;
  return false;
}

/** The rules that may begin at item i, or null when none can. */
function rulesAt(idx: ReturnType<typeof ruleIndex>, items: Item[], i: number): readonly Rule[] | null {
  const t = items[i];
  if (!t) return null;
  if (t.kind === 'w') {
    const ws = idx.forWord(t.feat);
    if (ws.needsFollower && !followerNear(items, i)) return null;
    return t.norm === 'q' || t.norm === 'h' ? idx.anyWord : ws.rules;
  }
  if (t.kind === 'n') {
    // Numbers longer than a year never begin an expression.
    if (t.digits! > 4 || insideNumberRun(items, i)) return null;
    return idx.forNumber(items, i);
  }
  return quotedYear(items, i) ? QUOTE_RULES : null;
}

/** The longest rule match beginning at item i; ties go to the earlier rule. */
function longestAt(ctx: RuleCtx, idx: ReturnType<typeof ruleIndex>, items: Item[], i: number): Match | null {
  const rules = rulesAt(idx, items, i);
  if (!rules) return null;
  let best: Match | null = null;
  for (let k = 0; k < rules.length; k++) {
    const m = rules[k]!(ctx, i);
    if (m && m.to > i && (!best || m.to > best.to)) best = m;
  }
  return best;
}

/**
 * The second part of a range whose first part ends at item `end`: a connector ("to", "bis", "au", "إلى", "–", "and"
 * after "between") and a date right after it.
 */
function rangeEnd(ctx: RuleCtx, idx: ReturnType<typeof ruleIndex>, items: Item[], end: number): DateSem | null {
  const c = items[end];
  if (!c || !c.feat.connector) return null;
  const m = longestAt(ctx, idx, items, end + 1);
  return m && m.sem.kind === 'date' ? m.sem : null;
}

/**
 * A range's first part takes the year its second part states: "from May to July 2017", "von März bis Mai 2017",
 * "de mars à mai 2017", "من مارس إلى مايو 2017", "between March 3 and March 5, 2018". Without it the first part
 * would be resolved alone (May of the year the tense points to).
 */
function completeRangeStart(ctx: RuleCtx, idx: ReturnType<typeof ruleIndex>, items: Item[], m: Match): void {
  const sem = m.sem as DateSem;
  if (sem.year !== undefined || sem.shift !== undefined || sem.weekday !== undefined) return;
  if (sem.month === undefined && sem.season === undefined && sem.quarter === undefined && sem.half === undefined) return;
  const tail = rangeEnd(ctx, idx, items, m.to);
  if (tail?.year !== undefined) sem.year = tail.year;
}

/**
 * A bare day opening a range takes its month and year from the second part: "vom 3. bis 5. März 2018", "du 3 au
 * 5 mars 2018", "من 3 إلى 5 مارس 2018". Alone, "3" is no date.
 */
function rangeStartDay(ctx: RuleCtx, idx: ReturnType<typeof ruleIndex>, items: Item[], i: number): Match | null {
  const t = items[i]!;
  if (t.kind !== 'n' || t.num === undefined || t.num < 1 || t.num > 31 || t.digits! > 2) return null;
  // German writes the day as an ordinal: "3."
  const dot = items[i + 1]?.kind === 'p' && items[i + 1]!.norm === '.' && !items[i + 1]!.gap ? 1 : 0;
  const tail = rangeEnd(ctx, idx, items, i + 1 + dot);
  if (!tail || tail.day === undefined || tail.month === undefined || tail.day <= t.num) return null;
  const sem = new DateSem();
  sem.year = tail.year;
  sem.month = tail.month;
  sem.day = t.num;
  sem.dir = tail.dir;
  return { from: i, to: i + 1 + dot, sem };
}

/** Text is tagged in blocks of about this many characters, cut at line or sentence ends. */
const BLOCK = 8192;

function isWs(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xa0;
}

/**
 * Where the block starting at `from` ends: the last newline in its second half, else the last sentence end
 * (". " etc.), else the last whitespace, else a hard cut (never inside a surrogate pair). Items then live
 * only as long as their block, which keeps garbage collection cheap on megabytes of text.
 */
function blockEnd(text: string, from: number, nls: NewlineScan): number {
  const n = text.length;
  if (n - from <= BLOCK + (BLOCK >> 1)) return n;
  const hi = from + BLOCK;
  const lo = from + (BLOCK >> 1);
  // The last newline in (lo, hi], from a forward scan that never goes back (linear over the whole text).
  if (nls.at >= 0 && nls.at <= lo) nls.at = text.indexOf('\n', lo + 1);
  let lf = -1;
  while (nls.at >= 0 && nls.at <= hi) {
    lf = nls.at;
    nls.at = text.indexOf('\n', lf + 1);
  }
  if (lf >= 0) {
    nls.at = lf;
    return lf + 1;
  }
  let ws = -1;
  let sent = -1;
  // No newline: the first sentence end found going back is the last one (and a whitespace was found by then).
  for (let k = hi; k > lo && sent < 0; k--) {
    const c = text.charCodeAt(k);
    if (isWs(c)) {
      if (ws < 0) ws = k + 1;
      const p = text.charCodeAt(k - 1);
      if ((p === 0x2e || p === 0x21 || p === 0x3f) && !(text.charCodeAt(k - 2) >= 0x30 && text.charCodeAt(k - 2) <= 0x39)) sent = k + 1;
    }
  }
  if (sent > 0) return sent;
  if (ws > 0) return ws;
  const c = text.charCodeAt(hi - 1);
  return c >= 0xd800 && c <= 0xdbff ? hi + 1 : hi;
}

interface RunState { anchor: Anchor | null }

/** The first newline at or after the scan position (-1: none left). */
interface NewlineScan { at: number }

export function runTagger(text: string, lex: Lexicon, refStr: string | null): Timex[] {
  const ref = parseRef(refStr);
  const out: Timex[] = [];
  const state: RunState = { anchor: null };
  const nls: NewlineScan = { at: 0 };
  // One block's items at a time: their objects are reused by the next block (nothing keeps them past runBlock).
  const pool: Item[] = [];
  const sc = newItemMarks();
  let from = 0;
  while (from < text.length) {
    const to = blockEnd(text, from, nls);
    runBlock(text, from, to, lex, ref, state, out, pool, sc);
    from = to;
  }
  return out;
}

/** Tags text[from, to); item offsets are into the whole text (no block copy or slice to scan). */
function runBlock(text: string, from: number, to: number, lex: Lexicon, ref: ReturnType<typeof parseRef>, state: RunState, out: Timex[], pool: Item[], sc: ItemMarks): void {
  const items = itemize(lex, text, from, to, pool, sc);
  const r = new Reader(items, lex);
  const idx = ruleIndex(lex.pack);
  const { sent, marks, sentFuture, live, nLive } = sc;
  const ctx: RuleCtx = { r, lastEnd: -1, monthFirstSlash: !!lex.pack.monthFirstSlash, nextWeekdayNextWeek: !!lex.pack.nextWeekdayNextWeek, spaceDates: !!lex.pack.spaceDates };
  let anchor = state.anchor;
  // One context for every date of the block (the resolver keeps nothing from it).
  const rc: ResolveCtx = { ref, anchor, tense: 0 };
  // Only live items can begin an expression: visit those at or after the end of the last match.
  let i = 0;
  for (let li = 0; li < nLive; li++) {
    const at = live[li]!;
    if (at < i) continue;
    i = at;
    const best = longestAt(ctx, idx, items, i) ?? rangeStartDay(ctx, idx, items, i);
    if (!best) {
      continue;
    }
    if (best.sem.kind === 'date') completeRangeStart(ctx, idx, items, best);
    const first = items[best.from]!;
    const last = items[best.to - 1]!;
    const start = first.start;
    const end = last.end;
    const str = text.slice(start, end);
    const sem = best.sem;
    let tx: Timex;
    if (sem.kind === 'dur') {
      tx = { start, end, text: str, type: 'DURATION', value: durationValue(sem.n, sem.unit) };
    } else if (sem.kind === 'vague') {
      tx = { start, end, text: str, type: 'DATE', value: sem.value };
    } else {
      rc.anchor = anchor;
      rc.tense = tenseAt(best.from, best.to, items.length, marks, sent, sentFuture);
      const res = resolveDate(sem, rc);
      if (res.anchor) anchor = res.anchor;
      tx = { start, end, text: str, type: 'DATE', value: res.value };
    }
    if (sem.kind !== 'vague' && sem.mod) tx.mod = sem.mod;
    out.push(tx);
    ctx.lastEnd = best.to;
    i = best.to;
  }
  state.anchor = anchor;
}
