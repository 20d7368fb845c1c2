import { useId, useMemo, useState } from 'react';
import type { DocumentSummary } from '../../shared/ipc/contract';
import type { Certainty, ChronoEvent, Lang } from '../../shared/model';
import { normalizeText } from '../search/normalize-text';
import { entityCounts, entityLabel, langName, sortDocuments } from '../timeline/lanes';
import { isFiltered, NO_FILTERS, type Filters } from './filter-state';

interface Props {
  filters: Filters;
  onChange: (f: Filters) => void;
  /** All shown (not hidden) events: counts are over the whole corpus, so they don't jump while filtering. */
  events: ReadonlyArray<Pick<ChronoEvent, 'doc' | 'entities' | 'date'>>;
  documents: readonly DocumentSummary[];
  entityNames: ReadonlyMap<string, string>;
  /** The timeline's current window as days, for "use the visible range". */
  getWindowDays: () => { from: string; to: string } | null;
}

/** Long lists show this many rows until the researcher types in their own filter box. */
const LIST_ROWS = 60;

function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((x) => x !== value) : [...list, value];
}

function CheckList<T extends string>({
  legend,
  options,
  selected,
  onToggle,
  onClear,
  searchable,
}: {
  legend: string;
  options: Array<{ value: T; label: string; count: number; dir?: 'auto'; className?: string }>;
  selected: readonly T[];
  onToggle: (v: T) => void;
  onClear: () => void;
  searchable?: boolean;
}) {
  const [q, setQ] = useState('');
  const id = useId();
  const shown = useMemo(() => {
    const n = normalizeText(q);
    const matching = n ? options.filter((o) => normalizeText(o.label).includes(n)) : options;
    // Selected values always stay listed, so they can be unticked.
    const top = matching.slice(0, LIST_ROWS);
    const extra = options.filter((o) => selected.includes(o.value) && !top.includes(o));
    return { rows: [...extra, ...top], hidden: matching.length - top.length };
  }, [options, q, selected]);
  return (
    <fieldset className="filter-group">
      <legend>
        {legend}
        {selected.length > 0 && (
          <button type="button" className="link small" onClick={onClear} aria-label={`Show all ${legend.toLowerCase()}`}>
            all
          </button>
        )}
      </legend>
      {searchable && options.length > 8 && (
        <>
          <label htmlFor={id} className="visually-hidden">
            Find in {legend.toLowerCase()}
          </label>
          <input id={id} type="search" className="filter-find" placeholder={`Find ${legend.toLowerCase()}…`} value={q} onChange={(e) => setQ(e.target.value)} dir="auto" />
        </>
      )}
      <ul className="check-list">
        {shown.rows.map((o) => (
          <li key={o.value}>
            <label className={o.className}>
              <input type="checkbox" checked={selected.includes(o.value)} onChange={() => onToggle(o.value)} data-filter-value={o.value} />
              {o.className && <span className="swatch" aria-hidden="true" />}
              <span className="check-label" dir={o.dir}>
                {o.label}
              </span>
              <span className="check-count">{o.count.toLocaleString('en-US')}</span>
            </label>
          </li>
        ))}
      </ul>
      {shown.hidden > 0 && <p className="muted small">{shown.hidden} more: type to find them.</p>}
    </fieldset>
  );
}

export function FilterPanel({ filters, onChange, events, documents, entityNames, getWindowDays }: Props) {
  const langOf = useMemo(() => new Map(documents.map((d) => [d.id, d.lang])), [documents]);
  const counts = useMemo(() => {
    const langs = new Map<Lang, number>();
    const docs = new Map<string, number>();
    const cert = new Map<Certainty, number>();
    for (const e of events) {
      const l = langOf.get(e.doc) ?? 'und';
      langs.set(l, (langs.get(l) ?? 0) + 1);
      docs.set(e.doc, (docs.get(e.doc) ?? 0) + 1);
      cert.set(e.date.certainty, (cert.get(e.date.certainty) ?? 0) + 1);
    }
    return { langs, docs, cert, entities: entityCounts(events) };
  }, [events, langOf]);
  const set = (patch: Partial<Filters>): void => onChange({ ...filters, ...patch });

  return (
    <div className="filter-panel" aria-label="Filters">
      <div className="filter-actions">
        <button type="button" className="btn" disabled={!isFiltered(filters)} onClick={() => onChange(NO_FILTERS)}>
          Clear all filters
        </button>
      </div>
      <fieldset className="filter-group">
        <legend>Date range</legend>
        <div className="date-range">
          <label>
            From
            <input type="date" value={filters.from ?? ''} max={filters.to ?? undefined} onChange={(e) => set({ from: e.target.value || null })} data-testid="filter-from" />
          </label>
          <label>
            To
            <input type="date" value={filters.to ?? ''} min={filters.from ?? undefined} onChange={(e) => set({ to: e.target.value || null })} data-testid="filter-to" />
          </label>
        </div>
        <div className="row-actions">
          <button
            type="button"
            className="link small"
            onClick={() => {
              const w = getWindowDays();
              if (w) set({ from: w.from, to: w.to });
            }}
          >
            use the visible range
          </button>
          {(filters.from || filters.to) && (
            <button type="button" className="link small" onClick={() => set({ from: null, to: null })}>
              any date
            </button>
          )}
        </div>
      </fieldset>
      <CheckList
        legend="Certainty"
        options={(['stated', 'inferred', 'uncertain'] as Certainty[]).map((c) => ({ value: c, label: c, count: counts.cert.get(c) ?? 0, className: `cert-opt cert-${c}` }))}
        selected={filters.certainty}
        onToggle={(v) => set({ certainty: toggle(filters.certainty, v) })}
        onClear={() => set({ certainty: [] })}
      />
      <CheckList
        legend="Languages"
        options={(['ar', 'de', 'fr', 'en', 'und'] as Lang[]).filter((l) => documents.some((d) => d.lang === l)).map((l) => ({ value: l, label: `${langName(l)} (${l.toUpperCase()})`, count: counts.langs.get(l) ?? 0 }))}
        selected={filters.langs}
        onToggle={(v) => set({ langs: toggle(filters.langs, v) })}
        onClear={() => set({ langs: [] })}
      />
      <CheckList
        legend="Entities"
        searchable
        options={counts.entities.map((x) => ({ value: x.id, label: entityLabel(x.id, entityNames), count: x.count, dir: 'auto' as const }))}
        selected={filters.entities}
        onToggle={(v) => set({ entities: toggle(filters.entities, v) })}
        onClear={() => set({ entities: [] })}
      />
      <CheckList
        legend="Documents"
        searchable
        options={sortDocuments(documents).map((d) => ({ value: d.id, label: d.title || d.file, count: counts.docs.get(d.id) ?? 0, dir: 'auto' as const }))}
        selected={filters.docs}
        onToggle={(v) => set({ docs: toggle(filters.docs, v) })}
        onClear={() => set({ docs: [] })}
      />
    </div>
  );
}
