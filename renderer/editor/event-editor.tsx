import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { Anchor, EditedEvent, EditOp, EventPatch } from '../../shared/edits';
import { anchorOf } from '../../shared/edits';
import type { Certainty, Lang, TimexMod } from '../../shared/model';
import { applyMod, formatTimex, timexInterval } from '../../shared/timex';
import { CallError, describeError } from '../ipc/call-error';
import { parseDateInput } from './parse-date-input';
import './editor.css';

export type EditorTarget = { mode: 'edit'; event: EditedEvent } | { mode: 'add'; anchor: Anchor };

interface Props {
  target: EditorTarget;
  docTitle: string;
  lang: Lang | undefined;
  /** Records the edit; rejects with the main process's answer (shown inline). */
  onSave: (op: EditOp) => Promise<void>;
  onClose: () => void;
}

const MODS: Array<[TimexMod | '', string]> = [
  ['', 'none'],
  ['START', 'start (early …)'],
  ['MID', 'middle (mid-…)'],
  ['END', 'end (late …)'],
  ['APPROX', 'about'],
  ['BEFORE', 'before'],
  ['AFTER', 'after'],
];
const CERTAINTIES: Array<[Certainty, string]> = [
  ['stated', 'stated: the text says so'],
  ['inferred', 'inferred: derived from the text'],
  ['uncertain', 'uncertain: partly guessed'],
];

const tagsOf = (s: string): string[] => [...new Set(s.split(',').map((t) => t.trim()).filter(Boolean))];
const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** What the value means, in words, for the line under the date field. */
function datePreview(value: string, mod: string): string {
  const iv = timexInterval(value);
  if (!iv) return `${formatTimex(value, mod || undefined)} · not drawn on the timeline (unknown parts, a duration or a vague reference)`;
  const n = applyMod(iv, mod || undefined);
  const span = n.start === n.end ? n.start : `${n.start} → ${n.end}`;
  return `${formatTimex(value, mod || undefined)} · ${iv.precision} · ${span}`;
}

/**
 * Edits one event (date with modifier and certainty, label, note, tags, hidden) or adds one from a text selection.
 * A modal <dialog>: Esc cancels, Enter in a one-line field saves. Only what changed is sent.
 */
export function EventEditor({ target, docTitle, lang, onSave, onClose }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const ids = useId();
  const ev = target.mode === 'edit' ? target.event : null;
  const quote = target.mode === 'edit' ? target.event.text : target.anchor.text;
  const [date, setDate] = useState(ev?.date.value ?? '');
  const [mod, setMod] = useState<string>(ev?.date.mod ?? '');
  const [certainty, setCertainty] = useState<Certainty>(ev?.date.certainty ?? 'stated');
  const [label, setLabel] = useState(ev?.label ?? '');
  const [note, setNote] = useState(ev?.note ?? '');
  const [tags, setTags] = useState((ev?.tags ?? []).join(', '));
  const [hidden, setHidden] = useState(ev?.hidden ?? false);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const parsed = useMemo(() => parseDateInput(date), [date]);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);

  const onDateChange = (v: string): void => {
    setDate(v);
    const p = parseDateInput(v);
    if (p.ok && p.mod) setMod(p.mod);
  };

  function buildOp(): EditOp | null | string {
    if (!parsed.ok) return parsed.error;
    const datePatch = { value: parsed.value, mod: (mod || null) as TimexMod | null, certainty };
    if (target.mode === 'add') {
      if (!label.trim()) return 'a label is required for a new event';
      return { kind: 'event.add', anchor: target.anchor, date: datePatch, label: label.trim(), ...(note.trim() ? { note } : {}) };
    }
    const e = target.event;
    const patch: EventPatch = {};
    if (parsed.value !== e.date.value || (mod || null) !== (e.date.mod ?? null) || certainty !== e.date.certainty) patch.date = datePatch;
    if (label !== e.label) patch.label = label;
    if (note !== (e.note ?? '')) patch.note = note;
    const t = tagsOf(tags);
    if (!sameList(t, e.tags ?? [])) patch.tags = t;
    if (hidden !== (e.hidden ?? false)) patch.hidden = hidden;
    if (Object.keys(patch).length === 0) return null;
    return { kind: 'event.update', target: anchorOf(e), patch };
  }

  async function submit(ev: FormEvent): Promise<void> {
    ev.preventDefault();
    if (saving) return;
    const op = buildOp();
    if (typeof op === 'string') {
      setError(op);
      return;
    }
    if (op === null) {
      onClose(); // nothing changed
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await onSave(op);
      onClose();
    } catch (e) {
      // The main process answers bad input with {ok:false, code:'bad-request'}: its message says what is wrong.
      setError(e instanceof CallError ? e.message : describeError(e));
      setSaving(false);
    }
  }

  const title = target.mode === 'edit' ? 'Edit event' : 'Add an event';
  return (
    <dialog
      ref={dialog}
      className="editor-dialog"
      data-testid="event-editor"
      aria-labelledby={`${ids}-title`}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <form className="editor-form" onSubmit={(e) => void submit(e)} noValidate>
        <h2 id={`${ids}-title`}>{title}</h2>
        <p className="editor-doc muted small" dir="auto">
          {docTitle}
        </p>
        <blockquote className="editor-quote" dir="auto" lang={lang && lang !== 'und' ? lang : undefined}>
          {quote}
        </blockquote>
        <div className="editor-grid">
          <label htmlFor={`${ids}-date`}>Date</label>
          <div>
            <input
              id={`${ids}-date`}
              name="date"
              value={date}
              autoFocus
              autoComplete="off"
              spellCheck={false}
              aria-invalid={!parsed.ok}
              aria-describedby={`${ids}-date-hint`}
              onChange={(e) => onDateChange(e.target.value)}
              placeholder="2018-06-08, 2018-06, June 2018, 2018-Q2, 2016-SU, 2018"
            />
            <p id={`${ids}-date-hint`} className={`editor-hint${parsed.ok ? '' : ' invalid'}`} data-testid="date-hint">
              {parsed.ok ? datePreview(parsed.value, mod) : date.trim() ? parsed.error : 'A TIMEX value or a plain date such as “June 2018” or “8. Juni 2018”.'}
            </p>
          </div>
          <label htmlFor={`${ids}-mod`}>Modifier</label>
          <select id={`${ids}-mod`} name="mod" value={mod} onChange={(e) => setMod(e.target.value)}>
            {MODS.map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
          <label htmlFor={`${ids}-certainty`}>Certainty</label>
          <select id={`${ids}-certainty`} name="certainty" value={certainty} onChange={(e) => setCertainty(e.target.value as Certainty)}>
            {CERTAINTIES.map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
          <label htmlFor={`${ids}-label`}>Label</label>
          <input id={`${ids}-label`} name="label" value={label} dir="auto" autoComplete="off" onChange={(e) => setLabel(e.target.value)} />
          <label htmlFor={`${ids}-note`}>Note</label>
          <textarea id={`${ids}-note`} name="note" value={note} dir="auto" rows={3} onChange={(e) => setNote(e.target.value)} />
          {target.mode === 'edit' && (
            <>
              <label htmlFor={`${ids}-tags`}>Tags</label>
              <input id={`${ids}-tags`} name="tags" value={tags} dir="auto" autoComplete="off" placeholder="comma, separated" onChange={(e) => setTags(e.target.value)} />
              <span />
              <label className="editor-check">
                <input type="checkbox" name="hidden" checked={hidden} onChange={(e) => setHidden(e.target.checked)} /> Hide this event (kept in the store,
                listed under “Hidden events”)
              </label>
            </>
          )}
        </div>
        {error && (
          <p className="editor-error" role="alert" data-testid="editor-error">
            {error}
          </p>
        )}
        {target.mode === 'edit' && target.event.edited && <p className="muted small">This event has edits; Undo (Ctrl+Z) takes back the latest edit of the corpus.</p>}
        <div className="editor-buttons">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="btn primary" data-testid="save-event" disabled={saving}>
            {saving ? 'Saving…' : target.mode === 'edit' ? 'Save' : 'Add event'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
