import { useId, useState, type FormEvent } from 'react';
import type { Published } from '../../shared/model';
import { CallError, describeError } from '../ipc/call-error';
import { parseDateInput } from './parse-date-input';
import './editor.css';

interface Props {
  published: Published | null;
  /** Sets (a YYYY, YYYY-MM or YYYY-MM-DD value) or clears (null) the date; rejects with the main process's answer. */
  onSave: (published: string | null) => Promise<unknown>;
}

/** Value for 'document:set-date' from what was typed: a day, a month or a year ("8 June 2018", "Juni 2018" too). */
export function publicationValue(input: string): { ok: true; value: string } | { ok: false; error: string } {
  const p = parseDateInput(input);
  if (!p.ok) return p;
  if (p.mod || !/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(p.value)) return { ok: false, error: 'a publication date is a day, a month or a year (2018-06-08, 2018-06, 2018)' };
  return { ok: true, value: p.value };
}

/**
 * A small form to set or clear an article's publication date (relative dates in it resolve again). Reusable: the
 * source pane header shows it, a documents panel can too.
 */
export function PublicationDateForm({ published, onSave }: Props) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState(published?.value ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async (v: string | null): Promise<void> => {
    setSaving(true);
    setError(null);
    try {
      await onSave(v);
      setOpen(false);
    } catch (e) {
      setError(e instanceof CallError ? e.message : describeError(e));
    } finally {
      setSaving(false);
    }
  };

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const p = publicationValue(value);
    if (!p.ok) setError(p.error);
    else void save(p.value);
  };

  if (!open)
    return (
      <button
        type="button"
        className="link small"
        data-testid="set-publication-date"
        onClick={() => {
          setValue(published?.value ?? '');
          setError(null);
          setOpen(true);
        }}
      >
        {published?.source === 'user' ? 'Change date' : 'Set date'}
      </button>
    );
  return (
    <form className="pubdate-form" onSubmit={submit} data-testid="publication-date-form">
      <label htmlFor={`${id}-pub`} className="visually-hidden">
        Publication date
      </label>
      <input
        id={`${id}-pub`}
        name="published"
        value={value}
        autoFocus
        autoComplete="off"
        placeholder="2018-06-08"
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
        aria-invalid={error !== null}
      />
      <button type="submit" className="btn small-btn primary" disabled={saving}>
        Save
      </button>
      {published?.source === 'user' && (
        <button type="button" className="btn small-btn" disabled={saving} onClick={() => void save(null)} title="Forget my date: use what the file or the text says">
          Clear
        </button>
      )}
      <button type="button" className="link small" onClick={() => setOpen(false)}>
        Cancel
      </button>
      {error && (
        <span className="editor-error inline" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
