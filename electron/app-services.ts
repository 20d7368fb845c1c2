/**
 * The main-process services behind the IPC contract, shared by the desktop app and `cli serve`.
 * First start: when the store is empty, the bundled sample corpus is annotated in the background with progress.
 */
import { EventEmitter } from 'node:events';
import type { AnnotateProgress, AnnotateSummary, AppStatus, CallChannel, DocumentSummary, EditResult, Events, Handlers } from '../shared/ipc/contract';
import { ServiceError } from '../shared/ipc/result';
import { AnnotationCancelledError, annotateCorpus } from './corpus/annotate-corpus';
import { SetDateError, setPublicationDate } from './corpus/set-date';
import { CatalogEditError, prepareCatalogEdit, syncCatalog } from './corpus/catalog-sync';
import { changesMatching, isCatalogOp, type Catalog, type CatalogOp } from '../shared/catalog';
import type { Edit } from '../shared/edits';
import { watchCorpus } from './corpus/watch-corpus';
import { exportData, filterExport } from './export/data';
import { printData } from './export/print-data';
import { withExportProgress, type PrintExporter } from './export/print-progress';
import { openStore, type OpenStore } from './store/database';
import { Repository } from './store/repository';
import { UserStore } from './store/user-store';
import { TimelineViews } from './store/timeline-views';
import { OverviewCache, type OverviewAnswer } from './store/overview-cache';
import type { Recovery } from './store/database';

function recoveryNotice(what: string, r: Recovery): string {
  return `${what} could not be opened (${r.reason}). It was kept aside as ${r.keptAside}; ${r.restoredFrom ? `restored from the backup ${r.restoredFrom}` : 'no good backup was found, so it starts empty'}.`;
}

export interface AppServicesOptions {
  storeFile: string;
  /** Annotated on first start when the store is empty (the bundled sample corpus). */
  defaultCorpusDir?: string;
  /**
   * Open the store without ever writing it (no lock, no first-start annotation, no edits): the CLI's PDF/PNG export
   * uses it, so exporting works while the app has the store open.
   */
  readOnly?: boolean;
  /**
   * PDF/PNG export; the desktop shell provides it (a hidden window), elsewhere `export:print` answers bad-request.
   * Its steps go out as `export:progress`.
   */
  print?: PrintExporter;
}

/** Calls that change the store: refused by a read-only instance. */
const MUTATING: readonly CallChannel[] = ['corpus:reannotate', 'corpus:cancel', 'document:set-date', 'edit:apply', 'edit:undo', 'edit:redo'];

export interface AppServices {
  handlers: Handlers;
  events: EventEmitter<{ [K in keyof Events]: [Events[K]] }>;
  /** Resolves when the first-start annotation (if any) has finished. */
  ready: Promise<void>;
  /** `timeline:overview` as ready-made bytes (the browser preview sends them as they are). */
  overview(): Promise<OverviewAnswer>;
  /** A request came in (the browser preview's server says so): background work waits for a quiet moment. */
  activity(): void;
  close(): Promise<void>;
}

export async function createAppServices(opts: AppServicesOptions): Promise<AppServices> {
  const openOpts = opts.readOnly ? { readOnly: true } : { recover: true };
  const store: OpenStore = await openStore(opts.storeFile, openOpts);
  let user: UserStore;
  try {
    user = await UserStore.open(opts.storeFile, openOpts);
  } catch (e) {
    await store.close();
    throw e;
  }
  const repo = new Repository(store, user);
  const notices = [...(store.recovered ? [recoveryNotice('The annotation store', store.recovered)] : []), ...(user.recovered ? [recoveryNotice('Your edits file', user.recovered)] : [])];
  const events = new EventEmitter<{ [K in keyof Events]: [Events[K]] }>();
  const status: AppStatus = { state: repo.isEmpty ? 'empty' : 'ready', storePath: store.file, corpusDir: repo.corpusDir, progress: null, error: null, notices };
  let running: Promise<AnnotateSummary> | null = null;
  let cancelRun: AbortController | null = null;
  // The open corpus folder is watched; changes made while we annotate are ours to see anyway.
  let unwatch: (() => void) | null = null;
  const watch = (dir: string | null): void => {
    unwatch?.();
    unwatch = dir
      ? watchCorpus(dir, (files) => {
          if (!running) events.emit('corpus:changed', { files });
        })
      : null;
  };
  if (!opts.readOnly) watch(repo.corpusDir);

  const onProgress = (p: AnnotateProgress): void => {
    status.progress = p;
    events.emit('annotate:progress', p);
  };

  function annotate(dir: string): Promise<AnnotateSummary> {
    if (running) throw new ServiceError('busy', 'an annotation is already running');
    status.state = 'annotating';
    status.error = null;
    const abort = new AbortController();
    cancelRun = abort;
    running = annotateCorpus(dir, repo, { onProgress, signal: abort.signal })
      .then((summary) => {
        status.state = 'ready';
        status.corpusDir = repo.corpusDir;
        watch(repo.corpusDir);
        return summary;
      })
      .catch((e: unknown) => {
        if (e instanceof AnnotationCancelledError) {
          // The store is as it was: back to the timeline it holds, or to the empty state on a first start.
          status.state = repo.isEmpty ? 'empty' : 'ready';
          status.corpusDir = repo.corpusDir ?? dir;
          onProgress({ phase: 'cancelled', done: status.progress?.done ?? 0, total: status.progress?.total ?? 0, file: null, message: e.message });
          throw new ServiceError('cancelled', e.message);
        }
        status.state = 'error';
        status.error = (e as Error).message;
        onProgress({ phase: 'error', done: 0, total: 0, file: null, message: status.error });
        throw e;
      })
      .finally(() => {
        running = null;
        cancelRun = null;
      });
    return running;
  }

  /**
   * Matches documents again with the current entity catalog (catalog-sync.ts), one sync at a time and after any
   * running annotation (which used the catalog it started with). `before`: the catalog just before the edit.
   */
  let syncing: Promise<unknown> = Promise.resolve();
  const resync = (before: Catalog | null): Promise<void> => {
    const next = syncing.then(async () => {
      await running?.catch(() => undefined);
      await syncCatalog(repo, before);
    });
    syncing = next.catch(() => undefined);
    return next;
  };

  let ready: Promise<void> = Promise.resolve();
  if (repo.isEmpty && opts.defaultCorpusDir && !opts.readOnly) {
    ready = annotate(opts.defaultCorpusDir).then(
      () => undefined,
      () => undefined,
    );
  } else if (!repo.isEmpty && !opts.readOnly) {
    // Documents matched with another catalog than the edits now give (a crash mid-sync, an edited bundled catalog).
    ready = resync(null).catch(() => undefined);
  }

  /** Records a catalog edit, then matches the documents it touches again. */
  async function applyCatalogEdit(op: CatalogOp): Promise<EditResult> {
    let full;
    try {
      full = prepareCatalogEdit(repo, op);
    } catch (e) {
      if (e instanceof CatalogEditError) throw new ServiceError('bad-request', e.message);
      throw e;
    }
    const before = repo.catalog();
    const edit = await repo.applyEdit(full);
    if (changesMatching(full)) await resync(before);
    return { seq: edit.seq, history: repo.history() };
  }

  /** After Undo/Redo: what the edit changed outside the log (a publication date, the catalog) follows it. */
  async function replayed(edit: Edit | null, before: Catalog, date: 'from' | 'to'): Promise<void> {
    if (edit?.op.kind === 'document.published') await setDate(edit.op.doc, edit.op[date]);
    else if (edit && changesMatching(edit.op)) await resync(before);
  }

  /** Sets (or clears) a publication date and re-annotates that article; errors become service errors. */
  async function setDate(id: string, published: string | null): Promise<DocumentSummary> {
    try {
      const summary = await setPublicationDate(repo, id, published);
      if (!summary) throw new ServiceError('not-found', `no document ${id}`);
      return summary;
    } catch (e) {
      if (e instanceof SetDateError) throw new ServiceError(e.code, e.message);
      throw e;
    }
  }

  const views = new TimelineViews(() => repo.timeline());
  const overview = new OverviewCache({
    compute: () => views.overview(),
    revision: () => repo.revision,
    // What the overview is derived from: index lines name each document file by its content.
    state: () => [repo.corpusDir, repo.documentEntries(), repo.problems, repo.catalogKey(), repo.hasStaleLinks, user.log],
    file: opts.readOnly ? null : `${store.file}.overview`,
  });
  const print = opts.print ? withExportProgress(opts.print, (p) => events.emit('export:progress', p)) : null;
  const handlers: Handlers = {
    'app:status': async () => ({ ...status }),
    'timeline:load': async () => repo.timeline(),
    'timeline:overview': async () => (await overview.answer()).value(),
    'event:get': async ({ id }) => {
      const event = views.event(id);
      if (!event) throw new ServiceError('not-found', `no event ${id}`);
      return event;
    },
    'events:search': async ({ query }) => ({ ids: views.search(query) }),
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
    'corpus:cancel': async () => {
      if (!cancelRun || cancelRun.signal.aborted) return { cancelled: false };
      cancelRun.abort();
      await running?.catch(() => undefined);
      return { cancelled: true };
    },
    'export:data': async ({ format, ...filters }) => exportData(filterExport(repo.eventsExport(), filters), format),
    'export:print-data': async (filters) => printData({ documents: repo.timeline().documents, events: repo.effective().events }, filters),
    'export:print': async (args) => {
      if (!print) throw new ServiceError('bad-request', 'PDF and PNG are saved by the desktop app or `chronolens export --format pdf|png`; in the browser preview, open the print view and use the browser’s Print command');
      return print(args);
    },
    'document:set-date': async ({ id, published }) => {
      if (running) throw new ServiceError('busy', 'an annotation is running; set the date when it has finished');
      const before = repo.timeline().documents.find((d) => d.id === id)?.published;
      const summary = await setDate(id, published);
      // Recorded in the edit history so Undo/Redo restore the date the user had set before (or none).
      await repo.applyEdit({ kind: 'document.published', doc: id, from: before?.source === 'user' ? before.value : null, to: published });
      return summary;
    },
    'edit:apply': async ({ op }): Promise<EditResult> => (isCatalogOp(op) ? applyCatalogEdit(op) : { seq: (await repo.applyEdit(op)).seq, history: repo.history() }),
    'edit:undo': async (): Promise<EditResult> => {
      const before = repo.catalog();
      const undone = await repo.undo();
      await replayed(undone, before, 'from');
      return { seq: undone?.seq ?? null, history: repo.history() };
    },
    'edit:redo': async (): Promise<EditResult> => {
      const before = repo.catalog();
      const redone = await repo.redo();
      await replayed(redone, before, 'to');
      return { seq: redone?.seq ?? null, history: repo.history() };
    },
    'entities:list': async () => {
      await syncing;
      return repo.entityCatalog();
    },
  };

  if (opts.readOnly) {
    const refuse = async (): Promise<never> => {
      throw new ServiceError('forbidden', `the store ${store.file} is open read-only`);
    };
    for (const channel of MUTATING) (handlers as Record<CallChannel, unknown>)[channel] = refuse;
  }

  return {
    handlers,
    events,
    ready,
    overview: () => overview.answer(),
    activity: () => overview.touch(),
    close: async () => {
      await running?.catch(() => undefined);
      await syncing;
      await overview.close();
      unwatch?.();
      await user.close();
      await store.close();
    },
  };
}
