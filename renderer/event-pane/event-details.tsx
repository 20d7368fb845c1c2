import type { DocumentSummary } from '../../shared/ipc/contract';
import type { EditedEvent } from '../../shared/edits';
import type { TimelineEvent } from '../../shared/timeline-pack';
import { SelectedEventActions, SelectedEventProvenance } from '../editor/curation-slots';
import { dateLabel, eventInterval } from '../timeline/build-items';

const CERTAINTY_HINT: Record<string, string> = {
  stated: 'the text states this date',
  inferred: 'derived from the text and the publication date',
  uncertain: 'part of the date (often the year) was guessed',
};

interface Props {
  event: TimelineEvent;
  /** The same event in full (`event:get`): its sentence, actions and provenance; null while it loads. */
  full: EditedEvent | null;
  doc: DocumentSummary | undefined;
  colorClass: string;
  onSelectEvent: (id: string) => void;
}

export function EventDetails({ event, full, doc, colorClass, onSelectEvent }: Props) {
  const iv = eventInterval(event);
  return (
    <div className="event-details" aria-label="Selected event">
      <div className="event-date">
        <strong>{dateLabel(event)}</strong>
        <span className={`cert-badge cert-${event.date.certainty}`} title={CERTAINTY_HINT[event.date.certainty]}>
          {event.date.certainty}
        </span>
        {event.edited && <span className="cert-badge">edited</span>}
        {full?.role === 'context' && (
          <span className="cert-badge role-context" data-testid="context-date" title="This date frames a figure (“in the year ending 31 March 2018”); it is not when the statement was made">
            frames a figure
          </span>
        )}
      </div>
      {full && <SelectedEventActions event={full} />}
      <p className="muted small">
        <span className="mono">{event.date.value}</span>
        {event.date.mod ? <span className="mono"> · {event.date.mod}</span> : null}
        {iv ? (iv.precision === 'day' ? '' : ` · ${iv.start} → ${iv.end} (${iv.precision})`) : ' · not on the timeline (unknown parts)'}
      </p>
      <p className={`event-doc ${colorClass}`}>
        <span className="swatch" aria-hidden="true" />
        <span dir="auto">{doc?.title ?? event.doc}</span>
      </p>
      <blockquote dir="auto" lang={doc?.lang !== 'und' ? doc?.lang : undefined} aria-busy={full ? undefined : 'true'}>
        {full ? full.text : event.label}
      </blockquote>
      {full?.sameAs && full.sameAs.length > 0 && (
        <p className="small">
          Same event as:{' '}
          {full.sameAs.map((id) => (
            <button key={id} type="button" className="link" onClick={() => onSelectEvent(id)}>
              {id}
            </button>
          ))}
        </p>
      )}
      {full && <SelectedEventProvenance event={full} onSelectEvent={onSelectEvent} />}
    </div>
  );
}
