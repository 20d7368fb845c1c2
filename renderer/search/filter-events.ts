import type { ChronoEvent } from '../../shared/model';
import { matchesTerms, normalizeText, queryTerms } from './normalize-text';

export interface SearchIndex {
  /** Event id → folded "label sentence" text. */
  readonly haystacks: ReadonlyMap<string, string>;
}

export function buildSearchIndex(events: readonly ChronoEvent[]): SearchIndex {
  const haystacks = new Map<string, string>();
  for (const e of events) haystacks.set(e.id, normalizeText(`${e.label} ${e.text}`));
  return { haystacks };
}

/** Ids of the events matching the query, or null when the query is empty (everything is shown). */
export function matchingIds(index: SearchIndex, query: string): Set<string> | null {
  const terms = queryTerms(query);
  if (terms.length === 0) return null;
  const ids = new Set<string>();
  for (const [id, hay] of index.haystacks) if (matchesTerms(hay, terms)) ids.add(id);
  return ids;
}
