import type { ReactNode } from 'react';

interface Props {
  /** Colour swatches of the current colour mode (documents or entities). */
  entries: ReadonlyArray<{ colorClass: string; label: string; title: string }>;
  undated: number;
  problems: number;
  /** Whether some drawn dates only frame a figure (drawn muted). */
  framing?: boolean;
  onShowUndated: () => void;
  onShowProblems: () => void;
  /** What the timeline draws when it clusters: an `li` (SliceStatusLine), or nothing. */
  status?: ReactNode;
}

/**
 * Colours and the certainty styles, so an uncertain year never passes for a stated one. The colour list is one line
 * (the lane labels carry the same swatches); full names are in the tooltips.
 */
export function Legend({ entries, undated, problems, framing, onShowUndated, onShowProblems, status }: Props) {
  return (
    <div className="legend" aria-label="Legend">
      <ul className="legend-docs">
        {entries.map((d) => (
          <li key={`${d.colorClass}-${d.label}`} className={d.colorClass} title={d.title}>
            <span className="swatch" aria-hidden="true" />
            <span className="legend-title" dir="auto">
              {d.label}
            </span>
          </li>
        ))}
      </ul>
      <ul className="legend-cert">
        {status}
        <li>
          <span className="cert-key cert-stated" aria-hidden="true" /> stated
        </li>
        <li>
          <span className="cert-key cert-inferred" aria-hidden="true" /> inferred
        </li>
        <li>
          <span className="cert-key cert-uncertain" aria-hidden="true" /> uncertain ?
        </li>
        {framing && (
          <li title="A date that only frames a figure (“in the year ending 31 March 2018”), not when the statement was made">
            <span className="cert-key role-context" aria-hidden="true" /> <i>frames a figure</i>
          </li>
        )}
        {undated > 0 && (
          <li>
            <button type="button" className="link small" onClick={onShowUndated} data-testid="undated-count">
              {undated} undated
            </button>
          </li>
        )}
        {problems > 0 && (
          <li>
            <button type="button" className="link small" onClick={onShowProblems}>
              {problems} file problems
            </button>
          </li>
        )}
      </ul>
    </div>
  );
}
