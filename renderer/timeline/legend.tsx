import type { DocumentSummary } from '../../shared/ipc/contract';

interface Props {
  documents: readonly DocumentSummary[];
  colors: ReadonlyMap<string, string>;
  undated: number;
  problems: number;
}

/**
 * Document colours and the certainty styles, so an uncertain year never passes for a stated one. The document
 * list is one line (the timeline's group labels carry the same swatches); the full titles are in the tooltips.
 */
export function Legend({ documents, colors, undated, problems }: Props) {
  return (
    <div className="legend" aria-label="Legend">
      <ul className="legend-docs">
        {documents.map((d) => (
          <li key={d.id} className={colors.get(d.id)} title={`${d.title} (${d.file})`}>
            <span className="swatch" aria-hidden="true" />
            <span className="legend-title" dir="auto">
              {d.title || d.file}
            </span>
          </li>
        ))}
      </ul>
      <ul className="legend-cert">
        <li>
          <span className="cert-key cert-stated" aria-hidden="true" /> stated
        </li>
        <li>
          <span className="cert-key cert-inferred" aria-hidden="true" /> inferred
        </li>
        <li>
          <span className="cert-key cert-uncertain" aria-hidden="true" /> uncertain ?
        </li>
        {undated > 0 && <li className="muted">{undated} undated not drawn</li>}
        {problems > 0 && <li className="muted">{problems} file problems</li>}
      </ul>
    </div>
  );
}
