import type { TimelineOverview, TimelineOverviewWire } from '../../shared/ipc/contract';
import { unpackEvents } from '../../shared/timeline-pack';
import { request } from './api';

export const unpackOverview = (wire: TimelineOverviewWire): TimelineOverview => ({ ...wire, events: unpackEvents(wire.events) });

/** The explorer's data: every event as the timeline draws it (`timeline:overview`), unpacked. */
export async function loadOverview(): Promise<TimelineOverview> {
  return unpackOverview(await request('timeline:overview', {}));
}
