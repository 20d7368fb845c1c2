/**
 * The one IPC contract. Preload, main-process handlers, the loopback HTTP bridge and the renderer all derive their
 * types from these maps, so a missing handler or a wrong payload is a compile error.
 */
import type { Amount, DocTimex, Document, DocumentProblem, Entity, FileProblem, Lang, Mention, Published } from '../model';
import type { EditedEvent, EditOp, OrphanedEdit } from '../edits';
import type { EntityCatalogView } from '../catalog';
import type { Result } from './result';
import type { PackedEvents, TimelineEvent } from '../timeline-pack';
import type { EventFilters, PrintFormat, PrintOptions } from '../print-options';

export type ExportDataFormat = 'json' | 'csv' | 'timelinejs';

export interface AnnotateProgress {
  phase: 'scan' | 'annotate' | 'write' | 'done' | 'cancelled' | 'error';
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
  /** Things the user must be told, e.g. a damaged store kept aside and restored from a backup. */
  notices: string[];
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

export interface HistoryState {
  canUndo: boolean;
  canRedo: boolean;
  /** Edits in force. */
  edits: number;
}

export interface TimelineData {
  corpusDir: string | null;
  documents: DocumentSummary[];
  /** Machine events with the researcher's edits applied; hidden ones carry `hidden: true`. */
  events: EditedEvent[];
  problems: FileProblem[];
  /** Edits whose sentence is gone: kept and shown, never dropped. */
  orphaned: OrphanedEdit[];
  history: HistoryState;
  /** Name and type of every entity the events name, from the catalog as the researcher edited it. Optional: older servers. */
  entities?: Array<Pick<Entity, 'id' | 'name' | 'type'>>;
}

/** What `timeline:overview` answers: the timeline's data with its events packed (shared/timeline-pack.ts). */
export interface TimelineOverviewWire extends Omit<TimelineData, 'events'> {
  events: PackedEvents;
}

/** The same, unpacked: what the explorer works with. */
export interface TimelineOverview extends Omit<TimelineData, 'events'> {
  events: TimelineEvent[];
}

export interface EditResult {
  /** The edit recorded (or undone/redone); null when there was nothing to undo/redo. */
  seq: number | null;
  history: HistoryState;
}

export interface EntityMention extends Mention {
  entity: string;
}

export interface DocumentView {
  document: Document;
  timexes: DocTimex[];
  amounts: Amount[];
  mentions: EntityMention[];
  events: EditedEvent[];
  /** Names of the entities `mentions` point to (catalog ids), for labels and tooltips. Optional: older servers. */
  entities?: Array<Pick<Entity, 'id' | 'name' | 'type'>>;
}

export interface ExportedData {
  fileName: string;
  mime: string;
  text: string;
}

/** An event as reports print it: sentence, label and date in full; no links, notes or edit history. */
export type PrintEvent = Pick<EditedEvent, 'id' | 'doc' | 'start' | 'end' | 'text' | 'label' | 'date' | 'edited' | 'role'>;

/** What the print view lays out (`export:print-data`): its own payload, apart from the explorer's. */
export interface PrintData {
  /** Every document: lanes are ordered and coloured over all of them, as on screen. */
  documents: DocumentSummary[];
  /** The visible events the filters keep (events the researcher hid are never printed). */
  events: PrintEvent[];
  /** Visible events before the filters, for "n of m events". */
  totalEvents: number;
}

export interface ExportedFile {
  /** Where the file was written ('' when the user cancelled the save dialog). */
  fileName: string;
  bytes: number;
}

/**
 * Steps of a PDF / PNG export (`export:progress`), in order: `open` loads the print view, `data` / `layout` /
 * `render` are the print view's own phases (renderer/print/print-page.tsx), `write` is Chromium's PDF writer or the
 * PNG tiles, `save` writes the file. It ends with `done`, `cancelled` (the save dialog was dismissed) or `error`.
 */
export const EXPORT_PHASES = ['open', 'data', 'layout', 'render', 'write', 'save', 'done', 'cancelled', 'error'] as const;
export type ExportPhase = (typeof EXPORT_PHASES)[number];

export interface ExportProgress {
  format: PrintFormat;
  phase: ExportPhase;
  /** 0..1: how far the export is, by the steps' usual share of its time. */
  fraction: number;
  /** The file written (`done`). */
  fileName?: string;
  /** What went wrong (`error`). */
  message?: string;
}

/** Request/response calls: channel → argument and result types. */
export interface Calls {
  'app:status': { args: Record<string, never>; result: AppStatus };
  'timeline:load': { args: Record<string, never>; result: TimelineData };
  'document:get': { args: { id: string }; result: DocumentView };
  /** The explorer's load: every event as the timeline draws it; sentences come with `event:get` and `events:search`. */
  'timeline:overview': { args: Record<string, never>; result: TimelineOverviewWire };
  /** One event in full (sentence, evidence, links, note, tags, merged sources), hidden ones included. */
  'event:get': { args: { id: string }; result: EditedEvent };
  /** Full-text search over labels and sentences, folded like the export's `q` (case, diacritics, Arabic variants). */
  'events:search': { args: { query: string }; result: { ids: string[] } };
  'corpus:reannotate': { args: Record<string, never>; result: AnnotateSummary };
  /**
   * Stops a running annotation: its `corpus:reannotate` call answers `cancelled` and the store stays as it was.
   * `cancelled: false` when nothing was running (already finished).
   */
  'corpus:cancel': { args: Record<string, never>; result: { cancelled: boolean } };
  /** Filters are optional: absent means every event (the current search, documents, languages, date range). */
  'export:data': { args: { format: ExportDataFormat } & EventFilters; result: ExportedData };
  /** PDF / PNG through the print view; the desktop shell asks where to save and answers what it wrote. */
  'export:print': { args: { format: PrintFormat; options: PrintOptions }; result: ExportedFile };
  /**
   * The print view's data, filtered in the main process like `export:data`. Reports read this, never
   * `timeline:load` / `timeline:overview`, so the explorer's payload can change without touching them.
   */
  'export:print-data': { args: EventFilters; result: PrintData };
  /** Sets (or with null clears) a document's publication date; its relative dates resolve again. */
  'document:set-date': { args: { id: string; published: string | null }; result: DocumentSummary };
  /**
   * Records an edit. Catalog edits (entity.add/update/alias/merge/delete) answer once the documents they touch are
   * matched again, so a `timeline:load` after them shows the new entities and labels.
   */
  'edit:apply': { args: { op: EditOp }; result: EditResult };
  /** The entity catalog with the researcher's edits, mention/event counts, and the names suggested for it. */
  'entities:list': { args: Record<string, never>; result: EntityCatalogView };
  'edit:undo': { args: Record<string, never>; result: EditResult };
  'edit:redo': { args: Record<string, never>; result: EditResult };
}

/** Main → renderer notifications: channel → payload. */
export interface Events {
  'annotate:progress': AnnotateProgress;
  /** Files in the open corpus folder changed on disk (debounced): the renderer may offer to re-scan. */
  'corpus:changed': { files: number };
  /** A PDF / PNG export (`export:print`) moved to its next step; one export runs at a time. */
  'export:progress': ExportProgress;
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

export const EVENT_CHANNELS = ['annotate:progress', 'corpus:changed', 'export:progress'] as const satisfies readonly EventChannel[];

/** Prefix used on the Electron IPC bus so our channels never collide with Electron's own. */
export const IPC_PREFIX = 'chronolens:';
