/**
 * Curation pieces connected to the CurationProvider, for the explorer's layout to place: each renders nothing
 * outside a provider (the print view, tests), so dropping one in is a one-line change.
 */
import type { EditedEvent } from '../../shared/edits';
import { anchorOf } from '../../shared/edits';
import type { Published } from '../../shared/model';
import { useCurationContext } from './curation-context';
import { CurationPanel } from './curation-panel';
import { EventActions, EventProvenance } from './event-curation';
import { HistoryButtons } from './history-buttons';
import { MergeTray } from './merge-tray';
import { PublicationDateForm } from './publication-date-form';

/** Undo / redo in the header. */
export function CurationHistory() {
  const c = useCurationContext();
  if (!c) return null;
  return <HistoryButtons history={c.data.history} busy={c.busy} onUndo={c.undo} onRedo={c.redo} />;
}

/** Above the event list: errors of one-click actions, orphaned edits, hidden events, the merge tray. */
export function CurationSidebar() {
  const c = useCurationContext();
  if (!c) return null;
  const hidden = c.data.events.filter((e) => e.hidden);
  return (
    <>
      {c.error && (
        <p className="editor-error" role="alert" data-testid="curation-error">
          {c.error}{' '}
          <button type="button" className="link small" onClick={c.clearError}>
            Dismiss
          </button>
        </p>
      )}
      <CurationPanel orphaned={c.data.orphaned} hidden={hidden} docsById={c.docsById} busy={c.busy} onUnhide={(id) => c.runWith(id, (e) => ({ kind: 'event.update', target: anchorOf(e), patch: { hidden: false } }))} />
      <MergeTray picked={c.picked} eventsById={c.eventsById} busy={c.busy} onRemove={c.removePick} onClear={c.clearPicks} onMerge={c.merge} />
    </>
  );
}

/** Under the selected event's date: Edit, Pick for merge, Split, Delete. */
export function SelectedEventActions({ event: e }: { event: EditedEvent }) {
  const c = useCurationContext();
  if (!c) return null;
  return <EventActions event={e} picked={c.picked.includes(e.id)} busy={c.busy} onEdit={() => c.edit(e.id)} onTogglePick={() => c.togglePick(e.id)} run={(op) => void c.run(op)} />;
}

/** At the end of the selected event's details: note, tags, merged sources, same-event suggestions. */
export function SelectedEventProvenance({ event: e, onSelectEvent }: { event: EditedEvent; onSelectEvent: (id: string) => void }) {
  const c = useCurationContext();
  if (!c) return null;
  return <EventProvenance event={e} eventsById={c.eventsById} docsById={c.docsById} busy={c.busy} shownSource={c.shownSource} onShowSource={c.showSource} onSelectEvent={onSelectEvent} runWith={c.runWith} />;
}

/** The source pane header's "Set date" for the shown article. */
export function DocumentDateControl({ docId, published }: { docId: string; published: Published | null }) {
  const c = useCurationContext();
  if (!c) return null;
  return <PublicationDateForm key={docId} published={published} onSave={(v) => c.setPublicationDate(docId, v)} />;
}

/** Bumped after every reload: the source pane fetches its document again (events, publication date). */
export function useCurationRevision(): number {
  return useCurationContext()?.revision ?? 0;
}
