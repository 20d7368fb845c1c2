import type { ChronoEvent } from '../../shared/model';
import { eventInterval } from '../timeline/build-items';

/**
 * Events in time order: by first day, then shorter spans first (a day before the month containing it), then by
 * position in the document. Undated events (unknown year etc.) come last, in document order.
 */
export function sortEventsByTime<E extends Pick<ChronoEvent, 'id' | 'doc' | 'start' | 'date'>>(events: readonly E[]): E[] {
  const keyed = events.map((e) => {
    const iv = eventInterval(e);
    return { e, start: iv?.start ?? '\uffff', end: iv?.end ?? '\uffff' };
  });
  keyed.sort(
    (a, b) =>
      cmp(a.start, b.start) || cmp(a.end, b.end) || cmp(a.e.doc, b.e.doc) || a.e.start - b.e.start || cmp(a.e.id, b.e.id),
  );
  return keyed.map((k) => k.e);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The neighbour of `currentId` in `ordered` (wrapping is deliberately not done: the ends are the ends). */
export function stepSelection(ordered: readonly { id: string }[], currentId: string | null, step: 1 | -1): string | null {
  if (ordered.length === 0) return null;
  const i = currentId === null ? -1 : ordered.findIndex((e) => e.id === currentId);
  if (i === -1) return (step === 1 ? ordered[0] : ordered[ordered.length - 1])!.id;
  const j = Math.min(ordered.length - 1, Math.max(0, i + step));
  return ordered[j]!.id;
}
