/**
 * Events: a dated statement is one event, linked to its sentence. A sentence's event takes the most precise
 * calendar date in it (a day beats a month beats a year); durations and vague references never date an event.
 */
import type { Certainty, ChronoEvent, Published, Timex } from '../../shared/model';
import { applyMod, timexInterval } from '../../shared/timex';
import type { SentenceSpan } from './sentences';

const PRECISION_RANK: Record<string, number> = { day: 0, week: 1, month: 2, season: 3, quarter: 3, half: 4, year: 5, decade: 6 };
// An explicit year in the expression itself, in any digit script.
const EXPLICIT_YEAR = /(?:^|[^\d\u0660-\u0669\u06F0-\u06F9])[12\u0661\u0662\u06F1\u06F2][\d\u0660-\u0669\u06F0-\u06F9]{3}(?![\d\u0660-\u0669\u06F0-\u06F9])/;

export function isDatingTimex(t: Timex): boolean {
  return (t.type === 'DATE' || t.type === 'TIME') && !/_REF$/.test(t.value) && /^[\dX]{3,4}/.test(t.value);
}

/** How sure we are of a resolved value: read from the text, derived from the publication date, or guessed. */
export function certaintyOf(t: Timex, published: Published): Certainty {
  if (/X/.test(t.value)) return 'uncertain';
  if (EXPLICIT_YEAR.test(t.text)) return 'stated';
  return published.value && published.certainty === 'stated' ? 'inferred' : 'uncertain';
}

function rank(t: Timex): number {
  const iv = timexInterval(t.value);
  return iv ? (PRECISION_RANK[iv.precision] ?? 9) : 10;
}

function clipLabel(sentence: string, max = 72): string {
  const s = sentence.replace(/\s+/g, ' ').trim();
  if (s.length <= max) return s;
  const cut = s.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,،;:]+$/, '')}…`;
}

export function buildEvents(docId: string, text: string, sentences: SentenceSpan[], timexes: Timex[], published: Published): ChronoEvent[] {
  const events: ChronoEvent[] = [];
  let ti = 0;
  for (const s of sentences) {
    while (ti < timexes.length && timexes[ti]!.start < s.start) ti++;
    let best: { t: Timex; index: number } | null = null;
    for (let j = ti; j < timexes.length && timexes[j]!.start < s.end; j++) {
      const t = timexes[j]!;
      if (!isDatingTimex(t)) continue;
      if (!best || rank(t) < rank(best.t)) best = { t, index: j };
    }
    if (!best) continue;
    const { t, index } = best;
    const iv = timexInterval(t.value);
    const narrowed = iv ? applyMod(iv, t.mod) : null;
    const sentence = text.slice(s.start, s.end);
    events.push({
      id: `${docId}-e${s.start}`,
      doc: docId,
      start: s.start,
      end: s.end,
      text: sentence,
      label: clipLabel(sentence),
      date: {
        value: t.value,
        ...(t.mod ? { mod: t.mod } : {}),
        certainty: certaintyOf(t, published),
        ...(narrowed ? { start: narrowed.start, end: narrowed.end } : {}),
      },
      timex: index,
      entities: [],
      amounts: [],
      edited: false,
    });
  }
  return events;
}
