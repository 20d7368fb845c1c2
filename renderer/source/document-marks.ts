import type { DocumentView } from '../../shared/ipc/contract';
import type { ChronoEvent } from '../../shared/model';
import { formatTimex } from '../../shared/timex';
import type { MarkSpan } from './mark-segments';

export type MarkData =
  | { kind: 'active-sentence'; eventId: string }
  | { kind: 'event-sentence'; eventId: string }
  | { kind: 'timex'; title: string; eventId: string | null }
  | { kind: 'amount' | 'entity'; title: string };

const RANK_ACTIVE = 0;
const RANK_SENTENCE = 1;
const RANK_MARK = 2;

function formatAmount(value: number, currency: string, max?: number): string {
  return `${value.toLocaleString('en-US')}${max !== undefined ? `–${max.toLocaleString('en-US')}` : ''} ${currency}`.trim();
}

/**
 * All spans to draw over a document: the selected event's sentence (outermost, one element), the other events'
 * sentences (clickable), and the timex / amount / entity marks with their normalised value as a tooltip.
 */
export function documentMarks(view: DocumentView, activeEvent: Pick<ChronoEvent, 'id' | 'doc' | 'start' | 'end'> | null, entityNames: ReadonlyMap<string, string>): MarkSpan<MarkData>[] {
  const spans: MarkSpan<MarkData>[] = [];
  const active = activeEvent && activeEvent.doc === view.document.id ? activeEvent : null;
  if (active) spans.push({ start: active.start, end: active.end, rank: RANK_ACTIVE, data: { kind: 'active-sentence', eventId: active.id } });
  const seen = new Set<string>(active ? [`${active.start}:${active.end}`] : []);
  for (const e of view.events) {
    const key = `${e.start}:${e.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    spans.push({ start: e.start, end: e.end, rank: RANK_SENTENCE, data: { kind: 'event-sentence', eventId: e.id } });
  }
  for (const [i, t] of view.timexes.entries()) {
    // The event this expression dates: the statement it dates (a sentence may hold two), else the one whose
    // sentence holds it (the selected one first).
    const holds = (e: Pick<ChronoEvent, 'start' | 'end'>): boolean => e.start <= t.start && t.end <= e.end;
    const owner = view.events.find((e) => e.timex === i && holds(e)) ?? (active && holds(active) ? active : null) ?? view.events.find(holds) ?? null;
    const title = `${t.value}${t.mod ? ` (${t.mod})` : ''} — ${formatTimex(t.value, t.mod)}${owner && owner.id !== active?.id ? ' · click to go to its event' : ''}`;
    spans.push({ start: t.start, end: t.end, rank: RANK_MARK, data: { kind: 'timex', title, eventId: owner?.id ?? null } });
  }
  for (const a of view.amounts) {
    spans.push({ start: a.start, end: a.end, rank: RANK_MARK, data: { kind: 'amount', title: formatAmount(a.value, a.currency, a.max) } });
  }
  for (const m of view.mentions) {
    spans.push({ start: m.start, end: m.end, rank: RANK_MARK, data: { kind: 'entity', title: entityNames.get(m.entity) ?? m.entity } });
  }
  return spans;
}
