import { useEffect, useState } from 'react';
import type { TimelineOverview, TimelineOverviewWire } from '../../shared/ipc/contract';
import { unpackEvents } from '../../shared/timeline-pack';
import { request } from './api';
import { takePrefetchedOverview } from './overview-prefetch';

export const unpackOverview = (wire: TimelineOverviewWire): TimelineOverview => ({ ...wire, events: unpackEvents(wire.events) });

/** The explorer's data: every event as the timeline draws it (`timeline:overview`), unpacked. */
export async function loadOverview(): Promise<TimelineOverview> {
  return unpackOverview(await request('timeline:overview', {}));
}

/**
 * The overview once the store is `ready`, loaded again whenever it becomes ready again (after an annotation). The
 * prefetched answer serves the first load only, and only when the status was ready from the start; a status seen
 * in any other state drops it (the store is about to change).
 */
export function useOverview(state: string | undefined): { data: TimelineOverview | null; error: unknown } {
  const ready = state === 'ready';
  const [loaded, setLoaded] = useState<{ data: TimelineOverview | null; error: unknown }>({ data: null, error: null });
  useEffect(() => {
    if (state !== undefined && !ready) takePrefetchedOverview();
  }, [state, ready]);
  useEffect(() => {
    if (!ready) return;
    let current = true;
    (takePrefetchedOverview() ?? request('timeline:overview', {})).then(
      (wire) => current && setLoaded({ data: unpackOverview(wire), error: null }),
      (error: unknown) => current && setLoaded({ data: null, error }),
    );
    return () => {
      current = false;
      setLoaded({ data: null, error: null });
    };
  }, [ready]);
  return ready ? loaded : { data: null, error: null };
}
