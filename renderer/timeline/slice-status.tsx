/**
 * What the timeline draws when it clusters ("120 events drawn, 4,880 in 8 clusters"). It changes on every zoom or pan
 * step, so it lives in a tiny store read by the status line alone: setting explorer state instead re-rendered the
 * whole explorer (and its panels) on every step.
 */
import { useSyncExternalStore } from 'react';

export interface SliceCounts {
  events: number;
  clusters: number;
  clustered: number;
}

export class SliceStatusStore {
  private value: SliceCounts | null = null;
  private readonly listeners = new Set<() => void>();

  readonly set = (next: SliceCounts): void => {
    const v = this.value;
    if (v && v.events === next.events && v.clusters === next.clusters && v.clustered === next.clustered) return;
    this.value = next;
    for (const l of this.listeners) l();
  };

  readonly get = (): SliceCounts | null => this.value;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

export function sliceStatusText(s: SliceCounts | null): string | null {
  return s && s.clusters > 0 ? `${s.events} events drawn, ${s.clustered.toLocaleString('en-US')} in ${s.clusters} clusters (click one to zoom in)` : null;
}

/** The legend's status entry (an `li`), or nothing while no lane is clustered. */
export function SliceStatusLine({ store }: { store: SliceStatusStore }) {
  const text = sliceStatusText(useSyncExternalStore(store.subscribe, store.get));
  if (!text) return null;
  return (
    <li className="muted" data-testid="slice-status">
      <span className="cluster-key" aria-hidden="true" /> {text}
    </li>
  );
}
