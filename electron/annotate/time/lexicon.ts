/**
 * Compiles a language pack into lookup tables and turns tokens into feature-carrying items,
 * merging fixed multi-word phrases into single items. Linear in the number of tokens.
 */
import { cliticVariants, normalizeWord } from './normalize';
import { tokenize, type PhraseNode, type Token, type WordInfo } from './tokenize';
import type { Feature, LangPack } from './types';

/** A token with its features; `live` = it may begin an expression (cheap pre-filter). */
export type Item = Token;

const EMPTY: Feature = Object.freeze({}) as Feature;

export interface Lexicon {
  pack: LangPack;
  words: Map<string, Feature>;
  phrases: PhraseNode;
  ordinalSuffixes: Set<string>;
  decadeSuffixes: Set<string>;
  futureEndings: string[];
  futureExceptions: Set<string>;
  pastEndings: string[];
  /** Per spelling as written: normalised form, features, phrase entry points, tense (bounded cache). */
  info: Map<string, WordInfo>;
  /** Bound resolver handed to the tokenizer. */
  word: (raw: string) => WordInfo;
}

function add(words: Map<string, Feature>, w: string, f: Feature): void {
  const key = normalizeWord(w);
  const old = words.get(key);
  words.set(key, old ? { ...old, ...f } : { ...f });
}

function addAll(words: Map<string, Feature>, list: readonly string[] | undefined, f: Feature): void {
  for (const w of list ?? []) add(words, w, f);
}

function phraseKeys(text: string): string[] {
  return tokenize(text).map((t) => t.norm);
}

export function compileLexicon(pack: LangPack): Lexicon {
  const words = new Map<string, Feature>();
  const amb = new Set((pack.ambiguousMonths ?? []).map(normalizeWord));
  const ambS = new Set((pack.ambiguousSeasons ?? []).map(normalizeWord));
  for (const [w, m] of Object.entries(pack.months)) add(words, w, amb.has(normalizeWord(w)) ? { month: m, ambiguous: true } : { month: m });
  for (const [w, d] of Object.entries(pack.weekdays)) add(words, w, { weekday: d });
  for (const [w, s] of Object.entries(pack.seasons)) add(words, w, ambS.has(normalizeWord(w)) ? { season: s, ambiguous: true } : { season: s });
  for (const [w, u] of Object.entries(pack.units)) add(words, w, { unit: u });
  for (const [w, u] of Object.entries(pack.pluralUnits)) {
    const both = words.get(normalizeWord(w))?.unit !== undefined;
    add(words, w, both ? { unit: u, invariant: true } : { unit: u, plural: true });
  }
  for (const [w, u] of Object.entries(pack.dualUnits ?? {})) add(words, w, { unit: u, plural: true, count: 2 });
  for (const [w, n] of Object.entries(pack.numbers)) add(words, w, { num: n });
  addAll(words, pack.quantifiers, { quant: true });
  for (const [w, n] of Object.entries(pack.ordinals)) add(words, w, { ord: n });
  addAll(words, pack.ordinalTeens, { ordTeen: true });
  for (const [w, n] of Object.entries(pack.rel)) add(words, w, { rel: n });
  for (const [w, n] of Object.entries(pack.anaph)) add(words, w, { anaph: n });
  for (const [w, n] of Object.entries(pack.dayWords)) add(words, w, { dayWord: n });
  for (const [w, s] of Object.entries(pack.shifts ?? {})) add(words, w, { shift: s });
  for (const [w, m] of Object.entries(pack.mods)) add(words, w, { mod: m });
  for (const [w, v] of Object.entries(pack.vague)) add(words, w, { vague: v });
  addAll(words, pack.yearWords, { yearWord: true });
  addAll(words, pack.monthNouns, { monthNoun: true });
  addAll(words, pack.dayNouns, { dayNoun: true });
  addAll(words, pack.strongCues, { cue: 'strong' });
  addAll(words, pack.weakCues, { cue: 'weak' });
  addAll(words, pack.connectors, { connector: true });
  addAll(words, pack.fillers, { filler: true });
  addAll(words, pack.agoBefore, { agoBefore: true });
  addAll(words, pack.agoAfter, { agoAfter: true });
  addAll(words, pack.inFuture, { inFuture: true });
  addAll(words, pack.futureMarkers, { future: true });
  addAll(words, pack.pastMarkers, { past: true });
  addAll(words, pack.decadeWords, { decadeWord: true });
  addAll(words, pack.centuryWords, { century: true });
  addAll(words, pack.countAhead, { countAhead: true });
  if (pack.weekdayCountDir) {
    for (const [w, d] of Object.entries(pack.weekdays)) if (w.length >= 6 && !words.has(normalizeWord(`${w}s`))) add(words, `${w}s`, { wdPlural: d });
  }

  const root: PhraseNode = { next: new Map() };
  const holidayPhrases = Object.entries(pack.holidays ?? {}).map(([text, h]) => ({ text, feat: { holiday: h } as Feature }));
  const hence = (pack.hence ?? []).map((text) => ({ text, feat: { hence: true } as Feature }));
  const afterNext = (pack.afterNext ?? []).map((text) => ({ text, feat: { afterNext: true } as Feature }));
  const later = Object.entries(pack.laterWords ?? {}).map(([text, n]) => ({ text, feat: { later: n } as Feature }));
  for (const p of [...pack.phrases, ...holidayPhrases, ...hence, ...afterNext, ...later]) {
    let node = root;
    const keys = phraseKeys(p.text);
    keys.forEach((k, d) => {
      let nx = node.next.get(k);
      if (!nx) {
        nx = { next: new Map(), head: keys[0]!, norm: keys.slice(0, d + 1).join(' '), tail: keys.slice(1, d + 1).map((x) => ` ${x}`).join('') };
        node.next.set(k, nx);
      }
      node = nx;
    });
    node.feat = { ...(node.feat ?? {}), ...p.feat };
  }
  const lex: Lexicon = {
    pack,
    words,
    phrases: root,
    ordinalSuffixes: new Set(pack.ordinalSuffixes.map(normalizeWord)),
    decadeSuffixes: new Set((pack.decadeSuffixes ?? []).map(normalizeWord)),
    futureEndings: (pack.futureEndings ?? []).map(normalizeWord),
    futureExceptions: new Set((pack.futureEndingExceptions ?? []).map(normalizeWord)),
    pastEndings: (pack.pastEndings ?? []).map(normalizeWord),
    info: new Map(),
    word: () => { throw new Error('unbound'); },
  };
  lex.word = (raw: string): WordInfo => {
    let v = lex.info.get(raw);
    if (v === undefined) {
      if (lex.info.size > 200000) lex.info.clear();
      v = wordInfo(lex, raw);
      lex.info.set(raw, v);
    }
    return v;
  };
  return lex;
}

function wordInfo(lex: Lexicon, raw: string): WordInfo {
  const norm = normalizeWord(raw);
  const vs = lex.pack.clitics ? cliticVariants(norm) : [norm];
  let feat = EMPTY;
  for (const v of vs) {
    const f = lex.words.get(v);
    if (f) {
      feat = f;
      break;
    }
  }
  let roots: PhraseNode[] | null = null;
  for (const v of vs) {
    const n = lex.phrases.next.get(v);
    if (n) (roots ??= []).push(n);
  }
  let tense = feat.future ? 1 : feat.past ? -1 : norm.length >= 4 ? tenseByEnding(lex, norm) : 0;
  if (tense === 0 && feat === EMPTY && lex.pack.futurePrefixes) {
    for (const v of vs) if (futureByPrefix(lex.pack, v)) tense = 1;
  }
  const live = (feat !== EMPTY && canBegin(feat)) || norm === 'q' || norm === 'h';
  return { norm, feat, live, tense, roots };
}

/** Arabic future verbs: سيعلن، ستبدأ، وسيتم (not سيارة، سياسة، سنوات، ستة). */
function futureByPrefix(pack: LangPack, w: string): boolean {
  if (w.length < 4) return false;
  const p = pack.futurePrefixes!.map(normalizeWord).find((x) => w.startsWith(x));
  if (!p || w[p.length] === 'ا') return false;
  return !(pack.futurePrefixNounEndings ?? []).some((e) => w.endsWith(normalizeWord(e)));
}

/** Tense from verb endings (French "-era", English "-ed"). */
function tenseByEnding(lex: Lexicon, w: string): number {
  if (!lex.futureExceptions.has(w) && lex.futureEndings.some((e) => w.endsWith(e))) return 1;
  if (w.length >= 5 && lex.pastEndings.some((e) => w.endsWith(e))) return -1;
  return 0;
}

const startsCache = new WeakMap<Feature, boolean>();

/** Only these features can begin an expression; fillers, cues and connectors never do. */
function canBegin(f: Feature): boolean {
  let v = startsCache.get(f);
  if (v === undefined) {
    v = f.month !== undefined || f.weekday !== undefined || f.season !== undefined || f.unit !== undefined ||
      f.num !== undefined || f.quant === true || f.ord !== undefined || f.rel !== undefined || f.anaph !== undefined ||
      f.dayWord !== undefined || f.shift !== undefined || f.mod !== undefined || f.vague !== undefined ||
      f.yearWord === true || f.monthNoun === true || f.dayNoun === true || f.agoBefore === true || f.inFuture === true ||
      f.decadeWord === true || f.holiday !== undefined || f.wdPlural !== undefined;
    startsCache.set(f, v);
  }
  return v;
}

/** Only a count or a last/next word: worth trying only if something live follows closely. */
export function needsFollower(f: Feature): boolean {
  return f.month === undefined && f.weekday === undefined && f.season === undefined && f.unit === undefined &&
    f.dayWord === undefined && f.shift === undefined && f.vague === undefined && !f.yearWord && !f.monthNoun &&
    !f.dayNoun && !f.agoBefore && !f.inFuture && !f.decadeWord && f.mod === undefined && f.ord === undefined &&
    f.holiday === undefined;
}

const MAX_PHRASE = 8;

/**
 * Per-item facts the engine needs, filled while items are made (no second pass over a block's items): sentence
 * index of every item (a dot after a 1-2 digit number is a German ordinal, not an end), its tense mark (+1 future
 * marker, -1 past marker, 0 neither), per sentence whether it has a future marker, and the live items. The arrays
 * are reused from block to block (each block writes its first items.length entries).
 */
export interface ItemMarks {
  sent: Int32Array;
  marks: Int8Array;
  sentFuture: Uint8Array;
  live: Int32Array;
  nLive: number;
}

export function newItemMarks(): ItemMarks {
  return { sent: new Int32Array(0), marks: new Int8Array(0), sentFuture: new Uint8Array(0), live: new Int32Array(0), nLive: 0 };
}

function reserve(m: ItemMarks, n: number): void {
  if (m.sent.length < n) {
    const cap = Math.max(n, m.sent.length * 2);
    m.sent = new Int32Array(cap);
    m.marks = new Int8Array(cap);
    m.sentFuture = new Uint8Array(cap);
    m.live = new Int32Array(cap);
  } else m.sentFuture.fill(0, 0, n);
}

/** A merged single-word phrase's features: one object per (word features, phrase features) pair. */
const mergedFeats = new WeakMap<Feature, WeakMap<Feature, Feature>>();

function mergeFeat(a: Feature, b: Feature): Feature {
  let byB = mergedFeats.get(a);
  if (byB === undefined) {
    byB = new WeakMap();
    mergedFeats.set(a, byB);
  }
  let v = byB.get(b);
  if (v === undefined) {
    v = { ...a, ...b };
    byB.set(b, v);
  }
  return v;
}

/**
 * Tokens -> items: fixed phrases merged (longest first), every item with its features. Offsets are into `text`.
 * With `marks`, also records the per-item facts above.
 */
export function itemize(lex: Lexicon, text: string, from = 0, to = text.length, pool?: Item[], marks?: ItemMarks): Item[] {
  const toks = tokenize(text, lex.word, from, to, pool);
  // Items are written back into the token array (merging phrases only shrinks it): no second big array.
  const items: Item[] = toks;
  let w = 0;
  let i = 0;
  const n = toks.length;
  if (marks) reserve(marks, n + 1);
  let s = 0;
  let nLive = 0;
  while (i < n) {
    let t = toks[i]!;
    const roots = t.roots;
    if (roots === null) {
      if (w !== i) items[w] = t;
      i++;
    } else {
      let best = -1;
      let bestFeat: Feature | undefined;
      let bestNode: PhraseNode | undefined;
      for (let vi = 0; vi < roots.length; vi++) {
        let node: PhraseNode | undefined = roots[vi];
        let j = i;
        while (node) {
          if (node.feat && j > best) {
            best = j;
            bestFeat = node.feat;
            bestNode = node;
          }
          j++;
          if (j >= n || j - i >= MAX_PHRASE) break;
          node = node.next.get(toks[j]!.norm);
        }
      }
      if (best > i && bestFeat) {
        const last = toks[best]!;
        const tense = bestFeat.future ? 1 : bestFeat.past ? -1 : 0;
        // The phrase's words as normalised, space-separated (the first word may carry a clitic the trie key lacks).
        const norm = t.norm === bestNode!.head ? bestNode!.norm! : t.norm + bestNode!.tail!;
        t = { kind: 'w', start: t.start, end: last.end, norm, gap: t.gap, nl: t.nl,
          num: undefined, digits: undefined, cap: t.cap, feat: bestFeat, live: true, tense, roots: null };
        i = best + 1;
      } else {
        if (best === i && bestFeat) {
          t.feat = mergeFeat(t.feat, bestFeat);
          t.live = true;
          if (bestFeat.future) t.tense = 1;
          else if (bestFeat.past) t.tense = -1;
        }
        i++;
      }
      items[w] = t;
    }
    if (marks) {
      if (w > 0 && t.nl) s++;
      else if (w > 1 && t.gap) {
        const p = items[w - 1]!;
        if (p.kind === 'p' && (p.norm === '.' || p.norm === '!' || p.norm === '?')) {
          const pp = items[w - 2]!;
          if (!(p.norm === '.' && pp.kind === 'n' && (pp.digits ?? 9) <= 2)) s++;
        }
      }
      marks.sent[w] = s;
      const m = t.tense;
      marks.marks[w] = m;
      if (m === 1) marks.sentFuture[s] = 1;
      if (t.live) marks.live[nLive++] = w;
    }
    w++;
  }
  items.length = w;
  if (marks) marks.nLive = nLive;
  return items;
}
