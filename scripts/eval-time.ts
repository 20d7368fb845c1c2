/**
 * Scores the temporal tagger on the peer evaluation data (shared/eval/peer, see its README).
 *
 *   npx tsx scripts/eval-time.ts [--json] [--failures] [--set te3|ftib|duckling|neg]
 *
 * The data folder is ../shared/eval/peer relative to the repository root (process.cwd()),
 * or $CHRONOLENS_PEER_DIR.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Lang, Timex } from '../shared/model';
import { tagTimexes } from '../electron/annotate/time/index';
import { compileLexicon, itemize } from '../electron/annotate/time/lexicon';
import { PACKS } from '../electron/annotate/time/packs';

interface SpanLine {
  id: string; lang: Lang; ref: string; text: string; span: string; span_start: number; span_end: number;
  expected: { timex: string; type: 'DATE' | 'TIME'; mod?: string; anchor?: string }; doc_id: string;
}
interface DucklingLine {
  id: string; lang: Lang; ref: string; text: string; latent: boolean;
  expected: { type: string; grain?: string; timex?: string; holiday?: string };
}

interface Row { set: string; lang: string; n: number; tp: number; predicted: number; p: number; r: number; f1: number; notes?: string }

const args = new Set(process.argv.slice(2));
const setArg = (() => {
  const i = process.argv.indexOf('--set');
  return i >= 0 ? process.argv[i + 1] : undefined;
})();
const peerDir = process.env.CHRONOLENS_PEER_DIR ?? resolve(process.cwd(), '..', 'shared', 'eval', 'peer');
const failures: string[] = [];

function readJsonl<T>(file: string): T[] {
  const p = join(peerDir, file);
  if (!existsSync(p)) return [];
  return readFileSync(p, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);
}

function prf(tp: number, predicted: number, n: number): { p: number; r: number; f1: number } {
  const p = predicted ? tp / predicted : 0;
  const r = n ? tp / n : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

const overlaps = (t: Timex, s: number, e: number): boolean => t.start < e && s < t.end;

/**
 * TimeML sets. Sentences are tagged once each (lines sharing doc and text are one sentence).
 * recall    = gold DATEs overlapped by a predicted DATE with the same value / gold DATEs
 * precision = predicted DATEs overlapping a gold DATE with its value /
 *             (predicted DATEs overlapping a gold DATE + predicted DATEs overlapping no gold at all)
 * Predicted DATEs that overlap only a gold TIME are left out of precision (they are not DATE errors).
 * Gold DURATIONs and SETs were removed from the data, so a predicted DATE on one of them counts as a
 * false positive; our DURATIONs are never counted (only type DATE predictions are scored).
 */
function scoreTimeml(set: string, file: string): Row | null {
  const lines = readJsonl<SpanLine>(file);
  if (!lines.length) return null;
  const bySentence = new Map<string, SpanLine[]>();
  for (const l of lines) {
    const k = `${l.doc_id}\u0000${l.text}`;
    const g = bySentence.get(k);
    if (g) g.push(l); else bySentence.set(k, [l]);
  }
  // Whole documents are tagged (sentences joined by newlines, in order of first appearance) so anaphora
  // ("le même jour") can see earlier sentences, as in real use; predictions are mapped back per sentence.
  const predsBySentence = new Map<string, Timex[]>();
  const docs = new Map<string, string[]>();
  for (const k of bySentence.keys()) {
    const doc = k.split('\u0000')[0]!;
    const list = docs.get(doc);
    if (list) list.push(k); else docs.set(doc, [k]);
  }
  for (const keys of docs.values()) {
    const first = bySentence.get(keys[0]!)![0]!;
    const offsets: number[] = [];
    let text = '';
    for (const k of keys) {
      offsets.push(text.length);
      text += bySentence.get(k)![0]!.text + '\n';
    }
    const all = tagTimexes(text, { lang: first.lang, ref: first.ref }).filter((t) => t.type === 'DATE');
    keys.forEach((k, idx) => {
      const s0 = offsets[idx]!;
      const s1 = s0 + bySentence.get(k)![0]!.text.length;
      predsBySentence.set(k, all.filter((t) => t.start >= s0 && t.end <= s1).map((t) => ({ ...t, start: t.start - s0, end: t.end - s0 })));
    });
  }
  let n = 0, hit = 0, tpPred = 0, predScored = 0;
  for (const [key, group] of bySentence) {
    const first = group[0]!;
    const preds = predsBySentence.get(key) ?? [];
    const golds = group.filter((g) => g.expected.type === 'DATE');
    const times = group.filter((g) => g.expected.type === 'TIME');
    for (const g of golds) {
      n++;
      const ok = preds.some((t) => overlaps(t, g.span_start, g.span_end) && t.value === g.expected.timex);
      if (ok) hit++;
      else {
        const got = preds.filter((t) => overlaps(t, g.span_start, g.span_end)).map((t) => `${t.text}=${t.value}`).join(' | ') || '—';
        failures.push(`[${set} miss] ref ${g.ref} "${g.span}" want ${g.expected.timex}${g.expected.mod ? ' ' + g.expected.mod : ''} got ${got}\n    ${g.text}`);
      }
    }
    for (const t of preds) {
      const onGold = golds.filter((g) => overlaps(t, g.span_start, g.span_end));
      if (onGold.length) {
        predScored++;
        if (onGold.some((g) => g.expected.timex === t.value)) tpPred++;
      } else if (times.some((g) => overlaps(t, g.span_start, g.span_end))) {
        // overlaps a gold TIME only: not scored
      } else {
        predScored++;
        failures.push(`[${set} fp] ref ${first.ref} "${t.text}" = ${t.value}\n    ${first.text}`);
      }
    }
  }
  const p = predScored ? tpPred / predScored : 0;
  const r = n ? hit / n : 0;
  return { set, lang: first2(lines).lang, n, tp: hit, predicted: predScored, p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

function first2<T>(a: T[]): T {
  return a[0]!;
}

/** Phrase has no tense or direction marker (no last/next/ago/future words): news mode may look back. */
function unmarked(lang: Lang, text: string): boolean {
  const pack = PACKS[lang];
  if (!pack) return false;
  const lex = lexicons.get(lang) ?? compileLexicon(pack);
  lexicons.set(lang, lex);
  return itemize(lex, text).every((t) => {
    const f = t.feat;
    return f.rel === undefined && f.anaph === undefined && !f.future && !f.inFuture && !f.agoBefore && !f.agoAfter && !f.shift && f.dayWord === undefined;
  });
}
const lexicons = new Map<Lang, ReturnType<typeof compileLexicon>>();

/** The backward (news-mode) reading of a forward Duckling value, when there is one. */
function backwardOf(expected: string, grain: string): string | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(expected);
  if (m && grain === 'day') {
    const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
    const prevYear = `${String(y - 1).padStart(4, '0')}-${m[2]}-${m[3]}`;
    const t = Date.UTC(y, mo - 1, d) - 7 * 86400000;
    const dt = new Date(t);
    const prevWeek = `${dt.getUTCFullYear()}-${String(dt.getUTCMonth() + 1).padStart(2, '0')}-${String(dt.getUTCDate()).padStart(2, '0')}`;
    return `${prevWeek}|${prevYear}`;
  }
  m = /^(\d{4})-(\d{2})$/.exec(expected);
  if (m && grain === 'month') return `${Number(m[1]) - 1}-${m[2]}`;
  m = /^(\d{4})-Q(\d)$/.exec(expected);
  if (m && grain === 'quarter') return `${Number(m[1]) - 1}-Q${m[2]}`;
  return null;
}

/**
 * Duckling points (grain day..year, not latent). The whole phrase is the input, ref = date part of `ref`.
 * Correct when exactly one DATE timex comes back and its value equals expected.timex. Duckling resolves
 * bare weekdays/months forward; for phrases without any tense or direction marker we also accept the
 * backward (news-mode) reading (a week or a year earlier) and count how often that happened.
 */
function scoreDuckling(lang: Lang): Row[] {
  const lines = readJsonl<DucklingLine>(`duckling-${lang}.jsonl`).filter(
    (l) => l.expected.type === 'point' && ['day', 'week', 'month', 'quarter', 'year'].includes(l.expected.grain ?? '') && !l.latent,
  );
  if (!lines.length) return [];
  const res = { all: { n: 0, tp: 0, pred: 0 }, noHol: { n: 0, tp: 0, pred: 0 } };
  let backward = 0;
  for (const l of lines) {
    const ref = l.ref.slice(0, 10);
    const dates = tagTimexes(l.text, { lang, ref }).filter((t) => t.type === 'DATE');
    const want = l.expected.timex!;
    let ok = dates.length === 1 && dates[0]!.value === want;
    if (!ok && dates.length === 1 && unmarked(lang, l.text)) {
      const back = backwardOf(want, l.expected.grain!);
      if (back && back.split('|').includes(dates[0]!.value)) {
        ok = true;
        backward++;
      }
    }
    for (const k of l.expected.holiday ? ['all'] as const : ['all', 'noHol'] as const) {
      res[k].n++;
      if (dates.length) res[k].pred++;
      if (ok) res[k].tp++;
    }
    if (!ok) failures.push(`[duckling-${lang}${l.expected.holiday ? ' holiday' : ''}] "${l.text}" want ${want} got ${dates.map((t) => `${t.text}=${t.value}`).join(' | ') || '—'}`);
  }
  const a = prf(res.all.tp, res.all.pred, res.all.n);
  const b = prf(res.noHol.tp, res.noHol.pred, res.noHol.n);
  return [
    { set: 'duckling', lang, n: res.all.n, tp: res.all.tp, predicted: res.all.pred, ...a, notes: `${backward} accepted as backward (news-mode) reading` },
    { set: 'duckling-no-holidays', lang, n: res.noHol.n, tp: res.noHol.tp, predicted: res.noHol.pred, ...b },
  ];
}

/** Negative phrases: how many produce any DATE tag (must be 0). */
function scoreNegatives(lang: Lang): Row | null {
  const lines = readJsonl<DucklingLine>(`duckling-${lang}-negative.jsonl`);
  if (!lines.length) return null;
  let bad = 0;
  for (const l of lines) {
    const dates = tagTimexes(l.text, { lang, ref: l.ref.slice(0, 10) }).filter((t) => t.type === 'DATE');
    if (dates.length) {
      bad++;
      failures.push(`[negative-${lang}] "${l.text}" tagged ${dates.map((t) => `${t.text}=${t.value}`).join(' | ')}`);
    }
  }
  return { set: 'negatives (lines with a DATE)', lang, n: lines.length, tp: bad, predicted: bad, p: NaN, r: NaN, f1: NaN };
}

/** Throughput on news-like text: the TimeML sentences of a language, repeated to about 4 MB. */
function throughput(lang: Lang, file: string): number | null {
  const lines = readJsonl<SpanLine>(file);
  if (!lines.length) return null;
  const base = [...new Set(lines.map((l) => l.text))].join('\n');
  const text = base.repeat(Math.max(1, Math.ceil(4e6 / base.length)));
  tagTimexes(base, { lang, ref: lines[0]!.ref });
  const t0 = performance.now();
  tagTimexes(text, { lang, ref: lines[0]!.ref });
  const s = (performance.now() - t0) / 1000;
  return text.length / 1e6 / s;
}

const rows: Row[] = [];
const want = (s: string): boolean => !setArg || setArg === s;
if (want('te3')) { const r = scoreTimeml('te3-platinum DATE', 'te3-platinum-en.jsonl'); if (r) rows.push(r); }
if (want('ftib')) { const r = scoreTimeml('fr-timebank DATE', 'fr-timebank-fr.jsonl'); if (r) rows.push(r); }
if (want('duckling')) for (const l of ['ar', 'de', 'fr', 'en'] as Lang[]) rows.push(...scoreDuckling(l));
if (want('neg')) for (const l of ['ar', 'de', 'fr', 'en'] as Lang[]) { const r = scoreNegatives(l); if (r) rows.push(r); }
const speed: Record<string, number | null> = {};
if (!setArg) {
  speed.fr = throughput('fr', 'fr-timebank-fr.jsonl');
  speed.de = throughput('de', 'wikiwarsde-de.jsonl');
  speed.en = throughput('en', 'te3-platinum-en.jsonl');
}

const definitions = [
  'TimeML sets are tagged a document at a time (its sentences joined by newlines) and scored per sentence.',
  'TimeML sets: recall = gold DATEs overlapped by a predicted DATE with the same value / gold DATEs;',
  '  precision = predicted DATEs on a gold DATE with its value / (predicted DATEs overlapping a gold DATE + predicted DATEs overlapping no gold);',
  '  predicted DATEs overlapping only a gold TIME are not scored; gold DURATION/SET were filtered out of the data, so a DATE',
  '  predicted on one of them counts as a false positive (our DURATIONs are not scored).',
  'Duckling: correct = exactly one DATE timex whose value equals expected.timex (ref = date part); P = correct / phrases with',
  '  any DATE, R = correct / phrases. Phrases without tense/direction words also accept the backward (news-mode) reading',
  '  (same weekday a week earlier, same month/day/quarter a year earlier); counted in notes. Holidays are included in "duckling".',
  'Negatives: n = phrases, the count column = phrases that produced any DATE (must be 0).',
];

if (args.has('--json')) {
  process.stdout.write(JSON.stringify({ peerDir, definitions, rows, throughputMBps: speed, failures: args.has('--failures') ? failures : undefined }, null, 2) + '\n');
} else {
  if (args.has('--failures')) console.log(failures.join('\n') + '\n');
  console.log(definitions.join('\n') + '\n');
  const f = (x: number): string => (Number.isNaN(x) ? '  -  ' : x.toFixed(3));
  console.log(`${'set'.padEnd(30)} lang  ${'n'.padStart(5)}  ${'P'.padStart(5)}  ${'R'.padStart(5)}  ${'F1'.padStart(5)}  notes`);
  for (const r of rows) {
    const extra = r.set.startsWith('negatives') ? `with DATE: ${r.tp}` : r.notes ?? '';
    console.log(`${r.set.padEnd(30)} ${r.lang.padEnd(4)}  ${String(r.n).padStart(5)}  ${f(r.p)}  ${f(r.r)}  ${f(r.f1)}  ${extra}`);
  }
  for (const [l, v] of Object.entries(speed)) if (v !== null && v !== undefined) console.log(`throughput ${l}: ${v.toFixed(1)} M chars/s (one core, cold, the peer set's sentences tagged as one ~4 M-character document; the comparison with chrono-node is \`npm run bench -- tagger\`)`);
}
