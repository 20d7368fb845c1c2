/** One catalog entity opened for editing: rename or retype, add and remove names, merge into another, delete. */
import { useState } from 'react';
import { foldName, type CatalogEntityView } from '../../shared/catalog';
import type { EditOp } from '../../shared/edits';
import type { EntityType } from '../../shared/model';
import { TypeSelect } from './type-select';

interface Props {
  entity: CatalogEntityView;
  /** Every other entity, by name: merge targets. */
  others: readonly CatalogEntityView[];
  busy: boolean;
  onEdit: (op: EditOp) => Promise<boolean>;
}

export function EntityEditor({ entity, others, busy, onEdit }: Props) {
  const [name, setName] = useState(entity.name);
  const [type, setType] = useState<EntityType>(entity.type);
  const [alias, setAlias] = useState('');
  const [into, setInto] = useState('');
  const renamed = name.trim() !== entity.name || type !== entity.type;
  const save = (): void =>
    void onEdit({ kind: 'entity.update', id: entity.id, ...(name.trim() !== entity.name ? { name: name.trim() } : {}), ...(type !== entity.type ? { type } : {}) });
  const addAlias = (): void => {
    const a = alias.trim();
    if (a) void onEdit({ kind: 'entity.alias', id: entity.id, add: [a] }).then((ok) => ok && setAlias(''));
  };
  return (
    <div className="entity-editor" data-testid="entity-editor">
      <form
        className="entity-form-row"
        onSubmit={(e) => {
          e.preventDefault();
          if (renamed) save();
        }}
      >
        <label className="visually-hidden" htmlFor={`name-${entity.id}`}>
          Name
        </label>
        <input id={`name-${entity.id}`} value={name} onChange={(e) => setName(e.target.value)} dir="auto" disabled={busy} data-testid="entity-name-input" />
        <TypeSelect value={type} onChange={setType} label="Type" disabled={busy} />
        <button type="submit" className="btn small" disabled={busy || !renamed || !name.trim()}>
          Save
        </button>
      </form>

      <div className="mini-title">Names matched in the text</div>
      <ul className="alias-chips" aria-label={`Names of ${entity.name}`}>
        <li className="alias-chip main" dir="auto">
          {entity.name}
        </li>
        {entity.aliases.filter((a) => foldName(a) !== foldName(entity.name)).map((a) => (
          <li key={a} className="alias-chip" data-testid="alias-chip">
            <bdi dir="auto">{a}</bdi>
            <button type="button" className="chip-remove" aria-label={`Remove the name ${a}`} disabled={busy} onClick={() => void onEdit({ kind: 'entity.alias', id: entity.id, remove: [a] })}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <form
        className="entity-form-row"
        onSubmit={(e) => {
          e.preventDefault();
          addAlias();
        }}
      >
        <label className="visually-hidden" htmlFor={`alias-${entity.id}`}>
          Another name
        </label>
        <input id={`alias-${entity.id}`} value={alias} onChange={(e) => setAlias(e.target.value)} placeholder="Another name, in any language…" dir="auto" disabled={busy} data-testid="alias-input" />
        <button type="submit" className="btn small" disabled={busy || !alias.trim()} data-testid="alias-add">
          Add name
        </button>
      </form>

      <div className="entity-form-row">
        <select value={into} onChange={(e) => setInto(e.target.value)} aria-label={`Merge ${entity.name} into`} disabled={busy} data-testid="merge-target">
          <option value="">Merge into…</option>
          {others.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name} ({o.type})
            </option>
          ))}
        </select>
        <button type="button" className="btn small" disabled={busy || !into} onClick={() => void onEdit({ kind: 'entity.merge', into, from: [entity.id] })} data-testid="merge">
          Merge
        </button>
        <button type="button" className="btn small danger entity-delete" disabled={busy} onClick={() => void onEdit({ kind: 'entity.delete', id: entity.id })} data-testid="entity-delete">
          Delete
        </button>
      </div>
      <p className="muted small">Merging keeps the other entity and adds this one’s names to it. Every change can be undone (Ctrl+Z).</p>
    </div>
  );
}
