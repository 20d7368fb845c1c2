/**
 * The Entities tab: the catalog the matcher uses (with how often the corpus names each entity), the researcher's
 * changes to it, and the names found in the corpus that it lacks. Every change is an edit in the edits file (Undo
 * and Redo work as for events); the main process matches the touched articles again and the timeline reloads, so
 * labels and the entity filter follow at once.
 */
import { useMemo, useState } from 'react';
import type { CatalogEntityView } from '../../shared/catalog';
import { describeEdit } from '../editor/describe-edit';
import { describeError } from '../ipc/call-error';
import { normalizeText } from '../search/normalize-text';
import { CandidateList } from './candidate-list';
import { EntityEditor } from './entity-editor';
import { NewEntityForm } from './new-entity-form';
import { TypeBadge } from './type-select';
import { useEntityCatalog } from './use-entity-catalog';
import './entities.css';

const ROWS = 80;

function matches(e: CatalogEntityView, q: string): boolean {
  return !q || normalizeText(e.name).includes(q) || e.aliases.some((a) => normalizeText(a).includes(q)) || e.id.includes(q);
}

export function EntityPanel() {
  const { view, loadError, busy, error, clearError, edit } = useEntityCatalog();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [show, setShow] = useState<'catalog' | 'suggestions'>('catalog');
  const q = normalizeText(query.trim());
  const entities = useMemo(() => [...(view?.entities ?? [])].sort((a, b) => b.events - a.events || b.mentions - a.mentions || a.name.localeCompare(b.name)), [view]);
  const shown = useMemo(() => entities.filter((e) => matches(e, q)), [entities, q]);
  const byName = useMemo(() => [...entities].sort((a, b) => a.name.localeCompare(b.name)), [entities]);

  if (loadError) return <p className="editor-error">Could not load the entity catalog: {describeError(loadError)}</p>;
  if (!view) return <p className="muted small">Loading the entity catalog…</p>;
  return (
    <div className="entity-panel" data-testid="entity-panel" aria-busy={busy}>
      {error && (
        <p className="editor-error" role="alert" data-testid="entity-error">
          {error}{' '}
          <button type="button" className="link small" onClick={clearError}>
            Dismiss
          </button>
        </p>
      )}
      <div className="entity-views" role="tablist" aria-label="Entity views">
        {(['catalog', 'suggestions'] as const).map((v) => (
          <button key={v} type="button" role="tab" aria-selected={show === v} className={`entity-view${show === v ? ' active' : ''}`} onClick={() => setShow(v)} data-testid={`entities-${v}`}>
            {v === 'catalog' ? 'Catalog' : 'Suggested names'} <span className="tab-count">{v === 'catalog' ? entities.length : view.candidates.length}</span>
          </button>
        ))}
      </div>
      {show === 'suggestions' && <CandidateList candidates={view.candidates} entities={entities} busy={busy} onEdit={edit} />}
      {show === 'catalog' && (
        <section className="entity-section" aria-label="Catalog">
          <div className="entity-form-row">
            <label className="visually-hidden" htmlFor="entity-find">
              Find an entity
            </label>
            <input id="entity-find" type="search" className="entity-find" placeholder="Find an entity or one of its names…" value={query} onChange={(e) => setQuery(e.target.value)} dir="auto" data-testid="entity-find" />
            {!adding && (
              <button type="button" className="btn small" onClick={() => setAdding(true)} data-testid="entity-new">
                New entity
              </button>
            )}
          </div>
          {adding && <NewEntityForm busy={busy} onEdit={edit} onDone={() => setAdding(false)} />}
          <ul className="entity-list">
            {shown.slice(0, ROWS).map((e) => (
              <li key={e.id} className={`entity-row${open === e.id ? ' open' : ''}`} data-entity-id={e.id}>
                <button type="button" className="entity-summary" aria-expanded={open === e.id} onClick={() => setOpen(open === e.id ? null : e.id)}>
                  <bdi className="entity-name" dir="auto">
                    {e.name}
                  </bdi>
                  <TypeBadge type={e.type} />
                  {e.origin === 'user' ? <span className="edited-badge">added</span> : e.edited ? <span className="edited-badge">edited</span> : null}
                  <span className="entity-counts" title={`${e.mentions} mentions in ${e.documents} documents`}>
                    {e.events} {e.events === 1 ? 'event' : 'events'}
                  </span>
                </button>
                {open === e.id && <EntityEditor key={`${e.id}:${e.name}:${e.type}`} entity={e} others={byName.filter((o) => o.id !== e.id)} busy={busy} onEdit={edit} />}
              </li>
            ))}
          </ul>
          {shown.length > ROWS && <p className="muted small">{shown.length - ROWS} more: type to find them.</p>}
          {shown.length === 0 && <p className="muted small">No entity has that name.</p>}
        </section>
      )}

      {view.orphaned.length > 0 && (
        <details className="orphaned" data-testid="catalog-orphans">
          <summary>Catalog edits that no longer apply ({view.orphaned.length})</summary>
          <ul>
            {view.orphaned.map(({ edit: e, reason }) => (
              <li key={e.seq}>
                <span className="mono">#{e.seq}</span> {describeEdit(e).what} <span className="muted small">— {reason}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
