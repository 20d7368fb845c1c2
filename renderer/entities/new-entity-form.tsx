import { useState } from 'react';
import type { EditOp } from '../../shared/edits';
import type { EntityType } from '../../shared/model';
import { TypeSelect } from './type-select';

/** Other names typed in one box: commas (Latin or Arabic), semicolons or new lines separate them. */
export const splitNames = (s: string): string[] =>
  s
    .split(/[,،;؛\n]/)
    .map((x) => x.trim())
    .filter(Boolean);

/** A new catalog entity: its name, type and other names. */
export function NewEntityForm({ busy, onEdit, onDone }: { busy: boolean; onEdit: (op: EditOp) => Promise<boolean>; onDone: () => void }) {
  const [name, setName] = useState('');
  const [type, setType] = useState<EntityType>('ORG');
  const [aliases, setAliases] = useState('');
  return (
    <form
      className="new-entity"
      data-testid="new-entity"
      onSubmit={(e) => {
        e.preventDefault();
        if (!name.trim()) return;
        void onEdit({ kind: 'entity.add', name: name.trim(), type, aliases: splitNames(aliases) }).then((ok) => {
          if (!ok) return;
          setName('');
          setAliases('');
          onDone();
        });
      }}
    >
      <div className="entity-form-row">
        <label className="visually-hidden" htmlFor="new-entity-name">
          Name
        </label>
        <input id="new-entity-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="Name" dir="auto" disabled={busy} autoFocus />
        <TypeSelect value={type} onChange={setType} label="Type" disabled={busy} />
      </div>
      <label className="visually-hidden" htmlFor="new-entity-aliases">
        Other names
      </label>
      <input id="new-entity-aliases" value={aliases} onChange={(e) => setAliases(e.target.value)} placeholder="Other names, comma-separated (any language)" dir="auto" disabled={busy} />
      <div className="entity-form-row end">
        <button type="button" className="btn small" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="btn small primary" disabled={busy || !name.trim()}>
          Add entity
        </button>
      </div>
    </form>
  );
}
