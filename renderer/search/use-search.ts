import { useEffect, useState } from 'react';
import { request } from '../ipc/api';
import { queryTerms } from './normalize-text';

/**
 * Ids of the events matching a full-text query, searched by the main process (`events:search`: it has the
 * sentences, the explorer's overview does not); null for an empty query (everything matches). While a new query
 * runs, the previous answer stays. `revision` asks again after the store changed.
 */
export function useSearchMatches(query: string, revision: number): { matches: ReadonlySet<string> | null; error: unknown } {
  const terms = queryTerms(query).join(' ');
  const key = terms ? `${revision}\u0000${terms}` : null;
  const [answer, setAnswer] = useState<{ key: string; ids: ReadonlySet<string>; error: unknown } | null>(null);

  useEffect(() => {
    if (key === null) return;
    let current = true;
    request('events:search', { query: terms }).then(
      (r) => current && setAnswer({ key, ids: new Set(r.ids), error: null }),
      (error: unknown) => current && setAnswer({ key, ids: new Set(), error }),
    );
    return () => {
      current = false;
    };
  }, [key, terms]);

  if (key === null) return { matches: null, error: null };
  return { matches: answer?.ids ?? null, error: answer?.key === key ? answer.error : null };
}
