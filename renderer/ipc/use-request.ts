import { useEffect, useState } from 'react';
import type { CallArgs, CallChannel, CallResult } from '../../shared/ipc/contract';
import { request } from './api';

export interface RequestState<T> {
  data: T | null;
  error: unknown;
  loading: boolean;
}

/**
 * Runs one call whenever `key` changes (null: don't call). Answers to superseded keys are dropped, so a slow
 * `document:get` for an earlier selection never overwrites the current one.
 */
export function useRequest<K extends CallChannel>(channel: K, args: CallArgs<K> | null, key: string | null): RequestState<CallResult<K>> {
  const [state, setState] = useState<RequestState<CallResult<K>> & { key: string | null }>({ data: null, error: null, loading: false, key: null });

  useEffect(() => {
    if (key === null || args === null) return;
    let current = true;
    request(channel, args).then(
      (data) => current && setState({ data, error: null, loading: false, key }),
      (error: unknown) => current && setState({ data: null, error, loading: false, key }),
    );
    return () => {
      current = false;
    };
    // args is derived from key by the caller; key alone decides when to call again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [channel, key]);

  if (key === null) return { data: null, error: null, loading: false };
  // Until the effect for a new key has run, don't show data belonging to the previous key.
  if (state.key !== key) return { data: null, error: null, loading: true };
  return state;
}
