import { useEffect, useState } from 'react';
import type { DocumentView } from '../../shared/ipc/contract';
import { request } from '../ipc/api';

interface Loaded {
  views: ReadonlyMap<string, DocumentView>;
  errors: ReadonlyMap<string, unknown>;
}

/**
 * Loads a document with its annotations, keeping what was loaded: stepping through events in time order hops
 * between documents, and going back to one should be instant.
 */
export function useDocumentView(docId: string | null): { view: DocumentView | null; error: unknown; loading: boolean } {
  const [loaded, setLoaded] = useState<Loaded>({ views: new Map(), errors: new Map() });
  const known = docId !== null && (loaded.views.has(docId) || loaded.errors.has(docId));

  useEffect(() => {
    if (docId === null || known) return;
    let current = true;
    request('document:get', { id: docId }).then(
      (view) => setLoaded((l) => ({ views: new Map(l.views).set(docId, view), errors: l.errors })),
      (error: unknown) => {
        if (current) setLoaded((l) => ({ views: l.views, errors: new Map(l.errors).set(docId, error) }));
      },
    );
    return () => {
      current = false;
    };
  }, [docId, known]);

  if (docId === null) return { view: null, error: null, loading: false };
  return { view: loaded.views.get(docId) ?? null, error: loaded.errors.get(docId) ?? null, loading: !known };
}
