/**
 * Curation from the renderer's side. One provider (mounted by App around the explorer) owns the editor dialog, the
 * undo/redo keys, the merge picks and the selection → "Add event" bar; small connected pieces (curation-slots.tsx)
 * are dropped into the explorer's header, event details, side pane and source pane. Every change goes to the main
 * process, then the timeline is loaded again (`timeline:overview`) so what is drawn is what the store holds; the
 * selection is kept (it lives in the explorer and is only replaced for a new or merged event).
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Anchor, EditedEvent, EditOp } from '../../shared/edits';
import { anchorOf } from '../../shared/edits';
import type { DocumentSummary, TimelineOverview } from '../../shared/ipc/contract';
import type { TimelineEvent } from '../../shared/timeline-pack';
import { request } from '../ipc/api';
import { describeError } from '../ipc/call-error';
import { EventEditor, type EditorTarget } from './event-editor';
import { SelectionAddEvent } from './selection-add-event';
import { useDomMarks } from './use-dom-marks';
import { useEditorKeys } from './use-editor-keys';

/** What curation needs of the selected event: which one it is and where its sentence is. */
export type SelectedRef = Pick<TimelineEvent, 'id' | 'doc' | 'start' | 'end'>;

export interface CurationApi {
  data: TimelineOverview;
  /** Every event as the timeline has it (no sentence), hidden ones included. */
  eventsById: ReadonlyMap<string, TimelineEvent>;
  docsById: ReadonlyMap<string, DocumentSummary>;
  /** Bumped after each reload, so views caching documents fetch them again. */
  revision: number;
  busy: boolean;
  /** The last failure of a one-click action, undo or redo (forms show their own). */
  error: string | null;
  clearError: () => void;
  /** Records an edit and reloads; throws the main process's refusal (CallError). */
  apply: (op: EditOp) => Promise<number | null>;
  /** Like apply; a refusal goes to `error`. */
  run: (op: EditOp) => Promise<number | null>;
  /** Like run, with an op made from an event in full (fetched first: edits anchor on its sentence). */
  runWith: (id: string, make: (event: EditedEvent) => EditOp) => void;
  undo: () => void;
  redo: () => void;
  setPublicationDate: (id: string, published: string | null) => Promise<unknown>;
  /** Opens the editor on an event (default: the selected one). */
  edit: (id?: string) => void;
  addFromSelection: (anchor: Anchor) => void;
  picked: readonly string[];
  togglePick: (id: string) => void;
  removePick: (id: string) => void;
  clearPicks: () => void;
  merge: (events: readonly TimelineEvent[]) => void;
  /** The source sentence of the selected (merged) event shown in the source pane, when not its own. */
  shownSource: Anchor | null;
  showSource: (a: Anchor) => void;
  /** Called by the explorer with its selection (see useCurationSelection). */
  register: (selected: SelectedRef | null, select: (id: string | null) => void) => void;
}

const Ctx = createContext<CurationApi | null>(null);

export const useCurationContext = (): CurationApi | null => useContext(Ctx);

interface Props {
  data: TimelineOverview;
  /** Loads the timeline again (App keeps the explorer mounted while it does). */
  onReload: () => Promise<void>;
  children: ReactNode;
}

export function CurationProvider({ data, onReload, children }: Props) {
  const [revision, setRevision] = useState(0);
  const [seen, setSeen] = useState(data);
  if (seen !== data) {
    setSeen(data);
    setRevision((r) => r + 1);
  }
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [editor, setEditor] = useState<{ mode: 'edit'; event: EditedEvent } | { mode: 'add'; anchor: Anchor } | null>(null);
  const [picked, setPicked] = useState<string[]>([]);
  const [shown, setShown] = useState<{ eventId: string; anchor: Anchor } | null>(null);
  const [selected, setSelected] = useState<SelectedRef | null>(null);
  const selectRef = useRef<(id: string | null) => void>(() => undefined);
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const reload = useRef(onReload);
  useEffect(() => {
    reload.current = onReload;
  }, [onReload]);

  const eventsById = useMemo(() => new Map(data.events.map((e) => [e.id, e])), [data.events]);
  const docsById = useMemo(() => new Map(data.documents.map((d) => [d.id, d])), [data.documents]);
  const edited = useMemo(() => new Set(data.events.filter((e) => e.edited).map((e) => e.id)), [data.events]);

  /** One change at a time, in order (three Ctrl+Z undo three edits), each followed by a reload. */
  const change = useCallback(<T,>(call: () => Promise<T>): Promise<T> => {
    const work = async (): Promise<T> => {
      setBusy(true);
      try {
        const result = await call();
        await reload.current();
        return result;
      } finally {
        setBusy(false);
      }
    };
    const next = queue.current.then(work, work);
    queue.current = next.catch(() => undefined);
    return next;
  }, []);

  const apply = useCallback(
    async (op: EditOp): Promise<number | null> => {
      const r = await change(() => request('edit:apply', { op }));
      setError(null);
      return r.seq;
    },
    [change],
  );
  const run = useCallback(
    (op: EditOp) =>
      apply(op).catch((e: unknown) => {
        setError(describeError(e));
        return null;
      }),
    [apply],
  );
  const history = useCallback(
    (channel: 'edit:undo' | 'edit:redo') => {
      change(() => request(channel, {})).catch((e: unknown) => setError(describeError(e)));
    },
    [change],
  );
  const undo = useCallback(() => history('edit:undo'), [history]);
  const redo = useCallback(() => history('edit:redo'), [history]);

  /** The event in full: the overview has no sentences, and edits anchor on them. */
  const fullEvent = useCallback((id: string) => request('event:get', { id }), []);
  const runWith = useCallback(
    (id: string, make: (event: EditedEvent) => EditOp) => {
      fullEvent(id).then(
        (e) => run(make(e)),
        (e: unknown) => setError(describeError(e)),
      );
    },
    [fullEvent, run],
  );

  const edit = useCallback(
    (id?: string) => {
      const target = id ?? selected?.id;
      if (!target) return;
      fullEvent(target).then(
        (event) => setEditor({ mode: 'edit', event }),
        (e: unknown) => setError(describeError(e)),
      );
    },
    [selected, fullEvent],
  );

  const addFromSelection = useCallback(async (anchor: Anchor) => {
    // The DOM gave the offsets; the stored text must say the same, or the anchor would point elsewhere.
    try {
      const view = await request('document:get', { id: anchor.doc });
      if (view.document.text.slice(anchor.start, anchor.end) !== anchor.text) {
        setError('The selection does not match the stored text of this article (is it still loading?). Select it again.');
        return;
      }
      setEditor({ mode: 'add', anchor });
    } catch (e) {
      setError(describeError(e));
    }
  }, []);

  const togglePick = useCallback((id: string) => setPicked((p) => (p.includes(id) ? p.filter((x) => x !== id) : [...p, id])), []);
  const removePick = useCallback((id: string) => setPicked((p) => p.filter((x) => x !== id)), []);
  const clearPicks = useCallback(() => setPicked([]), []);

  const merge = useCallback(
    (events: readonly TimelineEvent[]) => {
      if (events.length < 2) return;
      Promise.all(events.map((e) => fullEvent(e.id)))
        .then((full) => run({ kind: 'event.merge', targets: full.map(anchorOf) }))
        .then(
          (seq) => {
            if (seq === null) return;
            setPicked([]);
            selectRef.current(events[0]!.id);
          },
          (e: unknown) => setError(describeError(e)),
        );
    },
    [run, fullEvent],
  );

  const register = useCallback((sel: SelectedRef | null, select: (id: string | null) => void) => {
    selectRef.current = select;
    setSelected((prev) => (prev === sel ? prev : sel));
  }, []);

  // Ctrl/Cmd+click on a row of the event list picks it for a merge (capture phase: the row is not selected too).
  useEffect(() => {
    const onClick = (e: MouseEvent): void => {
      if (!(e.ctrlKey || e.metaKey) || !(e.target instanceof Element)) return;
      const id = e.target.closest<HTMLElement>('[data-row-id]')?.dataset.rowId;
      if (!id) return;
      e.preventDefault();
      e.stopPropagation();
      togglePick(id);
    };
    window.addEventListener('click', onClick, true);
    return () => window.removeEventListener('click', onClick, true);
  }, [togglePick]);

  useEditorKeys({ enabled: editor === null, onEnter: () => edit(), onUndo: undo, onRedo: redo });
  useDomMarks(edited, picked);

  const shownSource = shown && selected && shown.eventId === selected.id ? shown.anchor : null;
  const showSource = useCallback(
    (anchor: Anchor) => {
      if (selected) setShown({ eventId: selected.id, anchor });
    },
    [selected],
  );

  const api: CurationApi = {
    data,
    eventsById,
    docsById,
    revision,
    busy,
    error,
    clearError: useCallback(() => setError(null), []),
    apply,
    run,
    runWith,
    undo,
    redo,
    setPublicationDate: useCallback((id: string, published: string | null) => change(() => request('document:set-date', { id, published })), [change]),
    edit,
    addFromSelection: (a) => void addFromSelection(a),
    picked,
    togglePick,
    removePick,
    clearPicks,
    merge,
    shownSource,
    showSource,
    register,
  };

  const target: EditorTarget | null = editor;
  const targetDoc = target ? docsById.get(target.mode === 'add' ? target.anchor.doc : target.event.doc) : undefined;
  const shownDoc = shownSource?.doc ?? selected?.doc ?? null;

  return (
    <Ctx.Provider value={api}>
      {children}
      {target && (
        <EventEditor
          key={target.mode === 'add' ? `add:${target.anchor.doc}:${target.anchor.start}:${target.anchor.end}` : target.event.id}
          target={target}
          docTitle={targetDoc?.title || targetDoc?.file || ''}
          lang={targetDoc?.lang}
          onClose={() => setEditor(null)}
          onSave={async (op) => {
            const seq = await apply(op);
            if (op.kind === 'event.add' && seq !== null) selectRef.current(`u${seq}`);
          }}
        />
      )}
      {!target && <SelectionAddEvent docId={shownDoc} onAdd={api.addFromSelection} />}
    </Ctx.Provider>
  );
}

/** Hands the editor's opener to a child that needs it as a prop (App → Explorer's "Date it"). */
export function WithEventEditor({ children }: { children: (edit: (id?: string) => void) => ReactNode }) {
  const edit = useCurationContext()?.edit;
  return <>{children(edit ?? (() => undefined))}</>;
}

/**
 * For the explorer: tells curation which event is selected (and how to select another), and answers the event the
 * source pane should show: the selected one, or the source sentence of a merged event the researcher clicked.
 */
export function useCurationSelection<E extends SelectedRef>(selected: E | null, select: (id: string | null) => void): E | null {
  const c = useCurationContext();
  const register = c?.register;
  useEffect(() => {
    register?.(selected, select);
  }, [register, selected, select]);
  const source = c?.shownSource ?? null;
  return useMemo(() => (selected && source ? { ...selected, doc: source.doc, start: source.start, end: source.end } : selected), [selected, source]);
}
