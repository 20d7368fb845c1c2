/**
 * The researcher's edits: facts the machine must not overwrite. They live apart from machine annotations, as an
 * append-only log, and are re-applied over freshly annotated events every time (after re-annotation, a corpus
 * change, a restart). An edit is anchored to its sentence by document id, span and the sentence's text, so it
 * follows the sentence when the article changes around it; an edit whose text is gone is reported as orphaned,
 * never dropped.
 */
import type { CatalogOp } from './catalog';
import type { Certainty, ChronoEvent, TimexMod } from './model';
import { applyMod, timexInterval } from './timex';

/** Where an edit points: an event's sentence. */
export interface Anchor {
  doc: string;
  start: number;
  end: number;
  /** The sentence text when the edit was made; used to find it again if offsets move. */
  text: string;
  /** Which further statement of the sentence (ChronoEvent.part); absent for its first one. */
  part?: number;
}

export interface DatePatch {
  value: string;
  mod?: TimexMod | null;
  certainty: Certainty;
}

export interface EventPatch {
  date?: DatePatch;
  label?: string;
  note?: string;
  tags?: string[];
  hidden?: boolean;
}

export type EditOp =
  | { kind: 'event.update'; target: Anchor; patch: EventPatch }
  | { kind: 'event.add'; anchor: Anchor; date: DatePatch; label: string; note?: string }
  | { kind: 'event.delete'; target: Anchor }
  | { kind: 'event.merge'; targets: Anchor[] }
  | { kind: 'event.split'; merge: number }
  | { kind: 'link.decide'; a: Anchor; b: Anchor; accept: boolean }
  /**
   * The user set an article's publication date (`null`: cleared it). Recorded so Undo/Redo can restore the date
   * before/after; the date itself is kept with the store's index and applied by re-annotating the article.
   */
  | { kind: 'document.published'; doc: string; from: string | null; to: string | null }
  /** The entity catalog: add, rename, alias, merge, delete, dismiss a suggestion (catalog.ts replays these). */
  | CatalogOp;

export interface Edit {
  /** Increasing sequence number: the edit's identity. */
  seq: number;
  at: string;
  op: EditOp;
  /** Undone edits stay in the log (redo brings them back) until a new edit supersedes them. */
  undone?: boolean;
}

export interface OrphanedEdit {
  edit: Edit;
  reason: string;
}

/** An event after edits, with what the machine said kept for comparison. */
export interface EditedEvent extends ChronoEvent {
  note?: string;
  tags?: string[];
  hidden?: boolean;
  /** Sentences merged into this event (the event's own sentence first). */
  sources?: Anchor[];
  /** The sequence number of the merge edit that made this event. */
  mergedBy?: number;
  /** Sequence numbers of the edits applied to this event. */
  edits?: number[];
  /** Suggested same-event links the user rejected. */
  rejected?: string[];
  /** Same-event links the user confirmed (so the UI shows them as decided, not as suggestions). */
  accepted?: string[];
}

export interface ApplyResult {
  events: EditedEvent[];
  orphaned: OrphanedEdit[];
}

export const anchorOf = (e: Pick<ChronoEvent, 'doc' | 'start' | 'end' | 'text' | 'part'>): Anchor => ({ doc: e.doc, start: e.start, end: e.end, text: e.text, ...(e.part !== undefined ? { part: e.part } : {}) });

/** Whether two anchors name the same statement. */
export const sameAnchor = (a: Anchor, b: Anchor | null): boolean => b !== null && a.doc === b.doc && a.start === b.start && a.text === b.text && a.part === b.part;

export function dateFromPatch(d: DatePatch): ChronoEvent['date'] {
  const iv = timexInterval(d.value);
  const narrowed = iv ? applyMod(iv, d.mod ?? undefined) : null;
  return { value: d.value, ...(d.mod ? { mod: d.mod } : {}), certainty: d.certainty, ...(narrowed ? { start: narrowed.start, end: narrowed.end } : {}) };
}

/** The edits in force: not undone, and merges not split again. */
export function activeEdits(log: readonly Edit[]): Edit[] {
  const live = log.filter((e) => !e.undone);
  const split = new Set(live.flatMap((e) => (e.op.kind === 'event.split' ? [e.op.merge] : [])));
  return live.filter((e) => e.op.kind !== 'event.split' && !(e.op.kind === 'event.merge' && split.has(e.seq))).sort((a, b) => a.seq - b.seq);
}

/** Re-applies the log over machine events. Pure; O(events + edits). */
export function applyEdits(machine: readonly ChronoEvent[], docTexts: ReadonlyMap<string, string>, log: readonly Edit[]): ApplyResult {
  const events = new Map<string, EditedEvent>();
  const byDocStart = new Map<string, string>();
  // A sentence's statements are told apart by their part (ChronoEvent.part); its first one has none.
  const key = (doc: string, start: number, part?: number): string => `${doc}\u0000${start}\u0000${part ?? ''}`;
  /** Events added from a selection, by where they start: one may start where a machine sentence starts. */
  const addedAt = new Map<string, string[]>();
  for (const e of machine) {
    events.set(e.id, { ...e });
    byDocStart.set(key(e.doc, e.start, e.part), e.id);
  }
  const orphaned: OrphanedEdit[] = [];

  /** The event whose sentence the anchor names: same offsets and text, or the same text elsewhere in the doc. */
  function find(a: Anchor): EditedEvent | null {
    for (const added of addedAt.get(key(a.doc, a.start)) ?? []) {
      const e = events.get(added);
      if (e && e.text === a.text) return e;
    }
    const id = byDocStart.get(key(a.doc, a.start, a.part));
    const direct = id ? events.get(id) : undefined;
    if (direct && direct.text === a.text) return direct;
    const text = docTexts.get(a.doc);
    if (text === undefined) return null;
    const at = text.indexOf(a.text);
    if (at < 0) return null;
    const moved = byDocStart.get(key(a.doc, at, a.part));
    return moved ? (events.get(moved) ?? null) : null;
  }

  /** Re-locates an anchor in the current text (for user-added events, which have no machine event). */
  function locate(a: Anchor): Anchor | null {
    const text = docTexts.get(a.doc);
    if (text === undefined) return null;
    if (text.slice(a.start, a.end) === a.text) return a;
    const at = text.indexOf(a.text);
    return at < 0 ? null : { ...a, start: at, end: at + a.text.length };
  }

  const touch = (e: EditedEvent, seq: number): void => {
    e.edited = true;
    e.edits = [...(e.edits ?? []), seq];
  };

  for (const edit of activeEdits(log)) {
    const op = edit.op;
    switch (op.kind) {
      case 'event.update': {
        const e = find(op.target);
        if (!e) {
          orphaned.push({ edit, reason: 'the sentence it edits is no longer in the article' });
          break;
        }
        const p = op.patch;
        if (p.date) e.date = dateFromPatch(p.date);
        if (p.label !== undefined) e.label = p.label;
        if (p.note !== undefined) e.note = p.note;
        if (p.tags !== undefined) e.tags = p.tags;
        if (p.hidden !== undefined) e.hidden = p.hidden;
        touch(e, edit.seq);
        break;
      }
      case 'event.add': {
        const a = locate(op.anchor);
        if (!a) {
          orphaned.push({ edit, reason: 'the selected text is no longer in the article' });
          break;
        }
        const id = `u${edit.seq}`;
        const e: EditedEvent = { id, doc: a.doc, start: a.start, end: a.end, text: a.text, label: op.label, date: dateFromPatch(op.date), entities: [], amounts: [], edited: true, edits: [edit.seq], ...(op.note ? { note: op.note } : {}) };
        events.set(id, e);
        if (!byDocStart.has(key(a.doc, a.start))) byDocStart.set(key(a.doc, a.start), id);
        addedAt.set(key(a.doc, a.start), [...(addedAt.get(key(a.doc, a.start)) ?? []), id]);
        break;
      }
      case 'event.delete': {
        const e = find(op.target);
        if (!e) orphaned.push({ edit, reason: 'the sentence it deletes is no longer in the article' });
        else {
          events.delete(e.id);
          byDocStart.delete(key(e.doc, e.start, e.part));
        }
        break;
      }
      case 'event.merge': {
        const found = op.targets.map(find);
        const present = found.filter((e): e is EditedEvent => e !== null);
        if (present.length < 2) {
          orphaned.push({ edit, reason: 'fewer than two of the merged sentences are still in the corpus' });
          break;
        }
        const [primary, ...rest] = present as [EditedEvent, ...EditedEvent[]];
        primary.sources = [...(primary.sources ?? [anchorOf(primary)]), ...rest.flatMap((r) => r.sources ?? [anchorOf(r)])];
        primary.sameAs = [...new Set([...(primary.sameAs ?? []), ...rest.map((r) => r.id), ...rest.flatMap((r) => r.sameAs ?? [])])].filter((id) => id !== primary.id);
        primary.entities = [...new Set([...primary.entities, ...rest.flatMap((r) => r.entities)])];
        primary.mergedBy = edit.seq;
        for (const r of rest) events.delete(r.id);
        touch(primary, edit.seq);
        break;
      }
      case 'link.decide': {
        const a = find(op.a);
        const b = find(op.b);
        if (!a || !b) {
          orphaned.push({ edit, reason: 'one of the linked sentences is no longer in the corpus' });
          break;
        }
        for (const [x, y] of [
          [a, b],
          [b, a],
        ] as const) {
          const same = new Set(x.sameAs ?? []);
          if (op.accept) {
            same.add(y.id);
            x.accepted = [...new Set([...(x.accepted ?? []), y.id])];
            if (x.rejected) x.rejected = x.rejected.filter((id) => id !== y.id);
          } else {
            same.delete(y.id);
            x.rejected = [...new Set([...(x.rejected ?? []), y.id])];
            if (x.accepted) x.accepted = x.accepted.filter((id) => id !== y.id);
          }
          x.sameAs = [...same];
          touch(x, edit.seq);
        }
        break;
      }
      case 'event.split':
        break; // handled by activeEdits: the merge it names is no longer in force
      case 'document.published':
        break; // applied to the store by the main process (set-date), not to events
      case 'entity.add':
      case 'entity.update':
      case 'entity.alias':
      case 'entity.merge':
      case 'entity.delete':
      case 'candidate.dismiss':
        break; // the catalog (catalog.ts); documents are matched again with it by the main process
    }
  }
  return { events: [...events.values()], orphaned };
}
