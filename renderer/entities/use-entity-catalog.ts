/**
 * The entity catalog as the main process lists it (`entities:list`), fetched again after every change the curation
 * provider reloads for (its revision), and the one way the panel changes it: a catalog edit through the provider,
 * so Undo/Redo, the busy state and the timeline reload are the same as for event edits.
 */
import { useCallback, useState } from 'react';
import type { EntityCatalogView } from '../../shared/catalog';
import type { EditOp } from '../../shared/edits';
import { describeError } from '../ipc/call-error';
import { useRequest } from '../ipc/use-request';
import { useCurationContext } from '../editor/curation-context';

export interface EntityCatalogState {
  view: EntityCatalogView | null;
  loadError: unknown;
  busy: boolean;
  /** The last refused edit, in words. */
  error: string | null;
  clearError: () => void;
  /** Records a catalog edit; resolves true when it was recorded (false: refused, see `error`). */
  edit: (op: EditOp) => Promise<boolean>;
}

export function useEntityCatalog(): EntityCatalogState {
  const curation = useCurationContext();
  const revision = curation?.revision ?? 0;
  const { data, error: loadError } = useRequest('entities:list', {}, `entities:${revision}`);
  // While the list loads again after an edit, the previous one stays up (no flash, open rows stay open).
  const [last, setLast] = useState<EntityCatalogView | null>(null);
  if (data && data !== last) setLast(data);
  const [error, setError] = useState<string | null>(null);
  const apply = curation?.apply;
  const edit = useCallback(
    async (op: EditOp): Promise<boolean> => {
      if (!apply) return false;
      try {
        await apply(op);
        setError(null);
        return true;
      } catch (e) {
        setError(describeError(e));
        return false;
      }
    },
    [apply],
  );
  return { view: data ?? last, loadError, busy: curation?.busy ?? false, error, clearError: useCallback(() => setError(null), []), edit };
}
