/**
 * Events whose date has unknown parts (`XXXX-06-08`, `2018-XX`) cannot be placed on the axis. They are listed apart
 * with the reason, so the researcher can date them instead of wondering where they went.
 */
import type { DocumentSummary } from '../../shared/ipc/contract';
import type { ChronoEvent } from '../../shared/model';

export function isUndated(e: Pick<ChronoEvent, 'date'>): boolean {
  return !e.date.start;
}

/** Why an event is not on the timeline, in the researcher's words. */
export function undatedReason(e: Pick<ChronoEvent, 'date'>, doc: Pick<DocumentSummary, 'published'> | undefined): string {
  const v = e.date.value;
  const year = /^X{4}/.test(v);
  const month = /^[\dX]{4}-XX/.test(v);
  const day = /^[\dX]{4}-[\dX]{2}-XX/.test(v);
  if (/^(PRESENT|PAST|FUTURE)_REF$/.test(v)) return 'no date: only a vague reference ("now", "recently")';
  if (/^P/.test(v)) return 'no date: a duration, not a point in time';
  if (year) {
    if (!doc?.published.value) return "year unknown: the article's publication date is unknown";
    return 'year unknown: the text does not say it and it could not be derived';
  }
  if (month) return 'month unknown: only the year is known';
  if (day) return 'day unknown';
  return `cannot be placed: "${v}"`;
}
