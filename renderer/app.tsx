import { useCallback, useState } from 'react';
import type { TimelineOverview } from '../shared/ipc/contract';
import { CurationProvider, WithEventEditor } from './editor/curation-context';
import { Explorer } from './explorer';
import { describeError } from './ipc/call-error';
import { useAppStatus } from './ipc/use-app-status';
import { loadOverview, useOverview } from './ipc/timeline-overview';
import { request } from './ipc/api';
import { AnnotatingView, MessageView } from './status/status-views';

export function App() {
  const { status, error, refresh } = useAppStatus();
  // The slim overview (shared/timeline-pack.ts): sentences are fetched when an event is opened or searched.
  const timeline = useOverview(status?.state);
  const loaded = timeline.data;
  // After a change (a publication date set, an edit) the timeline is loaded again in place: the explorer keeps its
  // selection, zoom and filters instead of flashing a loading screen.
  const [reloaded, setReloaded] = useState<{ base: TimelineOverview; data: TimelineOverview } | null>(null);
  const base = loaded;
  const reload = useCallback(async (): Promise<void> => {
    const data = await loadOverview();
    if (base) setReloaded({ base, data });
  }, [base]);

  if (error !== null) return <MessageView title="Chronolens cannot reach its backend" message={describeError(error)} action={{ label: 'Retry', run: refresh }} />;
  if (!status) return <MessageView title="Chronolens" message="Starting…" />;
  if (status.state === 'annotating')
    return (
      <AnnotatingView
        progress={status.progress}
        corpusDir={status.corpusDir}
        // The store stays as it was; the status then says `empty` (first start) or `ready`.
        onCancel={() => void request('corpus:cancel', {}).catch(() => undefined).then(refresh)}
      />
    );
  if (status.state === 'error') return <MessageView title="Annotation failed" message={status.error ?? 'Unknown error'} action={{ label: 'Check again', run: refresh }} />;
  if (status.state === 'empty')
    return (
      <MessageView
        title="No corpus yet"
        message={status.corpusDir ? `Nothing has been annotated in ${status.corpusDir} yet.` : 'No corpus folder is configured. Annotate one with `chronolens annotate <folder> --store <store.json>`.'}
        {...(status.corpusDir
          ? {
              action: {
                label: 'Annotate now',
                run: () => {
                  void request('corpus:reannotate', {}).catch(() => undefined);
                  // The call runs for a while; status polling shows its progress.
                  setTimeout(refresh, 200);
                },
              },
            }
          : {})}
      />
    );
  if (timeline.error !== null) return <MessageView title="Could not load the timeline" message={describeError(timeline.error)} action={{ label: 'Retry', run: refresh }} />;
  if (!loaded) return <MessageView title="Chronolens" message="Loading the timeline…" />;
  // Things the main process wants the researcher to know (e.g. a damaged store restored from a backup).
  const notices = (status as { notices?: string[] }).notices ?? [];
  const data = reloaded && reloaded.base === loaded ? reloaded.data : loaded;
  return (
    <CurationProvider data={data} onReload={reload}>
      <WithEventEditor>{(edit) => <Explorer data={data} notices={notices} onReload={reload} onEditEvent={edit} />}</WithEventEditor>
    </CurationProvider>
  );
}
