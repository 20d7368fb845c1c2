import { useEffect, useMemo, useRef } from 'react';
import type { DocumentSummary } from '../../shared/ipc/contract';
import type { ChronoEvent } from '../../shared/model';
import { DocumentDateControl, useCurationRevision } from '../editor/curation-slots';
import { describeError } from '../ipc/call-error';
import { publishedLabel } from '../timeline/timeline-dom';
import { documentMarks } from './document-marks';
import { buildSegments } from './mark-segments';
import { MarkedText } from './marked-text';
import { useDocumentView } from './use-document-view';

const LANG_NAMES: Record<string, string> = { ar: 'Arabic', de: 'German', fr: 'French', en: 'English', und: 'undetermined' };
interface Props {
  /** The selected event (its sentence is marked); the timeline's slim event is enough. */
  event: Pick<ChronoEvent, 'id' | 'doc' | 'start' | 'end'> | null;
  summary: DocumentSummary | null;
  colorClass: string;
  onSelectEvent: (id: string) => void;
  /** Entity names learnt from a loaded document (for filters and lanes, which only know ids). */
  onEntities?: (entities: ReadonlyArray<{ id: string; name: string }>) => void;
}

export function SourcePane({ event, summary, colorClass, onSelectEvent, onEntities }: Props) {
  const { view, error, loading } = useDocumentView(event?.doc ?? null, useCurationRevision());
  const article = useRef<HTMLElement>(null);
  const doc = view?.document ?? null;
  const names = useMemo(() => new Map((view?.entities ?? []).map((x) => [x.id, x.name])), [view]);

  useEffect(() => {
    if (view?.entities?.length) onEntities?.(view.entities);
  }, [view, onEntities]);

  const nodes = useMemo(() => (view ? buildSegments(view.document.text.length, documentMarks(view, event, names)) : []), [view, event, names]);
  // Previous / next event in the article (reading order), hidden ones skipped.
  const inArticle = useMemo(
    () => (view ? view.events.filter((e) => !(e as { hidden?: boolean }).hidden).sort((a, b) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : 1)) : []),
    [view],
  );
  const at = event ? inArticle.findIndex((e) => e.id === event.id) : -1;
  const prev = at > 0 ? inArticle[at - 1] : undefined;
  const next = at >= 0 && at < inArticle.length - 1 ? inArticle[at + 1] : undefined;

  useEffect(() => {
    // After the marks are in the DOM: centre the selected sentence inside the pane.
    article.current?.querySelector('[data-testid="active-sentence"]')?.scrollIntoView({ block: 'center' });
  }, [nodes]);

  const isArabic = doc?.lang === 'ar';
  const published = doc?.published ?? summary?.published ?? null;

  return (
    <section className="source" aria-label="Source text">
      {doc && (
        <header className={`doc-meta ${colorClass}`} dir="ltr">
          <span className="swatch" aria-hidden="true" />
          <dl>
            <div>
              <dt>File</dt>
              <dd className="mono">{doc.file}</dd>
            </div>
            <div>
              <dt>Language</dt>
              <dd>
                <span className="lang-badge">{doc.lang.toUpperCase()}</span> {LANG_NAMES[doc.lang] ?? doc.lang}
              </dd>
            </div>
            {published && (
              <div>
                <dt>Published</dt>
                <dd>
                  {publishedLabel({ published })}{' '}
                  <span className={`cert-badge cert-${published.certainty}`}>{published.certainty}</span>{' '}
                  <span className="muted">via {published.source}</span> <DocumentDateControl docId={doc.id} published={published} />
                </dd>
              </div>
            )}
          </dl>
          {inArticle.length > 0 && at >= 0 && (
            <nav className="article-nav" aria-label="Events in this article">
              <button type="button" className="btn small" disabled={!prev} onClick={() => prev && onSelectEvent(prev.id)} data-testid="prev-in-article" title="Previous event in this article">
                ‹ Prev
              </button>
              <span className="muted small">
                {at + 1} / {inArticle.length} in article
              </span>
              <button type="button" className="btn small" disabled={!next} onClick={() => next && onSelectEvent(next.id)} data-testid="next-in-article" title="Next event in this article">
                Next ›
              </button>
            </nav>
          )}
          {published?.evidence && (
            <p className="evidence" dir="auto" title="Why we believe this publication date">
              {published.evidence}
            </p>
          )}
        </header>
      )}
      <article
        ref={article}
        className={`source-text${isArabic ? ' arabic' : ''}`}
        data-testid="source-pane"
        dir={isArabic ? 'rtl' : 'ltr'}
        lang={doc && doc.lang !== 'und' ? doc.lang : undefined}
        tabIndex={0}
        aria-label={doc ? `Text of ${doc.title}` : 'Source text'}
      >
        {!event && <p className="placeholder">Select an event on the timeline to read its source.</p>}
        {event && loading && <p className="placeholder">Loading document…</p>}
        {event && error !== null && (
          <p className="error" role="alert" dir="ltr">
            Could not load the document: {describeError(error)}
          </p>
        )}
        {doc && (
          <>
            <h2 className="doc-title" dir="auto">
              {doc.title || doc.file}
            </h2>
            <div className="doc-body">
              <MarkedText text={doc.text} nodes={nodes} onSelectEvent={onSelectEvent} />
            </div>
          </>
        )}
      </article>
    </section>
  );
}
