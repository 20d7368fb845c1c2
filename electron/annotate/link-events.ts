/**
 * The same event told by different articles, across languages: events that share entities, have compatible
 * dates and equivalent amounts (€11.9 bn in June 2018 ≈ $14 bn at that year's average rate) are suggested as
 * one (`sameAs` plus `links` with reasons and a score). A twin with a known year lends it to an event whose year
 * is unknown (certainty `inferred`, `evidence` naming the twin).
 *
 * Never all pairs: events are blocked by (entity, month) buckets — "XXXX-MM" buckets let an unknown year meet
 * known ones — and only pairs sharing a bucket are scored. Runs over the whole corpus after per-document
 * annotation, and is idempotent: what an earlier run added is removed first.
 */
import type { ChronoEvent, EventLink } from '../../shared/model';
import { applyMod, timexInterval } from '../../shared/timex';
import { ACTION_LABEL } from './actions/index';
import type { AnnotatedDocument } from './annotate-document';
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
}

const dayNumber = (iso: string): number => Math.floor(Date.parse(iso) / DAY_MS);

/** Undo what an earlier linking run added, so runs over cached documents are idempotent. */
function resetLinks(e: ChronoEvent): ChronoEvent {
  if (!e.sameAs && !e.links && !e.date.evidence) return e;
  const { sameAs: _s, links: _l, ...rest } = e;
  if (!e.edited && e.date.evidence?.startsWith(YEAR_EVIDENCE)) {
    const { start: _a, end: _b, evidence: _e, ...date } = e.date;
    return { ...rest, date: { ...date, value: `XXXX${date.value.slice(4)}`, certainty: 'uncertain' } };
  }
  return rest;
}

function featureOf(ev: ChronoEvent, doc: number, a: AnnotatedDocument): Feature {
  const pub = a.document.published.value;
  const f: Feature = { ev, doc, file: a.document.file, usd: [], year: null };
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
      if (d === 0) return { score: 1, reason: explain ? `same day ${a.ev.date.value}` : '' };
      if (d <= 2) return { score: 0.7, reason: explain ? `${d} day${d > 1 ? 's' : ''} apart (${a.ev.date.value}, ${b.ev.date.value})` : '' };
      return null;
    }
    if (!overlap) return null;
    const span = Math.max(a.to! - a.from, b.to! - b.from);
    return { score: span <= 31 ? 0.8 : span <= 92 ? 0.6 : 0.3, reason: explain ? `dates overlap (${a.ev.date.value}, ${b.ev.date.value})` : '' };
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
  return { score: da !== undefined && db !== undefined ? 0.8 : 0.5, reason: explain ? `month and day fit with an unknown year (${a.ev.date.value}, ${b.ev.date.value})` : '' };
}

function amountFit(a: Feature, b: Feature, explain = false): { equal: boolean; reason?: string } | null {
  if (!a.usd.length || !b.usd.length) return null;
  for (const x of a.usd) {
    for (const y of b.usd) {
      if (Math.abs(x.usd - y.usd) / Math.max(x.usd, y.usd) <= 0.1) {
        if (!explain) return { equal: true };
        const conv = x.shown.startsWith('$') && y.shown.startsWith('$') ? '' : ` (≈ $${Math.round(x.usd / 1e8) / 10} bn and $${Math.round(y.usd / 1e8) / 10} bn at yearly average rates)`;
        return { equal: true, reason: `equivalent amounts ${x.shown} ≈ ${y.shown}${x.usd >= 1e8 && y.usd >= 1e8 ? conv : ''}` };
      }
    }
  }
  return { equal: false };
}

/**
 * Suggests same-event links across documents and lends known years to unknown ones. Returns new document objects
 * (events replaced); the input is not modified.
 */
export function linkEvents<D extends AnnotatedDocument>(docs: D[], opts: LinkOptions = {}): { documents: D[]; stats: LinkStats } {
  const minScore = opts.minScore ?? 0.55;
  const maxLinks = opts.maxLinks ?? 8;
  const maxBucket = opts.maxBucket ?? 96;
  const out: D[] = docs.map((d) => ({ ...d, events: d.events.map(resetLinks) }));
  const feats: Feature[] = [];
  out.forEach((d, i) => d.events.forEach((e) => feats.push(featureOf(e, i, d))));

  // Identical statements (same sentence, same date: syndicated copies) are one group; only a representative of
  // each group is blocked and scored, and the group's members share its links.
  const groupOf = new Int32Array(feats.length);
  const groups: number[][] = [];
  const bySignature = new Map<string, number>();
  feats.forEach((f, i) => {
    const sig = `${f.ev.date.value}|${f.ev.text}`;
    let g = bySignature.get(sig);
    if (g === undefined) {
      g = groups.length;
      groups.push([]);
      bySignature.set(sig, g);
    }
    groups[g]!.push(i);
    groupOf[i] = g;
  });
  const reps = groups.map((g) => g[0]!);

  // Entity weights: rare entities say more than "China".
  const df = new Map<string, number>();
  for (const f of feats) for (const id of f.ev.entities) df.set(id, (df.get(id) ?? 0) + 1);
  const idfOf = new Map([...df].map(([id, n]) => [id, Math.log(1 + feats.length / n)]));
  const idf = (id: string): number => idfOf.get(id) ?? 0;

  // Blocking: (entity, granule) → events; unknown-year granules keep the two kinds apart.
  const buckets = new Map<string, { known: number[]; unknown: number[] }>();
  // A pair links only on equivalent amounts, or on the same action with month-or-finer dates, so the bucket key
  // carries that too: the action, and the amount's 10% band (an event sits in its band and the next, so two
  // amounts within 10% always share one). Events with neither can never link and are left out.
  for (const i of reps) {
    const f = feats[i]!;
    const g = granules(f);
    const fine = f.months ? f.day !== undefined : f.from !== undefined && f.to! - f.from <= 31;
    const disc = new Set<string>();
    if (f.action && fine) disc.add(`a:${f.action}`);
    for (const u of f.usd) {
      const band = Math.floor(Math.log(u.usd) / Math.log(1.1));
      disc.add(`m:${band}`).add(`m:${band + 1}`);
    }
    const put = (key: string, unknown: boolean): void => {
      const b = buckets.get(key) ?? { known: [], unknown: [] };
      (unknown ? b.unknown : b.known).push(i);
      buckets.set(key, b);
    };
    for (const id of f.ev.entities) {
      for (const d of disc) {
        for (const k of g.known) put(`${id}|${k}|${d}`, false);
        for (const k of g.unknownYear) put(`${id}|${k}|${d}`, !!f.months);
      }
    }
  }

  const stats: LinkStats = { events: feats.length, groups: groups.length, buckets: buckets.size, pairsScored: 0, links: 0, yearsInferred: 0, windowedBuckets: 0 };
  const seen = new Set<number>();
  const found = new Map<number, Array<{ other: number; score: number }>>();
  // Scores only; reasons are written for the links that are kept. Each event keeps its best few candidates.
  const keep = maxLinks + 4;
  const remember = (x: number, other: number, score: number): void => {
    let list = found.get(x);
    if (!list) found.set(x, (list = []));
    if (list.length >= keep && list[list.length - 1]!.score >= score) return;
    let p = list.length;
    while (p > 0 && list[p - 1]!.score < score) p--;
    list.splice(p, 0, { other, score });
    if (list.length > keep) list.pop();
  };
  const scorePair = (fa: Feature, fb: Feature): number | null => {
    const date = dateFit(fa, fb);
    if (!date) return null;
    const amount = amountFit(fa, fb);
    if (amount && !amount.equal) return null; // both give figures, and they differ: different events
    let sharedW = 0;
    for (const id of fa.ev.entities) if (fb.ev.entities.includes(id)) sharedW += idf(id);
    if (sharedW === 0) return null;
    let unionW = 0;
    for (const id of fa.ev.entities) unionW += idf(id);
    for (const id of fb.ev.entities) if (!fa.ev.entities.includes(id)) unionW += idf(id);
    const ent = sharedW / unionW;
    const sameAction = !!fa.action && fa.action === fb.action;
    if (!amount?.equal && !(sameAction && date.score >= 0.7 && ent >= 0.5)) return null;
    const score = Math.round((0.35 * (amount?.equal ? 1 : 0) + 0.3 * ent + 0.2 * (sameAction ? 1 : 0) + 0.15 * date.score) * 100) / 100;
    return score < minScore ? null : score;
  };
  const explain = (fa: Feature, fb: Feature): string[] => {
    const reasons = [`shared entities: ${fa.ev.entities.filter((id) => fb.ev.entities.includes(id)).join(', ')}`, dateFit(fa, fb, true)!.reason];
    const amount = amountFit(fa, fb, true);
    if (amount?.reason) reasons.push(amount.reason);
    if (fa.action && fa.action === fb.action) reasons.push(`same action: ${ACTION_LABEL[fa.action as keyof typeof ACTION_LABEL]}`);
    return reasons;
  };
  const consider = (i: number, j: number): void => {
    if (i === j) return;
    const a = Math.min(i, j);
    const b = Math.max(i, j);
    const key = a * feats.length + b;
    if (seen.has(key)) return;
    seen.add(key);
    const fa = feats[a]!;
    const fb = feats[b]!;
    if (fa.doc === fb.doc) return;
    stats.pairsScored++;
    const score = scorePair(fa, fb);
    if (score === null) return;
    remember(a, b, score);
    remember(b, a, score);
  };
  const sortKey = (i: number): number => {
    const f = feats[i]!;
    return f.from ?? (f.months ? f.months[0]! * 31 + (f.day ?? 0) : 0);
  };
  for (const b of buckets.values()) {
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
  const replaced = new Map<number, ChronoEvent>();
  const linkedGroups = new Map<number, Array<{ group: number; score: number; reasons: string[] }>>();
  for (const [i, list] of found) {
    list.sort((p, q) => q.score - p.score || feats[p.other]!.ev.id.localeCompare(feats[q.other]!.ev.id));
    linkedGroups.set(groupOf[i]!, list.map((l) => ({ group: groupOf[l.other]!, score: l.score, reasons: explain(feats[i]!, feats[l.other]!) })));
  }
  const sameReasons = [SAME_STATEMENT];
  groups.forEach((members, g) => {
    const others = linkedGroups.get(g) ?? [];
    const sameStatement = members.length > 1 && feats[members[0]!]!.ev.text.trim().length >= 40;
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
      let ev: ChronoEvent = { ...f.ev, sameAs: links.map((l) => l.event), links };
      stats.links += links.length;
      if (f.months && !ev.edited) {
        const twin = twins.map((t) => feats[t.j]!).find((t) => t.year !== null && t.ev.date.certainty !== 'uncertain' && !t.months);
        if (twin) {
          const value = `${twin.year}${ev.date.value.slice(4)}`;
          const iv = timexInterval(value);
          const narrowed = iv ? applyMod(iv, ev.date.mod) : null;
          const snippet = twin.ev.text.length > 80 ? `${twin.ev.text.slice(0, 79)}…` : twin.ev.text;
          ev = {
            ...ev,
            date: {
              ...ev.date,
              value,
              certainty: 'inferred',
              ...(narrowed ? { start: narrowed.start, end: narrowed.end } : {}),
              evidence: `${YEAR_EVIDENCE}${twin.file} (${twin.ev.date.value}): "${snippet}"`,
            },
          };
          stats.yearsInferred++;
        }
      }
      replaced.set(i, ev);
    }
  });
  let n = 0;
  for (const d of out) d.events = d.events.map((e) => replaced.get(n++) ?? e);
  return { documents: out, stats };
}
