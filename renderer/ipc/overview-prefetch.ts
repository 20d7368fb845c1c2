import type { TimelineOverviewWire } from '../../shared/ipc/contract';
import { request } from './api';

let early: Promise<TimelineOverviewWire> | null = null;

/**
 * Asks for the overview as the page starts, from the page's small first script, before the app's bundle is parsed
 * and alongside `app:status`: on a 10,000-article store the answer (7.8 MB of JSON) then arrives while the page is
 * still setting up. Used only if the first status says the store is ready (useOverview in timeline-overview.ts).
 */
export function prefetchOverview(): void {
  early ??= request('timeline:overview', {});
  // Unused or failed, it is asked again.
  early.catch(() => undefined);
}

/** The prefetched answer, once (null when there is none or it was taken). */
export function takePrefetchedOverview(): Promise<TimelineOverviewWire> | null {
  const p = early;
  early = null;
  return p;
}
