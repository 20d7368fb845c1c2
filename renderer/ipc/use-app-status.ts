import { useEffect, useState } from 'react';
import type { AppStatus } from '../../shared/ipc/contract';
import { api, request } from './api';

const POLL_MS = 500;

/**
 * The main process's state. While it annotates (first start on the bundled corpus) this polls every 500 ms and
 * also listens to `annotate:progress` so the progress bar moves between polls.
 */
export function useAppStatus(): { status: AppStatus | null; error: unknown; refresh: () => void } {
  const [status, setStatus] = useState<AppStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [tick, setTick] = useState(0);
  const annotating = status?.state === 'annotating';

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async (): Promise<void> => {
      try {
        const s = await request('app:status', {});
        if (cancelled) return;
        setStatus(s);
        setError(null);
        if (s.state === 'annotating') timer = setTimeout(() => void poll(), POLL_MS);
      } catch (err) {
        if (!cancelled) setError(err);
      }
    };
    void poll();
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [tick]);

  useEffect(() => {
    if (!annotating) return;
    return api.on('annotate:progress', (progress) => {
      setStatus((prev) => (prev && prev.state === 'annotating' ? { ...prev, progress } : prev));
    });
  }, [annotating]);

  return { status, error, refresh: () => setTick((t) => t + 1) };
}
