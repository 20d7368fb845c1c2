/**
 * The main-process services behind the IPC contract, shared by the desktop app and `cli serve`.
 * First start: when the store is empty, the bundled sample corpus is annotated in the background with progress.
 */
import { EventEmitter } from 'node:events';
import type { AnnotateProgress, AnnotateSummary, AppStatus, Events, Handlers } from '../shared/ipc/contract';
import { ServiceError } from '../shared/ipc/result';
import { annotateCorpus } from './corpus/annotate-corpus';
import { exportData } from './export/data';
import { openStore, type OpenStore } from './store/database';
import { Repository } from './store/repository';

export interface AppServicesOptions {
  storeFile: string;
  /** Annotated on first start when the store is empty (the bundled sample corpus). */
  defaultCorpusDir?: string;
}

export interface AppServices {
  handlers: Handlers;
  events: EventEmitter<{ [K in keyof Events]: [Events[K]] }>;
  /** Resolves when the first-start annotation (if any) has finished. */
  ready: Promise<void>;
  close(): Promise<void>;
}

export async function createAppServices(opts: AppServicesOptions): Promise<AppServices> {
  const store: OpenStore = await openStore(opts.storeFile);
  const repo = new Repository(store);
  const events = new EventEmitter<{ [K in keyof Events]: [Events[K]] }>();
  const status: AppStatus = { state: repo.isEmpty ? 'empty' : 'ready', storePath: store.file, corpusDir: repo.corpusDir, progress: null, error: null };
  let running: Promise<AnnotateSummary> | null = null;

  const onProgress = (p: AnnotateProgress): void => {
    status.progress = p;
    events.emit('annotate:progress', p);
  };

  function annotate(dir: string): Promise<AnnotateSummary> {
    if (running) throw new ServiceError('busy', 'an annotation is already running');
    status.state = 'annotating';
    status.error = null;
    running = annotateCorpus(dir, repo, { onProgress })
      .then((summary) => {
        status.state = 'ready';
        status.corpusDir = repo.corpusDir;
        return summary;
      })
      .catch((e: unknown) => {
        status.state = 'error';
        status.error = (e as Error).message;
        onProgress({ phase: 'error', done: 0, total: 0, file: null, message: status.error });
        throw e;
      })
      .finally(() => {
        running = null;
      });
    return running;
  }

  let ready: Promise<void> = Promise.resolve();
  if (repo.isEmpty && opts.defaultCorpusDir) {
    ready = annotate(opts.defaultCorpusDir).then(
      () => undefined,
      () => undefined,
    );
  }

  const handlers: Handlers = {
    'app:status': async () => ({ ...status }),
    'timeline:load': async () => repo.timeline(),
    'document:get': async ({ id }) => {
      const view = repo.documentView(id);
      if (!view) throw new ServiceError('not-found', `no document ${id}`);
      return view;
    },
    'corpus:reannotate': async () => {
      const dir = repo.corpusDir ?? opts.defaultCorpusDir;
      if (!dir) throw new ServiceError('bad-request', 'no corpus folder is open');
      return annotate(dir);
    },
    'export:data': async ({ format }) => exportData(repo.eventsExport(), format),
  };

  return {
    handlers,
    events,
    ready,
    close: async () => {
      await running?.catch(() => undefined);
      await store.close();
    },
  };
}
