import type { EntityType } from '../../shared/model';
import { ENTITY_TYPES } from '../../shared/catalog';

export const TYPE_LABELS: Record<EntityType, string> = { ORG: 'Organisation', PERSON: 'Person', PLACE: 'Place', OTHER: 'Other' };

/** ORG / PERSON / PLACE / OTHER, named in words. */
export function TypeSelect({ value, onChange, label, disabled, testId }: { value: EntityType; onChange: (t: EntityType) => void; label: string; disabled?: boolean; testId?: string }) {
  return (
    <select value={value} onChange={(e) => onChange(e.target.value as EntityType)} aria-label={label} disabled={disabled} data-testid={testId}>
      {ENTITY_TYPES.map((t) => (
        <option key={t} value={t}>
          {TYPE_LABELS[t]}
        </option>
      ))}
    </select>
  );
}

export function TypeBadge({ type }: { type: EntityType }) {
  return (
    <span className={`type-badge type-${type.toLowerCase()}`} title={TYPE_LABELS[type]}>
      {type}
    </span>
  );
}
