/**
 * Names the corpus uses that the catalog lacks, offered as suggestions: add one as a new entity of a chosen type,
 * add it as another name of an existing entity, or dismiss it (Undo brings it back).
 */
import { useState } from 'react';
import { foldName, type CandidateView, type CatalogEntityView } from '../../shared/catalog';
import type { EditOp } from '../../shared/edits';
import type { EntityType } from '../../shared/model';
import { TypeSelect } from './type-select';

const KIND_LABELS: Record<CandidateView['kind'], string> = {
  'latin-in-arabic': 'Latin-script name in Arabic text',
  capitalised: 'capitalised name',
  quoted: 'quoted name',
  'org-pattern': '“شركة/بنك …” name',
};
const SHOWN = 8;

/** Most names news suggests are organisations ("شركة X", acronyms, brands); the researcher picks otherwise. */
const FIRST_TYPE: EntityType = 'ORG';

function CandidateRow({ c, entities, busy, onEdit }: { c: CandidateView; entities: readonly CatalogEntityView[]; busy: boolean; onEdit: (op: EditOp) => Promise<boolean> }) {
  const [type, setType] = useState<EntityType>(FIRST_TYPE);
  const [aliasOf, setAliasOf] = useState('');
  const docs = c.docs.map((d) => d.title).join('\n');
  return (
    <li className="candidate" data-testid="candidate" data-candidate={c.text}>
      <div className="candidate-head">
        <bdi className="candidate-text" dir="auto">
          {c.text}
        </bdi>
        <span className="candidate-meta muted small" title={`${KIND_LABELS[c.kind]}\n${docs}`}>
          {c.count}× · {c.documents} {c.documents === 1 ? 'doc' : 'docs'} · {KIND_LABELS[c.kind]}
        </span>
        <button type="button" className="chip-remove dismiss" aria-label={`Dismiss ${c.text}`} title="Dismiss: don’t suggest it again (Undo brings it back)" disabled={busy} onClick={() => void onEdit({ kind: 'candidate.dismiss', key: c.key || foldName(c.text), text: c.text })} data-testid="candidate-dismiss">
          ×
        </button>
      </div>
      <div className="candidate-actions">
        <TypeSelect value={type} onChange={setType} label={`Type for ${c.text}`} disabled={busy} />
        <button type="button" className="btn small primary" disabled={busy} onClick={() => void onEdit({ kind: 'entity.add', name: c.text, type, aliases: [] })} data-testid="candidate-add">
          Add
        </button>
        <span className="muted small">or name of</span>
        <select value={aliasOf} onChange={(e) => setAliasOf(e.target.value)} aria-label={`Entity that ${c.text} is another name of`} disabled={busy} className="alias-of">
          <option value="">entity…</option>
          {entities.map((e) => (
            <option key={e.id} value={e.id}>
              {e.name}
            </option>
          ))}
        </select>
        {aliasOf && (
          <button type="button" className="btn small" disabled={busy} onClick={() => void onEdit({ kind: 'entity.alias', id: aliasOf, add: [c.text] }).then((ok) => ok && setAliasOf(''))} data-testid="candidate-alias">
            Add as name
          </button>
        )}
      </div>
    </li>
  );
}

export function CandidateList({ candidates, entities, busy, onEdit }: { candidates: readonly CandidateView[]; entities: readonly CatalogEntityView[]; busy: boolean; onEdit: (op: EditOp) => Promise<boolean> }) {
  const [all, setAll] = useState(false);
  const byName = [...entities].sort((a, b) => a.name.localeCompare(b.name));
  const shown = all ? candidates : candidates.slice(0, SHOWN);
  if (candidates.length === 0) return <p className="muted small">No names outside the catalog were found (or all were dismissed).</p>;
  return (
    <div data-testid="candidates">
      <p className="muted small">Names found in the articles that the catalog lacks. Add one and it shows in events, labels and filters.</p>
      <ul className="candidate-list">
        {shown.map((c) => (
          <CandidateRow key={c.key} c={c} entities={byName} busy={busy} onEdit={onEdit} />
        ))}
      </ul>
      {candidates.length > SHOWN && (
        <button type="button" className="link small" onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${candidates.length}`}
        </button>
      )}
    </div>
  );
}
