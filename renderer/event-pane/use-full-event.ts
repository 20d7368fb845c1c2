import type { EditedEvent } from '../../shared/edits';
import { useRequest } from '../ipc/use-request';

/**
 * The selected event in full (`event:get`: sentence, evidence, links, note, tags), loaded again after each change
 * (`revision`). Null while it loads: the timeline's overview carries no sentences.
 */
export function useFullEvent(id: string | null, revision: number): { event: EditedEvent | null; error: unknown } {
  const r = useRequest('event:get', id ? { id } : null, id ? `${id}\u0000${revision}` : null);
  return { event: r.data && r.data.id === id ? r.data : null, error: r.error };
}
