import { useEffect, useState } from 'react';
import type { DocumentView } from '../../shared/ipc/contract';
import { request } from '../ipc/api';

interface Loaded {
  views: ReadonlyMap<string, DocumentView>;
  errors: ReadonlyMap<string, unknown>;
  /** The revision each document was loaded at. */
  revs: ReadonlyMap<string, number>;
}

/**
 * Loads a document with its annotations, keeping what was loaded: stepping through events in time order hops
 * between documents, and going back to one should be instant. A new `revision` (after an edit or a new publication
 * date) loads the shown document again, showing the previous view until the new one arrives.
 */
export function useDocumentView(docId: string | null, revision = 0): { view: DocumentView | null; error: unknown; loading: boolean } {
  const [loaded, setLoaded] = useState<Loaded>({ views: new Map(), errors: new Map(), revs: new Map() });
  const known = docId !== null && (loaded.views.has(docId) || loaded.errors.has(docId));
  const fresh = known && loaded.revs.get(docId) === revision;

  useEffect(() => {
    if (docId === null || fresh) return;
    let current = true;
    request('document:get', { id: docId }).then(
      (view) => {
        setLoaded((l) => {
          const errors = new Map(l.errors);
          errors.delete(docId);
          return { views: new Map(l.views).set(docId, view), errors, revs: new Map(l.revs).set(docId, revision) };
        });
      },
      (error: unknown) => {
        if (current) setLoaded((l) => ({ views: l.views, errors: new Map(l.errors).set(docId, error), revs: new Map(l.revs).set(docId, revision) }));
      },
    );
    return () => {
      current = false;
    };
  }, [docId, fresh, revision]);

  if (docId === null) return { view: null, error: null, loading: false };
  return { view: loaded.views.get(docId) ?? null, error: loaded.views.has(docId) ? null : (loaded.errors.get(docId) ?? null), loading: !known };
}
