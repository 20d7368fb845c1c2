/**
 * The one IPC contract. Preload, main-process handlers, the loopback HTTP bridge and the renderer all derive their
 * types from these maps, so a missing handler or a wrong payload is a compile error.
 */
import type { Amount, ChronoEvent, DocTimex, Document, DocumentProblem, FileProblem, Lang, Mention, Published } from '../model';
import type { Result } from './result';

export type ExportDataFormat = 'json' | 'csv' | 'timelinejs';

export interface AnnotateProgress {
  phase: 'scan' | 'annotate' | 'write' | 'done' | 'error';
  done: number;
  total: number;
  /** The file being annotated now, relative to the corpus folder. */
  file: string | null;
  message?: string;
}

export interface AnnotateSummary {
  documents: number;
  annotated: number;
  reused: number;
  events: number;
  timexes: number;
  problems: FileProblem[];
  ms: number;
}

export interface AppStatus {
  state: 'empty' | 'annotating' | 'ready' | 'error';
  storePath: string;
  corpusDir: string | null;
  progress: AnnotateProgress | null;
  error: string | null;
}

export interface DocumentSummary {
  id: string;
  file: string;
  lang: Lang;
  title: string;
  published: Published;
  eventCount: number;
  problems: DocumentProblem[];
}

export interface TimelineData {
  corpusDir: string | null;
  documents: DocumentSummary[];
  events: ChronoEvent[];
  problems: FileProblem[];
}

export interface EntityMention extends Mention {
  entity: string;
}

export interface DocumentView {
  document: Document;
  timexes: DocTimex[];
  amounts: Amount[];
  mentions: EntityMention[];
  events: ChronoEvent[];
}

export interface ExportedData {
  fileName: string;
  mime: string;
  text: string;
}

/** Request/response calls: channel → argument and result types. */
export interface Calls {
  'app:status': { args: Record<string, never>; result: AppStatus };
  'timeline:load': { args: Record<string, never>; result: TimelineData };
  'document:get': { args: { id: string }; result: DocumentView };
  'corpus:reannotate': { args: Record<string, never>; result: AnnotateSummary };
  'export:data': { args: { format: ExportDataFormat }; result: ExportedData };
}

/** Main → renderer notifications: channel → payload. */
export interface Events {
  'annotate:progress': AnnotateProgress;
}

export type CallChannel = keyof Calls;
export type EventChannel = keyof Events;
export type CallArgs<K extends CallChannel> = Calls[K]['args'];
export type CallResult<K extends CallChannel> = Calls[K]['result'];

/** What the preload exposes as `window.chronolens` and what the HTTP bridge client implements. */
export interface ChronolensApi {
  call<K extends CallChannel>(channel: K, args: CallArgs<K>): Promise<Result<CallResult<K>>>;
  /** Subscribes to a notification; returns the function that unsubscribes. */
  on<K extends EventChannel>(channel: K, listener: (payload: Events[K]) => void): () => void;
}

/** Main-process implementation of every call: derived from the contract, so none can be missing. */
export type Handlers = { [K in CallChannel]: (args: CallArgs<K>) => Promise<CallResult<K>> };

export const EVENT_CHANNELS = ['annotate:progress'] as const satisfies readonly EventChannel[];

/** Prefix used on the Electron IPC bus so our channels never collide with Electron's own. */
export const IPC_PREFIX = 'chronolens:';
