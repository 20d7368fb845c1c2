/**
 * The same event told by different articles, across languages: events that share entities, have compatible
 * dates and equivalent amounts (€11.9 bn in June 2018 ≈ $14 bn at that year's average rate) are suggested as
 * one (`sameAs` plus `links` with reasons and a score). A twin with a known year lends it to an event whose year
 * is unknown (certainty `inferred`, `evidence` naming the twin).
 *
 * Never all pairs: events are blocked by (entity, month) buckets — "XXXX-MM" buckets let an unknown year meet
 * known ones — and only pairs sharing a bucket are scored. Runs over the whole corpus after per-document
 * annotation, and is idempotent: what an earlier run added is removed first.
 *
 * Incremental: given the previous run's output and which documents changed, only events that share a blocking
 * bucket with a changed document's events (before or after the change) are linked again; the result is the same
 * as linking everything (every input of a pair's score is local to the pair, entity weights move in coarse steps
 * and a step change re-links that entity's events, ties are broken by event order). Output is compact: at most
 * `maxLinks` (3) links per event, reasons kept as a short code and rendered to text once per distinct code.
 */
import type { ChronoEvent, EventDate, EventLink } from '../../shared/model';
import type { AnnotatedDocument } from './annotate-document';
import { applyMod, timexInterval } from '../../shared/timex';
import { ACTION_LABEL } from './actions/index';
import { formatMoney, toUsd } from './amounts';

export interface LinkOptions {
  /** Minimum score for a suggestion (0..1). */
  minScore?: number;
  /** Most links kept per event, best first. */
  maxLinks?: number;
  /** Buckets larger than this are compared within a window of date-sorted neighbours, not exhaustively. */
  maxBucket?: number;
}

export interface LinkStats {
  events: number;
  buckets: number;
  pairsScored: number;
  links: number;
  yearsInferred: number;
  /** Distinct statements after folding identical ones (same sentence and date). */
  groups: number;
  /** Buckets too large to pair exhaustively, compared within a sliding window of date-sorted neighbours. */
  windowedBuckets: number;
  /** Statement groups linked again (all of them on a full run). */
  relinkedGroups: number;
}

/** What linking needs of a document: no text, no timexes, no mentions. */
export interface LinkDoc {
  document: { id: string; file: string; published: { value: string | null } };
  amounts: ReadonlyArray<{ value: number; currency: string }>;
  /** Events as annotated (before linking). */
  events: readonly ChronoEvent[];
}

/** What linking adds to one event. */
export interface LinkOut {
  sameAs: string[];
  links: EventLink[];
  /** The date with a year lent by a twin. */
  date?: EventDate;
}

export interface IncrementalLink {
  /** The previous run's output, by event id. */
  previous: ReadonlyMap<string, LinkOut>;
  /** Documents (by id) added or changed since that run: their events in `docs` are new. */
  changed: ReadonlySet<string>;
  /** The previous versions of changed and removed documents. */
  before: readonly LinkDoc[];
}

const YEAR_EVIDENCE = 'year borrowed from the same event in ';
const WINDOW = 32;
const SAME_STATEMENT = 'the same sentence with the same date';
const DAY_MS = 86_400_000;
const ACTION_BY_LABEL = new Map(Object.entries(ACTION_LABEL).map(([id, l]) => [l, id]));
const SEASON_MONTHS: Record<string, number[]> = { SP: [3, 4, 5], SU: [6, 7, 8], FA: [9, 10, 11], WI: [12, 1, 2] };

interface Feature {
  ev: ChronoEvent;
  doc: number;
  file: string;
  /** Day numbers (inclusive) for known years. */
  from?: number;
  to?: number;
  precision?: string;
  /** Known month(s) and day of an unknown-year date. */
  months?: number[];
  day?: number;
  /** Money amounts in US dollars, with how they were written. */
  usd: Array<{ usd: number; shown: string }>;
  action?: string;
  year: number | null;
  /** The year amounts were converted at. */
  rate: number | null;
  /** Memoised: `signature` and `bucketKeys`. */
  sig?: string;
  keys?: Array<{ key: string; unknown: boolean }>;
}

const dayNumber = (iso: string): number => Math.floor(Date.parse(iso) / DAY_MS);

/** Undo what an earlier linking run added, so runs over cached documents are idempotent. */
export function unlinked(e: ChronoEvent): ChronoEvent {
  if (!e.sameAs && !e.links && !e.date.evidence) return e;
  const { sameAs: _s, links: _l, ...rest } = e;
  if (!e.edited && e.date.evidence?.startsWith(YEAR_EVIDENCE)) {
    const { start: _a, end: _b, evidence: _e, ...date } = e.date;
    return { ...rest, date: { ...date, value: `XXXX${date.value.slice(4)}`, certainty: 'uncertain' } };
  }
  return rest;
}

function featureOf(ev: ChronoEvent, doc: number, a: LinkDoc): Feature {
  const pub = a.document.published.value;
  const f: Feature = { ev, doc, file: a.document.file, usd: [], year: null, rate: null };
  const v = ev.date.value;
  if (ev.date.start && ev.date.end) {
    f.from = dayNumber(ev.date.start);
    f.to = dayNumber(ev.date.end);
    f.precision = timexInterval(v)?.precision;
    f.year = Number(ev.date.start.slice(0, 4));
  } else {
    let m: RegExpExecArray | null;
    if ((m = /^X{4}-(\d{2})(?:-(\d{2}))?/.exec(v))) {
      f.months = [Number(m[1])];
      if (m[2]) f.day = Number(m[2]);
    } else if ((m = /^X{4}-(SP|SU|FA|WI)/.exec(v))) f.months = SEASON_MONTHS[m[1]!]!;
  }
  const rateYear = f.year ?? (pub ? Number(pub.slice(0, 4)) : null);
  f.rate = rateYear;
  for (const i of ev.amounts) {
    const am = a.amounts[i];
    if (!am) continue;
    const usd = toUsd(am.value, am.currency, rateYear);
    if (usd !== null && usd > 0) f.usd.push({ usd, shown: formatMoney(am.value, am.currency) });
  }
  for (const part of ev.label.split(' · ')) {
    const id = ACTION_BY_LABEL.get(part);
    if (id) f.action = id;
  }
  return f;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Granules a date falls in: its months when it spans at most a season, else its years. */
function granules(f: Feature): { known: string[]; unknownYear: string[] } {
  if (f.months) return { known: [], unknownYear: f.months.map((m) => `XXXX-${pad2(m)}`) };
  if (f.from === undefined || f.to === undefined) return { known: [], unknownYear: [] };
  const known: string[] = [];
  const unknownYear: string[] = [];
  const a = new Date(f.from * DAY_MS);
  const b = new Date(f.to * DAY_MS);
  if (f.to - f.from <= 92) {
    for (let y = a.getUTCFullYear(), m = a.getUTCMonth() + 1; y < b.getUTCFullYear() || (y === b.getUTCFullYear() && m <= b.getUTCMonth() + 1); m === 12 ? (y++, (m = 1)) : m++) {
      known.push(`${y}-${pad2(m)}`);
      unknownYear.push(`XXXX-${pad2(m)}`);
    }
  } else if (f.to - f.from <= 731) {
    for (let y = a.getUTCFullYear(); y <= b.getUTCFullYear(); y++) known.push(`Y${y}`);
  }
  return { known, unknownYear };
}

interface DateFit {
  score: number;
  reason: string;
}

function dateFit(a: Feature, b: Feature, explain = false): DateFit | null {
  if (a.from !== undefined && b.from !== undefined) {
    const overlap = a.from <= b.to! && b.from <= a.to!;
    if (a.precision === 'day' && b.precision === 'day') {
      const d = Math.abs(a.from - b.from);
      if (d === 0) return { score: 1, reason: explain ? 'd0' : '' };
      if (d <= 2) return { score: 0.7, reason: explain ? `d${d}` : '' };
      return null;
    }
    if (!overlap) return null;
    const span = Math.max(a.to! - a.from, b.to! - b.from);
    return { score: span <= 31 ? 0.8 : span <= 92 ? 0.6 : 0.3, reason: explain ? 'do' : '' };
  }
  // One or both years unknown: the known parts must fit.
  const monthsOf = (f: Feature): number[] => {
    if (f.months) return f.months;
    const out: number[] = [];
    for (let d = f.from!; d <= f.to! && out.length < 4; d += 28) out.push(new Date(d * DAY_MS).getUTCMonth() + 1);
    out.push(new Date(f.to! * DAY_MS).getUTCMonth() + 1);
    return out;
  };
  const dayOf = (f: Feature): number | undefined => (f.months ? f.day : f.precision === 'day' ? new Date(f.from! * DAY_MS).getUTCDate() : undefined);
  if (!a.months && (a.from === undefined || a.to! - a.from > 92)) return null;
  if (!b.months && (b.from === undefined || b.to! - b.from > 92)) return null;
  const ma = monthsOf(a);
  if (!monthsOf(b).some((m) => ma.includes(m))) return null;
  const da = dayOf(a);
  const db = dayOf(b);
  if (da !== undefined && db !== undefined && da !== db) return null;
  return { score: da !== undefined && db !== undefined ? 0.8 : 0.5, reason: explain ? 'du' : '' };
}

function amountFit(a: Feature, b: Feature, explain = false): { equal: boolean; reason?: string } | null {
  if (!a.usd.length || !b.usd.length) return null;
  for (const x of a.usd) {
    for (const y of b.usd) {
      if (Math.abs(x.usd - y.usd) / Math.max(x.usd, y.usd) <= 0.1) {
        if (!explain) return { equal: true };
        const conv = x.shown.startsWith('$') && y.shown.startsWith('$') ? '' : `~${Math.round(x.usd / 1e8) / 10}~${Math.round(y.usd / 1e8) / 10}`;
        return { equal: true, reason: `${x.shown}~${y.shown}${x.usd >= 1e8 && y.usd >= 1e8 ? conv : ''}` };
      }
    }
  }
  return { equal: false };
}


/** The keys of the blocking buckets an event (a group's representative) sits in. */
function bucketKeys(f: Feature): Array<{ key: string; unknown: boolean }> {
  return (f.keys ??= computeBucketKeys(f));
}

function computeBucketKeys(f: Feature): Array<{ key: string; unknown: boolean }> {
  const g = granules(f);
  const fine = f.months ? f.day !== undefined : f.from !== undefined && f.to! - f.from <= 31;
  // A pair links only on equivalent amounts, or on the same action with month-or-finer dates, so the bucket key
  // carries that too: the action, and the amount's 10% band (an event sits in its band and the next, so two
  // amounts within 10% always share one). Events with neither can never link and are left out.
  const disc = new Set<string>();
  if (f.action && fine) disc.add(`a:${f.action}`);
  for (const u of f.usd) {
    const band = Math.floor(Math.log(u.usd) / Math.log(1.1));
    disc.add(`m:${band}`).add(`m:${band + 1}`);
  }
  const keys: Array<{ key: string; unknown: boolean }> = [];
  for (const id of f.ev.entities) {
    for (const d of disc) {
      for (const k of g.known) keys.push({ key: `${id}|${k}|${d}`, unknown: false });
      for (const k of g.unknownYear) keys.push({ key: `${id}|${k}|${d}`, unknown: !!f.months });
    }
  }
  return keys;
}

/**
 * Features depend on the document alone (its events, amounts and date), so they are kept with it for the next run
 * (documents that did not change are the same objects then). `doc` is set by each run.
 */
const featureCache = new WeakMap<LinkDoc, Feature[]>();
function featuresOf(d: LinkDoc): Feature[] {
  let fs = featureCache.get(d);
  if (!fs) featureCache.set(d, (fs = d.events.map((e) => featureOf(e, -1, d))));
  return fs;
}

/** Everything a statement's features depend on: copies with the same signature are one group. */
const signature = (f: Feature): string => (f.sig ??= `${f.ev.date.value}\u0001${f.rate}\u0001${f.usd.map((u) => u.usd).join(',')}\u0001${f.ev.label}\u0001${f.ev.entities.join(',')}\u0001${f.ev.text}`);

/** Entity counts in coarse (power of two) steps, so one more mention rarely changes a weight. */
const step = (n: number): number => 2 ** Math.floor(Math.log2(Math.max(1, n)));

const DATE_TEXT: Record<string, string> = { d0: 'same day', d1: '1 day apart', d2: '2 days apart', do: 'dates overlap', du: 'month and day fit with an unknown year' };
const rendered = new Map<string, string[]>();
const codeOf = new WeakMap<readonly string[], string>();

/**
 * A link's reasons as stored: `S` (the same statement) or `E:ids|D:d0|A:$14 bn~€11.9 bn~14~13.9|X:action`. Rendered
 * to the sentences shown beside a link once per distinct code; the rendered array is shared.
 */
export function renderReasons(code: string): string[] {
  let r = rendered.get(code);
  if (r) return r;
  r = [];
  for (const part of code.split('|')) {
    const v = part.slice(2);
    if (part === 'S') r.push(SAME_STATEMENT);
    else if (part.startsWith('E:')) r.push(`shared entities: ${v.split(',').join(', ')}`);
    else if (part.startsWith('D:')) r.push(DATE_TEXT[v] ?? v);
    else if (part.startsWith('A:')) {
      const [x, y, ux, uy] = v.split('~');
      r.push(`equivalent amounts ${x} ≈ ${y}${ux !== undefined ? ` (≈ $${ux} bn and $${uy} bn at yearly average rates)` : ''}`);
    } else if (part.startsWith('X:')) r.push(`same action: ${ACTION_LABEL[v as keyof typeof ACTION_LABEL] ?? v}`);
    else r.push(part);
  }
  rendered.set(code, r);
  codeOf.set(r, code);
  return r;
}

/** One link as stored: [event id, score, reason code]. */
export type PackedLink = [string, number, string];
export interface PackedLinkOut {
  l: PackedLink[];
  d?: EventDate;
}

export function packLinkOut(o: LinkOut): PackedLinkOut {
  return { l: o.links.map((k) => [k.event, k.score, codeOf.get(k.reasons) ?? k.reasons.join('|')]), ...(o.date ? { d: o.date } : {}) };
}

export function unpackLinkOut(p: PackedLinkOut): LinkOut {
  const links = p.l.map(([event, score, code]) => ({ event, score, reasons: renderReasons(code) }));
  return { sameAs: links.map((k) => k.event), links, ...(p.d ? { date: p.d } : {}) };
}

/** An event with what linking added to it (none: the event as annotated). */
export function withLinks(e: ChronoEvent, o: LinkOut | undefined): ChronoEvent {
  if (!o) return e;
  return { ...e, sameAs: o.sameAs, links: o.links, ...(o.date ? { date: o.date } : {}) };
}

/**
 * Same-event links over the whole corpus, or again only where changed documents can make a difference (`inc`).
 * `docs` hold the events as annotated, in file order. Returns what linking adds, by event id.
 */
export function linkCorpus(docs: readonly LinkDoc[], opts: LinkOptions = {}, inc?: IncrementalLink): { out: Map<string, LinkOut>; stats: LinkStats } {
  const minScore = opts.minScore ?? 0.55;
  const maxLinks = opts.maxLinks ?? 3;
  const maxBucket = opts.maxBucket ?? 96;
  const feats: Feature[] = [];
  docs.forEach((d, i) => {
    for (const f of featuresOf(d)) {
      f.doc = i;
      feats.push(f);
    }
  });

  // Identical statements (the same signature: syndicated copies) are one group; only its first member (in file
  // order) is blocked and scored, and the group's members share its links.
  const groupOf = new Int32Array(feats.length);
  const groups: number[][] = [];
  const sigs: string[] = [];
  const bySignature = new Map<string, number>();
  feats.forEach((f, i) => {
    const sig = signature(f);
    let g = bySignature.get(sig);
    if (g === undefined) {
      g = groups.length;
      groups.push([]);
      sigs.push(sig);
      bySignature.set(sig, g);
    }
    groups[g]!.push(i);
    groupOf[i] = g;
  });
  const reps = groups.map((g) => g[0]!);

  // Entity weights: rare entities say more than "China". Counted in coarse steps (see `step`).
  const df = new Map<string, number>();
  for (const f of feats) for (const id of f.ev.entities) df.set(id, (df.get(id) ?? 0) + 1);
  const total = step(feats.length);
  const weightOf = new Map([...df].map(([id, n]) => [id, Math.log(1 + total / step(n))]));
  const weight = (id: string): number => weightOf.get(id) ?? 0;

  // Blocking: (entity, granule, amount band or action) → events; unknown-year granules keep the two kinds apart.
  const buckets = new Map<string, { known: number[]; unknown: number[] }>();
  for (const i of reps) {
    for (const { key, unknown } of bucketKeys(feats[i]!)) {
      let b = buckets.get(key);
      if (!b) buckets.set(key, (b = { known: [], unknown: [] }));
      (unknown ? b.unknown : b.known).push(i);
    }
  }

  // Incremental: which representatives must be linked again (null: all of them).
  const affected = inc ? affectedReps(inc) : null;
  function affectedReps({ changed, before }: IncrementalLink): Uint8Array | null {
    const oldFeats: Feature[] = [];
    before.forEach((d, i) => d.events.forEach((e) => oldFeats.push(featureOf(e, -1 - i, d))));
    const touchedSigs = new Set<string>(oldFeats.map(signature));
    // Entity counts before the change: now, less the changed documents' new events, plus their old ones.
    const delta = new Map<string, number>();
    let newChanged = 0;
    feats.forEach((f, i) => {
      if (!changed.has(docs[f.doc]!.document.id)) return;
      newChanged++;
      touchedSigs.add(sigs[groupOf[i]!]!);
      for (const id of f.ev.entities) delta.set(id, (delta.get(id) ?? 0) - 1);
    });
    for (const f of oldFeats) for (const id of f.ev.entities) delta.set(id, (delta.get(id) ?? 0) + 1);
    // The corpus crossed a power of two: every weight moved, link everything again.
    if (step(feats.length - newChanged + oldFeats.length) !== total) return null;
    const reweighted = new Set<string>();
    for (const [id, d] of delta) {
      const now = df.get(id) ?? 0;
      if (d !== 0 && now > 0 && now + d > 0 && step(now) !== step(now + d)) reweighted.add(id);
    }
    const marked = new Uint8Array(feats.length);
    const keys = new Set<string>();
    const seed = (f: Feature): void => {
      for (const k of bucketKeys(f)) keys.add(k.key);
    };
    for (const f of oldFeats) seed(f);
    groups.forEach((members, g) => {
      const rep = members[0]!;
      const f = feats[rep]!;
      if (touchedSigs.has(sigs[g]!) || (reweighted.size && f.ev.entities.some((id) => reweighted.has(id)))) {
        marked[rep] = 1;
        seed(f);
      }
    });
    for (const k of keys) {
      const b = buckets.get(k);
      if (!b) continue;
      for (const i of b.known) marked[i] = 1;
      for (const i of b.unknown) marked[i] = 1;
    }
    return marked;
  }
  const isAffected = (i: number): boolean => affected === null || affected[i] === 1;

  const stats: LinkStats = { events: feats.length, groups: groups.length, buckets: buckets.size, pairsScored: 0, links: 0, yearsInferred: 0, windowedBuckets: 0, relinkedGroups: 0 };
  const seen = new Set<number>();
  const found = new Map<number, Array<{ other: number; score: number }>>();
  // Scores only; reasons are written for the links that are kept. Each event keeps its best few candidates, in a
  // total order (score, then file order), so the order pairs are met in never matters.
  const keep = maxLinks + 4;
  const remember = (x: number, other: number, score: number): void => {
    let list = found.get(x);
    if (!list) found.set(x, (list = []));
    const before = (p: { other: number; score: number }): boolean => score > p.score || (score === p.score && other < p.other);
    if (list.length >= keep && !before(list[list.length - 1]!)) return;
    let p = list.length;
    while (p > 0 && before(list[p - 1]!)) p--;
    list.splice(p, 0, { other, score });
    if (list.length > keep) list.pop();
  };
  const scorePair = (fa: Feature, fb: Feature): number | null => {
    const date = dateFit(fa, fb);
    if (!date) return null;
    const amount = amountFit(fa, fb);
    if (amount && !amount.equal) return null; // both give figures, and they differ: different events
    let sharedW = 0;
    for (const id of fa.ev.entities) if (fb.ev.entities.includes(id)) sharedW += weight(id);
    if (sharedW === 0) return null;
    let unionW = 0;
    for (const id of fa.ev.entities) unionW += weight(id);
    for (const id of fb.ev.entities) if (!fa.ev.entities.includes(id)) unionW += weight(id);
    const ent = sharedW / unionW;
    const sameAction = !!fa.action && fa.action === fb.action;
    if (!amount?.equal && !(sameAction && date.score >= 0.7 && ent >= 0.5)) return null;
    const score = Math.round((0.35 * (amount?.equal ? 1 : 0) + 0.3 * ent + 0.2 * (sameAction ? 1 : 0) + 0.15 * date.score) * 100) / 100;
    return score < minScore ? null : score;
  };
  const explain = (fa: Feature, fb: Feature): string[] => {
    const parts = [`E:${fa.ev.entities.filter((id) => fb.ev.entities.includes(id)).join(',')}`, `D:${dateFit(fa, fb, true)!.reason}`];
    const amount = amountFit(fa, fb, true);
    if (amount?.reason) parts.push(`A:${amount.reason}`);
    if (fa.action && fa.action === fb.action) parts.push(`X:${fa.action}`);
    return renderReasons(parts.join('|'));
  };
  const consider = (i: number, j: number): void => {
    if (i === j) return;
    const a = Math.min(i, j);
    const b = Math.max(i, j);
    const ra = isAffected(a);
    const rb = isAffected(b);
    if (!ra && !rb) return;
    const key = a * feats.length + b;
    if (seen.has(key)) return;
    seen.add(key);
    const fa = feats[a]!;
    const fb = feats[b]!;
    if (fa.doc === fb.doc) return;
    stats.pairsScored++;
    const score = scorePair(fa, fb);
    if (score === null) return;
    if (ra) remember(a, b, score);
    if (rb) remember(b, a, score);
  };
  const sortKey = (i: number): number => {
    const f = feats[i]!;
    return f.from ?? (f.months ? f.months[0]! * 31 + (f.day ?? 0) : 0);
  };
  for (const b of buckets.values()) {
    if (affected && !b.known.some(isAffected) && !b.unknown.some(isAffected)) continue;
    if (b.known.length + b.unknown.length > maxBucket) {
      // Sorted neighbourhood: an entity everyone mentions, in a busy month. Links are capped per event anyway.
      stats.windowedBuckets++;
      // By date, then amount: neighbours in the window are the likeliest twins.
      const all = [...b.known, ...b.unknown].sort((x, y) => sortKey(x) - sortKey(y) || (feats[x]!.usd[0]?.usd ?? 0) - (feats[y]!.usd[0]?.usd ?? 0));
      for (let x = 0; x < all.length; x++) {
        for (let y = x + 1; y < Math.min(all.length, x + WINDOW); y++) {
          if (!feats[all[x]!]!.months && !feats[all[y]!]!.months && b.unknown.length > 0) continue; // known pairs meet in their own month
          consider(all[x]!, all[y]!);
        }
      }
      continue;
    }
    for (let x = 0; x < b.known.length; x++) for (let y = x + 1; y < b.known.length; y++) consider(b.known[x]!, b.known[y]!);
    for (let x = 0; x < b.unknown.length; x++) {
      for (let y = x + 1; y < b.unknown.length; y++) consider(b.unknown[x]!, b.unknown[y]!);
      for (const k of b.known) consider(b.unknown[x]!, k);
    }
  }

  // Every member of a group: first its group's other members (other documents), then the members of linked groups,
  // best first; then lend a year from the best twin with a known, not guessed, year.
  const out = new Map<string, LinkOut>();
  const sameReasons = renderReasons('S');
  groups.forEach((members) => {
    if (!isAffected(members[0]!)) {
      // Untouched by the change: what the previous run found stands.
      for (const i of members) {
        const prev = inc!.previous.get(feats[i]!.ev.id);
        if (prev) out.set(feats[i]!.ev.id, prev);
      }
      return;
    }
    stats.relinkedGroups++;
    const rep = members[0]!;
    const others = (found.get(rep) ?? []).map((l) => ({ group: groupOf[l.other]!, score: l.score, reasons: explain(feats[rep]!, feats[l.other]!) }));
    const sameStatement = members.length > 1 && feats[rep]!.ev.text.trim().length >= 40;
    if (!others.length && !sameStatement) return;
    // The group's candidate links, built once and shared by its members (a thousand copies of one wire story
    // must not make a million link objects). A few spare ones cover a member's own entry and its document.
    const spare = maxLinks * 2 + 2;
    const cand: Array<{ j: number; link: EventLink }> = [];
    if (sameStatement) for (let n = 0; n < members.length && cand.length < spare; n++) cand.push({ j: members[n]!, link: { event: feats[members[n]!]!.ev.id, score: 1, reasons: sameReasons } });
    for (const o of others) {
      const list = groups[o.group]!;
      for (let n = 0; n < list.length && cand.length < spare * 2; n++) cand.push({ j: list[n]!, link: { event: feats[list[n]!]!.ev.id, score: o.score, reasons: o.reasons } });
    }
    for (const i of members) {
      const f = feats[i]!;
      const twins: Array<{ j: number; link: EventLink }> = [];
      for (let n = 0; n < cand.length && twins.length < maxLinks; n++) {
        const c = cand[n]!;
        const d = feats[c.j]!.doc;
        if (c.j !== i && d !== f.doc && !twins.some((t) => feats[t.j]!.doc === d)) twins.push(c);
      }
      if (!twins.length) continue;
      const links: EventLink[] = twins.map((t) => t.link);
      const o: LinkOut = { sameAs: links.map((l) => l.event), links };
      if (f.months && !f.ev.edited) {
        const twin = twins.map((t) => feats[t.j]!).find((t) => t.year !== null && t.ev.date.certainty !== 'uncertain' && !t.months);
        if (twin) {
          const value = `${twin.year}${f.ev.date.value.slice(4)}`;
          const iv = timexInterval(value);
          const narrowed = iv ? applyMod(iv, f.ev.date.mod) : null;
          const snippet = twin.ev.text.length > 80 ? `${twin.ev.text.slice(0, 79)}…` : twin.ev.text;
          o.date = {
            ...f.ev.date,
            value,
            certainty: 'inferred',
            ...(narrowed ? { start: narrowed.start, end: narrowed.end } : {}),
            evidence: `${YEAR_EVIDENCE}${twin.file} (${twin.ev.date.value}): "${snippet}"`,
          };
        }
      }
      out.set(f.ev.id, o);
    }
  });
  for (const o of out.values()) {
    stats.links += o.links.length;
    if (o.date) stats.yearsInferred++;
  }
  return { out, stats };
}

/**
 * Suggests same-event links across documents and lends known years to unknown ones. Returns new document objects
 * (events replaced); the input is not modified.
 */
export function linkEvents<D extends AnnotatedDocument>(docs: D[], opts: LinkOptions = {}): { documents: D[]; stats: LinkStats } {
  const base: D[] = docs.map((d) => ({ ...d, events: d.events.map(unlinked) }));
  const { out, stats } = linkCorpus(base, opts);
  return { documents: base.map((d) => ({ ...d, events: d.events.map((e) => withLinks(e, out.get(e.id))) })), stats };
}
