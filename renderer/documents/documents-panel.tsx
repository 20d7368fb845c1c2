import { useState } from 'react';
import type { DocumentSummary } from '../../shared/ipc/contract';
import type { FileProblem } from '../../shared/model';
import { request } from '../ipc/api';
import { describeError } from '../ipc/call-error';
import { langName, sortDocuments } from '../timeline/lanes';
import { publishedLabel } from '../timeline/timeline-dom';

const SOURCE_HINT: Record<string, string> = {
  manifest: 'from manifest.csv',
  frontmatter: 'from the front matter',
  html: 'from the page’s metadata',
  filename: 'from the file name',
  text: 'read in the text',
  user: 'set by you',
  none: 'nothing says when it appeared',
};

const VALID = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** Rows rendered at most; a corpus of thousands is narrowed with the filter box. */
const MAX_ROWS = 300;

interface Props {
  documents: readonly DocumentSummary[];
  problems: readonly FileProblem[];
  colors: ReadonlyMap<string, string>;
  /** After a date was set: load the timeline again. */
  onChanged: () => Promise<void>;
  onShowDocument: (id: string) => void;
}

function DateForm({ doc, onChanged }: { doc: DocumentSummary; onChanged: () => Promise<void> }) {
  const [value, setValue] = useState(doc.published.value ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async (published: string | null): Promise<void> => {
    if (published !== null && !VALID.test(published)) {
      setError('Use YYYY, YYYY-MM or YYYY-MM-DD');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await request('document:set-date', { id: doc.id, published });
      await onChanged();
    } catch (err) {
      setError(describeError(err));
    } finally {
      setBusy(false);
    }
  };
  const inputId = `date-${doc.id}`;
  return (
    <form
      className="date-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save(value.trim());
      }}
    >
      <label htmlFor={inputId}>Publication date</label>
      <input id={inputId} value={value} onChange={(e) => setValue(e.target.value)} placeholder="YYYY-MM-DD" inputMode="numeric" size={11} aria-invalid={error !== null} data-testid="doc-date-input" />
      <button type="submit" className="btn small" disabled={busy || value.trim() === (doc.published.value ?? '')} data-testid="doc-date-save">
        {busy ? 'Saving…' : 'Set date'}
      </button>
      {doc.published.source === 'user' && (
        <button type="button" className="link small" disabled={busy} onClick={() => void save(null)} title="Forget the date you set and use what the article says">
          undo my date
        </button>
      )}
      {error && (
        <span className="error small" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}

/** Every article with its publication date, where that date came from and how sure it is; fix it here. */
export function DocumentsPanel({ documents, problems, colors, onChanged, onShowDocument }: Props) {
  const [q, setQ] = useState('');
  const sorted = sortDocuments(documents);
  const needle = q.trim().toLowerCase();
  const matching = needle ? sorted.filter((d) => `${d.title} ${d.file}`.toLowerCase().includes(needle)) : sorted;
  const rows = matching.slice(0, MAX_ROWS);
  const undatedDocs = documents.filter((d) => !d.published.value).length;
  return (
    <div className="documents-panel" data-testid="documents-panel">
      <p className="muted small">
        {documents.length} documents{undatedDocs > 0 ? ` · ${undatedDocs} without a publication date` : ''}
        {problems.length > 0 ? ` · ${problems.length} files could not be used` : ''}
      </p>
      {documents.length > 8 && (
        <>
          <label htmlFor="doc-find" className="visually-hidden">
            Find a document
          </label>
          <input id="doc-find" type="search" className="filter-find" placeholder="Find a document…" value={q} onChange={(e) => setQ(e.target.value)} dir="auto" />
        </>
      )}
      <ul className="doc-list">
        {rows.map((d) => (
          <li key={d.id} className={`doc-card ${colors.get(d.id) ?? ''}`} data-doc-id={d.id}>
            <div className="doc-card-head">
              <span className="swatch" aria-hidden="true" />
              <button type="button" className="doc-card-title link" dir="auto" onClick={() => onShowDocument(d.id)} title={`${d.file}: show its events`}>
                {d.title || d.file}
              </button>
              <span className="lang-badge" title={langName(d.lang)}>
                {d.lang.toUpperCase()}
              </span>
            </div>
            <div className="doc-card-date">
              <strong>{publishedLabel(d)}</strong> <span className={`cert-badge cert-${d.published.certainty}`}>{d.published.certainty}</span>{' '}
              <span className="muted small">{SOURCE_HINT[d.published.source] ?? d.published.source}</span>
              <span className="muted small"> · {d.eventCount} events</span>
            </div>
            {d.published.evidence && (
              <p className="evidence small" dir="auto">
                {d.published.evidence}
              </p>
            )}
            {d.problems.length > 0 && (
              <ul className="problems small">
                {d.problems.map((p) => (
                  <li key={`${p.code}-${p.message}`}>
                    <span className="mono">{p.code}</span> {p.message}
                  </li>
                ))}
              </ul>
            )}
            <DateForm key={d.published.value ?? ''} doc={d} onChanged={onChanged} />
          </li>
        ))}
      </ul>
      {matching.length > rows.length && <p className="muted small">Showing {rows.length} of {matching.length}; type to narrow the list.</p>}
      {problems.length > 0 && (
        <section className="file-problems" aria-label="Files that could not be used">
          <h3 className="pane-title">Files that could not be used</h3>
          <ul className="problems small">
            {problems.map((p) => (
              <li key={`${p.file}-${p.code}`}>
                <span className="mono">{p.file}</span> — <span className="mono">{p.code}</span>: {p.message}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
